import BotRuntime
import BotScript
import ConformJSON
import JSEngine
import Testing

/// Required data files and CSV dictionaries (`var = Faq`, `var = $Products`) as globals: each
/// conversation gets its own copy, parsed when a script first reads it.
@Suite struct DataGlobalTests {
    static let files = [
        "src/data/faq.yaml": "hours: \"9-18\"\nphones:\n  - \"+7 000 000-00-00\"\n",
        "src/data/products.csv": "1;телефон,смартфон;{\"kind\": \"phone\"}\n2;ноутбук,лэптоп;{\"kind\": \"laptop\"}\n",
    ]
    static let main = """
        require: data/faq.yaml
            var = Faq
        require: data/products.csv
            name = Products
            var = $Products
        init:
            var openingHours = Faq.hours;
        theme: /
            state: Hours
                q!: hours
                a: {{ openingHours }} {{ typeof $Products }} {{ Object.keys(this).indexOf("Faq") >= 0 }}
            state: Spoil
                q!: spoil
                script:
                    Faq.hours = "never";
                    $Products = "gone";
                a: {{ Faq.hours }} {{ $Products }}
        """

    @Test func dataGlobalsReadWriteAndStayInTheirConversation() throws {
        let bot = try InlineBot(Self.main, files: Self.files)
        #expect(bot.bot.project.diagnostics.isEmpty, "\(bot.bot.project.diagnostics)")
        let engine = JSEngine()
        let first = try Conversation(bot: bot.bot, engine: engine)
        #expect(first.process(BotRequest(query: "hours")).texts == ["9-18 object true"])
        #expect(first.process(BotRequest(query: "spoil")).texts == ["never gone"])
        #expect(first.process(BotRequest(query: "spoil")).texts == ["never gone"])
        // The next conversation (the same engine) starts from the files again.
        let second = try Conversation(bot: bot.bot, engine: engine)
        #expect(second.process(BotRequest(query: "hours")).texts == ["9-18 object true"])
    }
}
