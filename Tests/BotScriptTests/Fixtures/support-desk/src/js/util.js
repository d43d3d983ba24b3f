function ticketConverter(parseTree) {
    return parseTree.text.toUpperCase();
}
