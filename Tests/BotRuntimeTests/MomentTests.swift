import BotRuntime
import Testing

/// `moment`, which JAICP gives every script: conform's own subset (`RuntimeMoment`), loaded on first
/// touch, reading conform's clock; a bot's own moment (`require: moment.min.js`) replaces it.
@Suite struct MomentTests {
    /// 2026-01-28 07:15:30 UTC, a Wednesday.
    static let time = 1_769_584_530_000.0

    @Test func momentReadsTheTurnsClockAndFormatsInRussianAndEnglish() throws {
        let bot = try InlineBot("""
            theme: /
                state: Dates
                    q!: dates
                    script:
                        moment.locale("ru");
                        var now = moment();
                        $reactions.answer(now.utc().format("dddd, D MMMM YYYY, HH:mm:ss") + " | " + now.valueOf());
                        $reactions.answer(moment.utc("31.01.2024 10:15", "DD.MM.YYYY HH:mm").add(1, "month").format("YYYY-MM-DD HH:mm"));
                        $reactions.answer(moment.tz(Date.now(), "Europe/Moscow").format("HH:mm Z") + " " + moment().tz("Asia/Tokyo").format("D MMM HH:mm"));
                        moment.locale("en");
                        $reactions.answer(moment.utc().startOf("week").format("dddd D MMMM") + " | " + moment.utc("2024-03-01").diff(moment.utc("2024-01-31"), "months"));
                        $reactions.answer(String(currentDate().isSame(moment(), "second")) + " " + moment("garbage").isValid() + " " + moment("garbage").format());
            """)
        let turn = try bot.conversation().process(BotRequest(query: "dates", time: Self.time))
        #expect(turn.error == nil, "\(String(describing: turn.error))")
        #expect(turn.texts == [
            "среда, 28 января 2026, 07:15:30 | 1769584530000",
            "2024-02-29 10:15",
            "10:15 +03:00 28 янв. 16:15",
            "Sunday 25 January | 1",
            "true false Invalid date",
        ])
    }

    @Test func aBotsOwnMomentReplacesConformsAndTheSubsetLoadsOnlyWhenTouched() throws {
        let untouched = try InlineBot("""
            theme: /
                state: Start
                    q!: start
                    a: {{ Object.keys(this).indexOf("moment") >= 0 }}
            """)
        #expect(try untouched.conversation().process(BotRequest(query: "start")).texts == ["false"])
        let own = try InlineBot("""
            require: moment.js
            theme: /
                state: Start
                    q!: start
                    a: {{ moment().mine }}
            """, files: ["src/moment.js": "(function (global) { global.moment = function () { return {mine: 'own'}; }; })(this);\n"])
        #expect(try own.conversation().process(BotRequest(query: "start")).texts == ["own"])
    }
}
