import ConformJSON
import Recording
import Testing

/// What never reaches a recording file.
@Suite struct RedactorTests {
    @Test func credentialHeadersAreReplacedWhateverTheirCase() {
        let redactor = Redactor(headers: ["X-Api-Key"])
        #expect(redactor.header("Authorization", "Token abc") == "[redacted]")
        #expect(redactor.header("cookie", "s=1") == "[redacted]")
        #expect(redactor.header("set-cookie", "s=1") == "[redacted]")
        #expect(redactor.header("proxy-authorization", "Basic x") == "[redacted]")
        #expect(redactor.header("x-api-key", "k1") == "[redacted]")
        #expect(redactor.header("content-type", "application/json") == "application/json")
    }

    @Test func urlUserinfoAndCredentialLikeQueryParametersAreReplaced() {
        let redactor = Redactor()
        #expect(redactor.url("https://admin:pa55@acct.webim.ru/api?x=1") == "https://[redacted]@acct.webim.ru/api?x=1")
        #expect(redactor.url("/hook?secret=s3&chat=1&access_token=t&apiKey=k&Signature=abc&password=p")
            == "/hook?secret=[redacted]&chat=1&access_token=[redacted]&apiKey=[redacted]&Signature=[redacted]&password=[redacted]")
        #expect(redactor.url("/hook?flag&x=1#frag") == "/hook?flag&x=1#frag")
        #expect(redactor.url("https://acct.webim.ru/path@x") == "https://acct.webim.ru/path@x")
    }

    /// RECORDING-FORMAT.md: userinfo in URLs and credential-like query parameters are always
    /// redacted — in bodies too (a chat's page address, a file link), whole or inside a sentence.
    @Test func urlsInsideBodiesLoseTheirCredentials() {
        let redactor = Redactor()
        let body: JSONValue = [
            "location": ["address": "https://shop.example/delivery?token=LOCTOKEN123&page=2"],
            "message": ["text": "see http://user:pw@files.example/a.pdf?key=K9, thanks", "data": ["url": "https://f.example/x?a=1&token=FT9"]],
            "plain": "no url here?token=stays",
        ]
        #expect(redactor.body(body) == [
            "location": ["address": "https://shop.example/delivery?token=[redacted]&page=2"],
            "message": ["text": "see http://[redacted]@files.example/a.pdf?key=[redacted], thanks",
                        "data": ["url": "https://f.example/x?a=1&token=[redacted]"]],
            "plain": "no url here?token=stays",
        ])
        // A matcher a person wrote is a pattern, not an address.
        #expect(redactor.body(["m": "{{re:https://x\\.ru/\\?token=.*}}"]) == ["m": "{{re:https://x\\.ru/\\?token=.*}}"])
        #expect(redactor.strings(["session": ["page": "https://shop.example/?token=T1"]])
            == ["session": ["page": "https://shop.example/?token=[redacted]"]])
    }

    @Test func declaredSecretsAreRemovedFromEveryStringIncludingPercentEncodedForms() {
        let redactor = Redactor(secrets: ["hunter2!", "admin@shop.example"])
        #expect(redactor.text("my password is hunter2! ok") == "my password is [redacted] ok")
        #expect(redactor.url("https://x.example/login?u=admin%40shop.example") == "https://x.example/login?u=[redacted]")
        let body: JSONValue = ["message": ["text": "mail admin@shop.example now"], "hunter2!": 1, "n": 5]
        #expect(redactor.body(body) == ["message": ["text": "mail [redacted] now"], "[redacted]": 1, "n": 5])
    }

    @Test func shortSecretsAreIgnoredRatherThanShreddingText() {
        #expect(Redactor(secrets: ["ab", ""]).text("about abc") == "about abc")
    }

    @Test func configuredBodyPathsAreReplacedInRequestAndResponseBodies() throws {
        let redactor = Redactor(bodyPaths: [try #require(JSONPathPattern("visitor.fields.phone")),
                                            try #require(JSONPathPattern("messages[*].text"))])
        let exchange: JSONValue = [
            "request": ["method": "POST", "path": "/", "headers": ["authorization": "Token t"],
                        "body": ["visitor": ["id": "v", "fields": ["phone": "+7 900", "name": "Anna"]],
                                 "messages": [["kind": "visitor", "text": "hi"]]]],
            "response": ["status": 200, "body": ["visitor": ["fields": ["phone": "+7 901"]]]],
        ]
        let redacted = redactor.exchange(exchange)
        #expect(redacted["request"]?["headers"]?["authorization"] == "[redacted]")
        #expect(redacted["request"]?["body"]?["visitor"]?["fields"] == ["phone": "[redacted]", "name": "Anna"])
        #expect(redacted["request"]?["body"]?["messages"]?[0] == ["kind": "visitor", "text": "[redacted]"])
        #expect(redacted["response"]?["body"]?["visitor"]?["fields"]?["phone"] == "[redacted]")
    }

    @Test func aWholeDocumentLosesSecretsInItsUpstreamTurnsAndExpectations() {
        let redactor = Redactor(secrets: ["s3cret-value"])
        let document: JSONValue = [
            "format": "conform-recording", "name": "chat s3cret-value",
            "source": ["tool": "conform", "upstream": "https://u:p@bot.example/hook?token=abc"],
            "turns": [[
                "at": "2026-11-25T10:00:00Z",
                "webhook": ["request": ["method": "POST", "path": "/?key=1", "body": ["text": "s3cret-value"]],
                            "error": "https://u:p@bot.example could not be reached"],
                "calls": [["request": ["method": "POST", "path": "/api/bot/v2/send_message",
                                       "headers": ["authorization": "Token s3cret-value"]]]],
                "expect": ["session": ["password": "s3cret-value"]],
            ]],
        ]
        let text = JSONWriter.compact(redactor.document(document))
        #expect(!text.contains("s3cret-value"))
        #expect(!text.contains("u:p@"))
        #expect(!text.contains("token=abc"))
        #expect(text.contains(#""path":"/?key=[redacted]""#))
    }

    @Test func secretsFromTheEnvironmentAreCommaOrNewlineSeparated() {
        #expect(Redactor.secrets(fromEnvironment: "a1b2, c3d4\ne5f6,,") == ["a1b2", "c3d4", "e5f6"])
        #expect(Redactor.secrets(fromEnvironment: nil) == [])
    }
}
