// Deterministic stand-ins for a real order system: the status follows from the number.
function orderNumberConverter(parseTree) {
    return parseTree.text;
}

function orderStatus(number) {
    var last = Number(String(number).slice(-1));
    if (last % 3 === 0) return "delivered";
    if (last % 3 === 1) return "shipped";
    return "preparing";
}
