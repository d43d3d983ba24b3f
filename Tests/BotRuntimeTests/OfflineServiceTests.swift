import BotRuntime
import BotScript
import ConformJSON
import Testing

/// Platform services offline: telephony, analytics and push calls are recorded no-ops; services that
/// exist only in the JAICP cloud fail with an error that names the call.
@Suite struct OfflineServiceTests {
    @Test func telephonyAnalyticsAndPushCallsAreRecordedNoOps() throws {
        let bot = try InlineBot("""
            theme: /
                state: Call
                    q!: call
                    script:
                        var payload = $dialer.getPayload();
                        $dialer.setCallResult("done");
                        $pushgate.cancelEvent("e-1");
                        $analytics.setSessionResult("ok", 2);
                        $jsapi.log("payload is " + JSON.stringify(payload));
                    a: called
            """)
        let turn = try bot.conversation().process(BotRequest(query: "call"))
        #expect(turn.error == nil)
        #expect(turn.texts == ["called"])
        #expect(turn.serviceCalls.map(\.name) == ["$dialer.getPayload", "$dialer.setCallResult", "$pushgate.cancelEvent",
                                                   "$analytics.setSessionResult"])
        #expect(turn.serviceCalls.map(\.arguments) == [[], ["done"], ["e-1"], ["ok", 2]])
        #expect(turn.log == ["payload is {}"])
    }

    @Test func cloudOnlyServicesFailNamingTheCall() throws {
        let bot = try InlineBot("""
            theme: /
                state: Ask
                    q!: ask
                    script: $gpt.createChatCompletion([{role: "user", content: "hi"}]);
                state: Faq
                    q!: faq
                    script: $faq.pushReplies();
            """)
        let chat = try bot.conversation()
        let gpt = chat.process(BotRequest(query: "ask"))
        #expect(gpt.error?.description.contains("$gpt.createChatCompletion needs JAICP's generative AI service, which is not available offline") == true,
                "\(String(describing: gpt.error))")
        let faq = chat.process(BotRequest(query: "faq"))
        #expect(faq.error?.description.contains("$faq.pushReplies needs JAICP's knowledge base, which is not available offline") == true,
                "\(String(describing: faq.error))")
    }

    @Test func nluAndIntegrationMethodsConformDoesNotRunFailNamingTheCall() throws {
        let bot = try InlineBot("""
            theme: /
                state: Vocabulary
                    q!: vocabulary
                    script: $nlp.checkVocabulary("слово");
                state: Integration
                    q!: integration
                    script: $integration.customRequest("id", "https://crm.example", "POST", null, {});
                state: Caila
                    q!: caila
                    script: $caila.entitiesLookup("Москва", true);
                state: Match
                    q!: match
                    a: {{ $nlp.fixKeyboardLayout("ghbdtn") }} {{ typeof $nlp.match }}
            """)
        let chat = try bot.conversation()
        for (query, said) in [("vocabulary", "$nlp.checkVocabulary needs JAICP's NLU services"),
                              ("integration", "$integration.customRequest needs JAICP's integrations service"),
                              ("caila", "$caila.entitiesLookup needs JAICP's NLU services")] {
            let turn = chat.process(BotRequest(query: query))
            #expect(turn.error?.description.contains(said + ", which is not available offline") == true, "\(String(describing: turn.error))")
        }
        #expect(chat.process(BotRequest(query: "match")).texts == ["привет function"])
    }
}
