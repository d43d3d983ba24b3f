import ConformJSON
import Testing
import WebimProtocol

/// `--domain`: the Webim account the way JAICP's channel settings name it.
@Suite struct WebimAccountTests {
    @Test func aBareDomainIsAnAccountOnWebimRu() throws {
        #expect(try WebimAccount("examplecom").baseURL == "https://examplecom.webim.ru")
        #expect(try WebimAccount("ExampleCom").botAPIBase == "https://examplecom.webim.ru/api/bot/v2/")
        #expect(try WebimAccount("shop-2").baseURL == "https://shop-2.webim.ru")
    }

    @Test func aHostOrAFullAddressIsTakenAsItIs() throws {
        #expect(try WebimAccount("examplecom.webim.ru").baseURL == "https://examplecom.webim.ru")
        #expect(try WebimAccount("https://chat.example.com/").baseURL == "https://chat.example.com")
        #expect(try WebimAccount("http://127.0.0.1:8081").botAPIBase == "http://127.0.0.1:8081/api/bot/v2/")
    }

    @Test func invalidDomainsAreRefusedWithWhatToWrite() {
        for bad in ["", "exa mple", "-shop", "shop_1", "ftp://x.ru", "https://", "https://a.ru/api", "https://u:p@a.ru",
                    "a..ru", "https://a.ru?x=1", "пример"] {
            #expect(throws: WebimAccount.Invalid.self, "\(bad)") { try WebimAccount(bad) }
        }
        var message = ""
        do { _ = try WebimAccount("exa mple") } catch { message = error.description }
        #expect(message == "--domain expects the Webim account's domain (examplecom for https://examplecom.webim.ru) or its https:// address, got 'exa mple'")
    }
}

@Suite struct ScriptOnAccountTests {
    @Test func fileURLsGivenAsAPathAreMadeAbsoluteOnTheAccount() throws {
        let script = try ConversationScript(json: [
            "chat": 1, "visitor": ["id": "v"],
            "steps": [["file": ["url": "/api/bot/v2/file/c06?hash=a01", "name": "t.txt"]],
                      ["file": ["url": "https://cdn.example.com/x.png", "name": "x.png"]], "open"],
        ])
        let located = script.locatingFiles(on: try WebimAccount("examplecom"))
        #expect(located.steps[0] == .file(["url": "https://examplecom.webim.ru/api/bot/v2/file/c06?hash=a01", "name": "t.txt"]))
        #expect(located.steps[1] == script.steps[1])
        #expect(located.steps[2] == .open)
    }
}
