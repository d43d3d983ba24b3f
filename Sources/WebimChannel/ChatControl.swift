import WebimProtocol

/// What the bot asks Webim to do with the chat itself, beside messages.
public enum ChatControl: Sendable, Equatable {
    case redirect(WebimRedirectTarget)
    case setCategory(category: String, subcategory: String?)
    case close
}
