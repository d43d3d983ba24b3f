import JSEngine

/// `moment`: the moment.js (2.x) and moment-timezone API that JAICP bot scripts use (the platform
/// exposes `moment`; public bots parse and format dates with it, do date arithmetic and compare,
/// mostly in 'ru'). Written for conform, not a copy of moment: parsing (ISO 8601 strings, format
/// strings and format lists, strict mode), `format` with the usual tokens and `[literal]`s, Russian
/// and English names (Russian months in the genitive after a day), add/subtract, startOf/endOf,
/// getters and setters, diff, comparisons, durations, fromNow/calendar wording, and four ways of
/// reading the wall clock: local (the engine's zone), UTC, a fixed offset, and an IANA zone through
/// conform's `zoneOffset(ms, zone)` (moment-timezone's `moment.tz` and `.tz(zone)`). "Now" is
/// `Date.now()`, conform's clock. Invalid input gives an invalid moment ("Invalid date"), never a throw.
///
/// Left out: other locales and `defineLocale`/`updateLocale`/`localeData`, `moment.tz.guess`/`names`
/// and zone abbreviations (`z` formats as ""), week-based parsing (`w`, `W` and weekday names are
/// consumed but do not set the date; `gggg`/`GGGG` are not parsed), relative-time thresholds. Functions that are not here are missing, so a bot
/// that needs one fails with a clear "is not a function" error naming it.
///
/// The source is a function expression; conform calls it with `(globalObject, zoneOffset)`, where
/// `zoneOffset(ms, zone)` returns the milliseconds to add to UTC for that zone's wall clock at `ms`,
/// or NaN for an unknown zone.
enum RuntimeMoment {
    static let script = JSSource(source, file: "conform:moment.js")
    static let source = #"""
    (function (global, zoneOffset) {
      "use strict";
      var MIN = 6e4, HOUR = 36e5, DAY = 864e5;
      if (typeof zoneOffset !== "function") zoneOffset = function () { return NaN; };

      // ---- Small helpers ----
      function pad(n, width) { var s = String(Math.abs(n)); while (s.length < width) s = "0" + s; return (n < 0 ? "-" : "") + s; }
      function trunc(n) { return n < 0 ? Math.ceil(n) || 0 : Math.floor(n); }
      function absRound(n) { return n < 0 ? -Math.round(-n) : Math.round(n); }
      function absCeil(n) { return n < 0 ? Math.floor(n) : Math.ceil(n); }
      function mod(a, b) { return ((a % b) + b) % b; }
      function isLeap(y) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }
      function daysIn(y, m) { return m === 1 ? (isLeap(y) ? 29 : 28) : 31 - (m % 7) % 2; }
      function isDate(x) { return x instanceof Date || Object.prototype.toString.call(x) === "[object Date]"; }
      function timeClip(t) { return isFinite(t) && Math.abs(t) <= 8.64e15 ? trunc(+t) : NaN; }
      function escapeRe(s) { return s.replace(/[-\/\\^$*+?.()|[\]{}]/g, "\\$&"); }
      // A "wall" timestamp: epoch ms whose UTC fields read as the wall clock. Shifting the year by one
      // 400-year cycle (146097 days) dodges Date.UTC's mapping of years 0–99 to 19xx.
      function wallMs(y, mo, d, h, mi, s, ms) { return Date.UTC(y + 400, mo, d, h || 0, mi || 0, s || 0, ms || 0) - 146097 * DAY; }
      function offsetMinutes(s) {
        var r = /([+-])(\d\d):?(\d\d)?/.exec(s);
        return /^z$/i.test(s) ? 0 : r ? (r[1] === "-" ? -1 : 1) * (r[2] * 60 + +(r[3] || 0)) : NaN;
      }
      function knownZone(zone) { return typeof zone === "string" && isFinite(zoneOffset(0, zone)); }

      // ---- Locales ----
      function words(s) { return s.split("_"); }
      var LOCALES = {
        en: {
          months: words("January_February_March_April_May_June_July_August_September_October_November_December"),
          monthsShort: words("Jan_Feb_Mar_Apr_May_Jun_Jul_Aug_Sep_Oct_Nov_Dec"),
          weekdays: words("Sunday_Monday_Tuesday_Wednesday_Thursday_Friday_Saturday"),
          weekdaysShort: words("Sun_Mon_Tue_Wed_Thu_Fri_Sat"),
          weekdaysMin: words("Su_Mo_Tu_We_Th_Fr_Sa"),
          dow: 0, doy: 6, // weeks start on Sunday; week 1 holds January 1st
          long: { LT: "h:mm A", LTS: "h:mm:ss A", L: "MM/DD/YYYY", LL: "MMMM D, YYYY", LLL: "MMMM D, YYYY h:mm A", LLLL: "dddd, MMMM D, YYYY h:mm A" },
          meridiem: function (h, lower) { return h < 12 ? (lower ? "am" : "AM") : (lower ? "pm" : "PM"); },
          meridiemRe: /[ap]\.?m?\.?/i,
          isPM: function (s) { return s.charAt(0).toLowerCase() === "p"; },
          ordinal: function (n) { var t = n % 100, b = n % 10; return n + (t > 10 && t < 14 ? "th" : b === 1 ? "st" : b === 2 ? "nd" : b === 3 ? "rd" : "th"); },
          relative: { future: "in %s", past: "%s ago", s: "a few seconds", ss: "%d seconds", m: "a minute", mm: "%d minutes",
                      h: "an hour", hh: "%d hours", d: "a day", dd: "%d days", M: "a month", MM: "%d months", y: "a year", yy: "%d years" },
          calendar: { sameDay: "[Today at] LT", nextDay: "[Tomorrow at] LT", nextWeek: "dddd [at] LT", lastDay: "[Yesterday at] LT",
                      lastWeek: "[Last] dddd [at] LT", sameElse: "L" }
        },
        ru: {
          months: words("январь_февраль_март_апрель_май_июнь_июль_август_сентябрь_октябрь_ноябрь_декабрь"),
          // After a day number Russian needs the genitive ("31 января"); moment switches when the whole
          // format has D/DD/Do followed by spaces or [literals] and then MMM/MMMM.
          monthsGen: words("января_февраля_марта_апреля_мая_июня_июля_августа_сентября_октября_ноября_декабря"),
          monthsShort: words("янв._февр._март_апр._май_июнь_июль_авг._сент._окт._нояб._дек."),
          monthsShortGen: words("янв._февр._мар._апр._мая_июня_июля_авг._сент._окт._нояб._дек."),
          genitiveRe: /D[oD]?(\[[^\[\]]*\]|\s)+MMMM?/,
          weekdays: words("воскресенье_понедельник_вторник_среда_четверг_пятница_суббота"),
          // "[В] dddd" needs the accusative ("в среду"), as moment's ru locale does.
          weekdaysAcc: words("воскресенье_понедельник_вторник_среду_четверг_пятницу_субботу"),
          accusativeRe: /\[ ?[Вв] ?(?:прошлую|следующую|эту)? ?\] ?dddd/,
          weekdaysShort: words("вс_пн_вт_ср_чт_пт_сб"),
          weekdaysMin: words("вс_пн_вт_ср_чт_пт_сб"),
          dow: 1, doy: 4, // ISO weeks: Monday first, week 1 holds January 4th
          long: { LT: "H:mm", LTS: "H:mm:ss", L: "DD.MM.YYYY", LL: "D MMMM YYYY г.", LLL: "D MMMM YYYY г., H:mm", LLLL: "dddd, D MMMM YYYY г., H:mm" },
          meridiem: function (h) { return h < 4 ? "ночи" : h < 12 ? "утра" : h < 17 ? "дня" : "вечера"; },
          meridiemRe: /ночи|утра|дня|вечера/i,
          isPM: function (s) { return /^(дня|вечера)$/i.test(s); },
          ordinal: function (n, token) { return n + (token === "D" ? "-го" : token === "w" || token === "W" ? "-я" : "-й"); },
          relative: { future: "через %s", past: "%s назад", s: "несколько секунд",
                      ss: function (n, bare) { return plural(n, bare ? "секунда_секунды_секунд" : "секунду_секунды_секунд"); },
                      m: function (n, bare) { return bare ? "минута" : "минуту"; },
                      mm: function (n, bare) { return plural(n, bare ? "минута_минуты_минут" : "минуту_минуты_минут"); },
                      h: "час", hh: function (n) { return plural(n, "час_часа_часов"); },
                      d: "день", dd: function (n) { return plural(n, "день_дня_дней"); },
                      M: "месяц", MM: function (n) { return plural(n, "месяц_месяца_месяцев"); },
                      y: "год", yy: function (n) { return plural(n, "год_года_лет"); } },
          calendar: { sameDay: "[Сегодня, в] LT", nextDay: "[Завтра, в] LT", lastDay: "[Вчера, в] LT", sameElse: "L",
                      nextWeek: function () { return this.day() === 2 ? "[Во] dddd, [в] LT" : "[В] dddd, [в] LT"; },
                      lastWeek: function () {
                        var d = this.day();
                        return (d === 0 ? "[В прошлое] dddd" : d === 3 || d === 5 || d === 6 ? "[В прошлую] dddd" : "[В прошлый] dddd") + ", [в] LT";
                      } }
        }
      };
      function plural(n, forms) {
        var f = words(forms), t = n % 100, b = n % 10;
        return n + " " + (b === 1 && t !== 11 ? f[0] : b >= 2 && b <= 4 && (t < 10 || t >= 20) ? f[1] : f[2]);
      }
      // Parsing regexes from the names: long forms first so "январь" wins over "янв".
      function namesRe(lists, loc) {
        var all = [];
        lists.forEach(function (list) {
          (loc[list] || []).forEach(function (n) { all.push(n.toLowerCase()); if (/\.$/.test(n)) all.push(n.slice(0, -1).toLowerCase()); });
        });
        all.sort(function (a, b) { return b.length - a.length; });
        return new RegExp(all.map(escapeRe).join("|"), "i");
      }
      Object.keys(LOCALES).forEach(function (key) {
        var loc = LOCALES[key];
        loc.monthsGen = loc.monthsGen || loc.months;
        loc.monthsShortGen = loc.monthsShortGen || loc.monthsShort;
        loc.weekdaysAcc = loc.weekdaysAcc || loc.weekdays;
        // l, ll, lll, llll are the upper-case ones with shorter month, day and weekday tokens (as in moment).
        ["L", "LL", "LLL", "LLLL"].forEach(function (k) { loc.long[k.toLowerCase()] = loc.long[k].replace(/MMMM|MM|DD|dddd/g, function (t) { return t.slice(1); }); });
        loc.monthIndex = Object.create(null);
        ["months", "monthsGen", "monthsShort", "monthsShortGen"].forEach(function (list) {
          loc[list].forEach(function (n, i) { loc.monthIndex[n.toLowerCase()] = i; loc.monthIndex[n.replace(/\.$/, "").toLowerCase()] = i; });
        });
        loc.re = {
          monthsLong: namesRe(["months", "monthsGen"], loc),
          monthsShort: namesRe(["monthsShort", "monthsShortGen"], loc),
          weekdays: namesRe(["weekdays", "weekdaysAcc", "weekdaysShort", "weekdaysMin"], loc),
          meridiem: loc.meridiemRe
        };
      });
      var globalLocale = "en";
      function findLocale(name) {
        if (Array.isArray(name)) { for (var i = 0; i < name.length; i++) if (findLocale(name[i])) return findLocale(name[i]); return null; }
        if (typeof name !== "string") return null;
        var key = name.toLowerCase().replace("_", "-");
        if (LOCALES.hasOwnProperty(key)) return key;
        key = key.split("-")[0];
        return LOCALES.hasOwnProperty(key) ? key : null;
      }

      // ---- Units ----
      var UNITS = Object.create(null); // no inherited names: normalize("constructor") is undefined
      [["year", "y years"], ["quarter", "Q quarters"], ["month", "M months"], ["week", "w weeks"], ["isoWeek", "W isoWeeks isoweek isoweeks"],
       ["day", "d days"], ["date", "D dates"], ["hour", "h hours"], ["minute", "m minutes"], ["second", "s seconds"],
       ["millisecond", "ms milliseconds"], ["dayOfYear", "DDD dayOfYears dayofyear dayofyears"], ["weekday", "e weekdays"],
       ["isoWeekday", "E isoWeekdays isoweekday isoweekdays"]].forEach(function (p) {
        UNITS[p[0]] = p[0];
        words(p[1].replace(/ /g, "_")).forEach(function (a) { UNITS[a] = p[0]; });
      });
      // Exact spelling first, so "M" is a month and "m" a minute.
      function normalize(u) { return typeof u === "string" ? UNITS[u] || UNITS[u.toLowerCase()] : undefined; }
      var SET_ORDER = ["year", "dayOfYear", "week", "isoWeek", "quarter", "month", "date", "day", "weekday", "isoWeekday", "hour", "minute", "second", "millisecond"];

      // ---- The moment object: an instant plus how to read its wall clock ----
      // mode: "local" (the engine's zone), "utc", "fixed" (_off minutes east of UTC) or "zone" (_zone, IANA).
      function Moment(ms, mode, off, zone, locale) {
        this._ms = ms; this._mode = mode || "local"; this._off = off || 0; this._zone = zone; this._locale = locale || globalLocale;
      }
      var proto = Moment.prototype;
      function isMoment(x) { return x instanceof Moment; }
      function localeOf(m) { return LOCALES[m._locale] || LOCALES.en; }
      function inModeOf(m, like) { return new Moment(m._ms, like._mode, like._off, like._zone, like._locale); }

      // Milliseconds to add to the instant t to read m's wall clock.
      function offsetAt(m, t) {
        if (m._mode === "utc") return 0;
        if (m._mode === "fixed") return m._off * MIN;
        if (m._mode === "zone") { var o = zoneOffset(t, m._zone); return isFinite(o) ? o : 0; }
        return -new Date(t).getTimezoneOffset() * MIN;
      }
      // The instant whose wall clock in m's mode reads w. Local time goes through Date's own constructor
      // (as moment does: exact even for historical offsets with seconds). For a zone: in a DST gap the
      // wall time moves forward (the offset from before the change applies), in an overlap the earlier
      // instant wins — what Date does for local time and moment-timezone for zones.
      function fromWall(m, w) {
        if (m._mode === "utc" || m._mode === "fixed") return w - offsetAt(m, w);
        if (m._mode === "local") {
          var f = read(new Date(w), true), d = new Date(f.y, f.M, f.D, f.h, f.mi, f.s, f.ms);
          if (f.y >= 0 && f.y < 100) d.setFullYear(f.y); // the constructor reads years 0–99 as 19xx
          return d.getTime();
        }
        var a = w - offsetAt(m, w - DAY), b = w - offsetAt(m, w + DAY);
        var aOk = a + offsetAt(m, a) === w, bOk = b + offsetAt(m, b) === w;
        return aOk && bOk ? Math.min(a, b) : bOk ? b : a;
      }
      function read(d, utc) {
        var g = utc ? "getUTC" : "get";
        return { y: d[g + "FullYear"](), M: d[g + "Month"](), D: d[g + "Date"](), h: d[g + "Hours"](), mi: d[g + "Minutes"](),
                 s: d[g + "Seconds"](), ms: d[g + "Milliseconds"](), wd: d[g + "Day"]() };
      }
      // The wall clock: Date's local getters in local mode, the shifted UTC fields otherwise.
      function fields(m) { return m._mode === "local" ? read(new Date(m._ms), false) : read(new Date(m._ms + offsetAt(m, m._ms)), true); }
      // Write wall-clock fields back (they may overflow: date 32 is next month's 1st, as with Date setters).
      function setWall(m, f) {
        if (m.isValid()) m._ms = timeClip(fromWall(m, wallMs(f.y, f.M, f.D, f.h, f.mi, f.s, f.ms)));
        return m;
      }
      // moment clamps the day when the month changes: Jan 31 + 1 month = Feb 28/29.
      function setMonth(m, value) {
        var f = fields(m);
        f.y += Math.floor(value / 12); f.M = mod(value, 12);
        f.D = Math.min(f.D, daysIn(f.y, f.M));
        return setWall(m, f);
      }
      function dayNumber(y, mo, d) { return wallMs(y, mo, d) / DAY; }
      // Week of year and the year it belongs to: week 1 is the week (starting on dow) holding January
      // (7 + dow - doy): January 1st for 'en', January 4th (ISO) for 'ru'.
      function weekOf(f, dow, doy) {
        function start(y) { var n = dayNumber(y, 0, 7 + dow - doy); return n - mod(n + 4 - dow, 7); } // day 0 was a Thursday
        var n = dayNumber(f.y, f.M, f.D), y = f.y, s = start(y);
        if (n < s) s = start(--y); else if (n >= start(y + 1)) s = start(++y);
        return { week: Math.floor((n - s) / 7) + 1, year: y };
      }

      // ---- Formatting ----
      var TOKENS = /\[[^\]]*\]|YYYY|YY|Y|Qo|Q|MMMM|MMM|MM|Mo|M|DDDD|DDDo|DDD|DD|Do|D|dddd|ddd|dd|do|d|E|e|GGGG|GG|gggg|gg|WW|Wo|W|ww|wo|w|HH|H|hh|h|kk|k|mm|m|ss|s|SSS|SS|S|A|a|ZZ|Z|zz|z|X|x|[\s\S]/g;
      var LONG = /\[[^\]]*\]|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l/g;
      function expandLong(fmt, loc) {
        for (var i = 0; i < 3; i++) fmt = fmt.replace(LONG, function (t) { return t.charAt(0) === "[" ? t : loc.long[t]; });
        return fmt;
      }
      function offsetText(min, sep) { var a = Math.abs(min); return (min < 0 ? "-" : "+") + pad(trunc(a / 60), 2) + sep + pad(a % 60, 2); }
      function dayOfYear(f) { return dayNumber(f.y, f.M, f.D) - dayNumber(f.y, 0, 1) + 1; }
      var FORMAT = {
        YYYY: function (f) { return pad(f.y, 4); }, YY: function (f) { return pad(mod(f.y, 100), 2); }, Y: function (f) { return String(f.y); },
        Q: function (f) { return Math.floor(f.M / 3) + 1; }, Qo: function (f, l) { return l.ordinal(Math.floor(f.M / 3) + 1, "Q"); },
        M: function (f) { return f.M + 1; }, MM: function (f) { return pad(f.M + 1, 2); }, Mo: function (f, l) { return l.ordinal(f.M + 1, "M"); },
        MMM: function (f, l) { return (f.gen ? l.monthsShortGen : l.monthsShort)[f.M]; },
        MMMM: function (f, l) { return (f.gen ? l.monthsGen : l.months)[f.M]; },
        D: function (f) { return f.D; }, DD: function (f) { return pad(f.D, 2); }, Do: function (f, l) { return l.ordinal(f.D, "D"); },
        DDD: function (f) { return dayOfYear(f); }, DDDD: function (f) { return pad(dayOfYear(f), 3); }, DDDo: function (f, l) { return l.ordinal(dayOfYear(f), "DDD"); },
        d: function (f) { return f.wd; }, "do": function (f, l) { return l.ordinal(f.wd, "d"); },
        dd: function (f, l) { return l.weekdaysMin[f.wd]; }, ddd: function (f, l) { return l.weekdaysShort[f.wd]; },
        dddd: function (f, l) { return (f.acc ? l.weekdaysAcc : l.weekdays)[f.wd]; },
        E: function (f) { return f.wd || 7; }, e: function (f, l) { return mod(f.wd - l.dow, 7); },
        w: function (f, l) { return weekOf(f, l.dow, l.doy).week; }, ww: function (f, l) { return pad(weekOf(f, l.dow, l.doy).week, 2); },
        wo: function (f, l) { return l.ordinal(weekOf(f, l.dow, l.doy).week, "w"); },
        W: function (f) { return weekOf(f, 1, 4).week; }, WW: function (f) { return pad(weekOf(f, 1, 4).week, 2); },
        Wo: function (f, l) { return l.ordinal(weekOf(f, 1, 4).week, "W"); },
        gggg: function (f, l) { return pad(weekOf(f, l.dow, l.doy).year, 4); }, gg: function (f, l) { return pad(mod(weekOf(f, l.dow, l.doy).year, 100), 2); },
        GGGG: function (f) { return pad(weekOf(f, 1, 4).year, 4); }, GG: function (f) { return pad(mod(weekOf(f, 1, 4).year, 100), 2); },
        H: function (f) { return f.h; }, HH: function (f) { return pad(f.h, 2); },
        h: function (f) { return f.h % 12 || 12; }, hh: function (f) { return pad(f.h % 12 || 12, 2); },
        k: function (f) { return f.h || 24; }, kk: function (f) { return pad(f.h || 24, 2); },
        m: function (f) { return f.mi; }, mm: function (f) { return pad(f.mi, 2); },
        s: function (f) { return f.s; }, ss: function (f) { return pad(f.s, 2); },
        S: function (f) { return Math.floor(f.ms / 100); }, SS: function (f) { return pad(Math.floor(f.ms / 10), 2); }, SSS: function (f) { return pad(f.ms, 3); },
        A: function (f, l) { return l.meridiem(f.h, false); }, a: function (f, l) { return l.meridiem(f.h, true); },
        Z: function (f) { return offsetText(f.off, ":"); }, ZZ: function (f) { return offsetText(f.off, ""); },
        z: function (f, l, m) { return m._mode === "utc" ? "UTC" : ""; }, zz: function (f, l, m) { return m._mode === "utc" ? "UTC" : ""; },
        X: function (f, l, m) { return Math.floor(m._ms / 1000); }, x: function (f, l, m) { return m._ms; }
      };
      function formatMoment(m, fmt) {
        if (!m.isValid()) return "Invalid date";
        var loc = localeOf(m), f = fields(m);
        fmt = expandLong(String(fmt), loc);
        f.off = offsetAt(m, m._ms) / MIN;
        f.gen = !!(loc.genitiveRe && loc.genitiveRe.test(fmt));
        f.acc = !!(loc.accusativeRe && loc.accusativeRe.test(fmt));
        return fmt.replace(TOKENS, function (t) {
          return t.charAt(0) === "[" ? t.slice(1, -1) : FORMAT.hasOwnProperty(t) ? String(FORMAT[t](f, loc, m)) : t;
        });
      }

      // ---- Parsing ----
      // A parse fills a state {y, M, D, doy, h, mi, s, ms, pm, off, ts}; finish() turns it into an instant.
      function setter(key, delta) { return function (v, st) { st[key] = parseInt(v, 10) + (delta || 0); }; }
      function twoDigitYear(v) { return +v + (+v > 68 ? 1900 : 2000); }
      function fraction(v, st) { st.ms = +(v + "00").slice(0, 3); }
      function ignore() {}
      function monthName(v, st, loc) {
        var w = v.toLowerCase().replace(/\.$/, ""), i = loc.monthIndex[w];
        for (var j = 0; i === undefined && j < 12; j++) {
          if (w.indexOf(loc.monthsShort[j].toLowerCase().replace(/\.$/, "")) === 0 ||
              w.indexOf(loc.monthsShortGen[j].toLowerCase().replace(/\.$/, "")) === 0) i = j;
        }
        if (i === undefined) st.bad = true; else st.M = i;
      }
      var D12 = /\d\d?/, D2 = /\d\d/, WORD = /[a-z\u0400-\u04ff]+\.?/i, ORD = /\d\d?(?:st|nd|rd|th|-?го|-?й|-?я)?/i, OFF = /Z|[+-]\d\d(?::?\d\d)?/i;
      var hour = [D12, D12, setter("h")], hour2 = [D12, D2, setter("h")];
      // token: [regex when lenient, regex when strict, apply]; a string names a locale regex.
      var PARSE = {
        YYYY: [/\d{1,4}/, /\d{4}/, function (v, st) { st.y = v.length === 2 ? twoDigitYear(v) : +v; }],
        YY: [D12, D2, function (v, st) { st.y = twoDigitYear(v); }], Y: [/[+-]?\d+/, /[+-]?\d+/, setter("y")],
        Q: [/\d/, /\d/, function (v, st) { st.M = (v - 1) * 3; }],
        M: [D12, D12, setter("M", -1)], MM: [D12, D2, setter("M", -1)],
        // Lenient month names: any word, known when it is a name or starts with a short one ("Sept");
        // an unknown word makes the moment invalid. Strict: the exact short or long names.
        MMM: [WORD, "monthsShort", monthName], MMMM: [WORD, "monthsLong", monthName],
        D: [D12, D12, setter("D")], DD: [D12, D2, setter("D")], Do: [ORD, ORD, setter("D")],
        DDD: [/\d{1,3}/, /\d{1,3}/, setter("doy")], DDDD: [/\d{1,3}/, /\d{3}/, setter("doy")],
        H: hour, HH: hour2, h: hour, hh: hour2, k: hour, kk: hour2,
        m: [D12, D12, setter("mi")], mm: [D12, D2, setter("mi")], s: [D12, D12, setter("s")], ss: [D12, D2, setter("s")],
        S: [/\d{1,3}/, /\d/, fraction], SS: [/\d{1,3}/, D2, fraction], SSS: [/\d{1,3}/, /\d{3}/, fraction],
        A: ["meridiem", "meridiem", function (v, st, loc) { st.pm = loc.isPM(v); }],
        Z: [OFF, OFF, function (v, st) { st.off = offsetMinutes(v); }],
        X: [/[+-]?\d+(?:\.\d{1,3})?/, /[+-]?\d+(?:\.\d{1,3})?/, function (v, st) { st.ts = Math.round(parseFloat(v) * 1000); }],
        x: [/[+-]?\d+/, /[+-]?\d+/, function (v, st) { st.ts = +v; }],
        // Weekdays and week numbers are consumed but not used to pick the date.
        d: [/\d/, /\d/, ignore], dd: ["weekdays", "weekdays", ignore], w: [D12, D12, ignore], ww: [D12, D2, ignore]
      };
      PARSE.a = PARSE.A; PARSE.ZZ = PARSE.Z; PARSE.ddd = PARSE.dddd = PARSE.dd; PARSE.e = PARSE.E = PARSE.d;
      PARSE.W = PARSE.w; PARSE.WW = PARSE.ww;

      // Like moment's lenient parse: each token's pattern is searched for in what is left, skipping
      // anything before it; literals that are missing are ignored. Strict mode needs every token
      // matched and nothing skipped or left over. Nothing matched at all is invalid either way.
      function parseFormat(str, fmt, strict, loc) {
        var tokens = expandLong(fmt, loc).match(TOKENS) || [], st = { empty: true, unused: 0 }, rest = str, used = 0;
        for (var i = 0; i < tokens.length; i++) {
          var t = tokens[i], rule = PARSE.hasOwnProperty(t) ? PARSE[t] : null;
          var re = rule ? rule[strict ? 1 : 0] : new RegExp(escapeRe(t.charAt(0) === "[" ? t.slice(1, -1) : t));
          if (typeof re === "string") re = loc.re[re];
          var found = re.exec(rest);
          if (found && found[0].length === 0) found = null;
          if (found) { rest = rest.slice(found.index + found[0].length); used += found[0].length; }
          if (rule) { if (found) { st.empty = false; rule[2](found[0], st, loc); } else st.unused++; }
          else if (strict && !found) st.unused++;
        }
        st.leftover = str.length - used;
        st.bad = st.bad || st.empty || (strict && (st.leftover > 0 || st.unused > 0));
        return st;
      }
      var ISO = /^\s*(\d{4})(?:-(\d\d)(?:-(\d\d))?|(\d\d)(\d\d))(?:(?:T|\s+)(\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,](\d+))?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?)?\s*$/i;
      function parseISO(s) {
        var r = ISO.exec(s);
        if (!r) return null;
        var st = { y: +r[1], M: +(r[2] || r[4]) - 1, D: +(r[3] || r[5] || 1), h: +(r[6] || 0), mi: +(r[7] || 0), s: +(r[8] || 0) };
        if (r[9]) fraction(r[9], st);
        if (r[10]) st.off = offsetMinutes(r[10]);
        return st;
      }
      // moment fills the leading missing parts (year, then month, then day) from today and the rest from
      // the start: "HH:mm" is today at that time, "MM.YYYY" the 1st of that month. Out-of-range parts
      // (month 13, Feb 30, 25:00) make the moment invalid rather than rolling over; 24:00 is next midnight.
      function finish(st, m, todayMode) {
        if (st.bad) return NaN;
        if (st.ts !== undefined) return timeClip(st.ts);
        var keys = ["y", "M", "D"], f = {}, now = null, i = 0;
        if (st.doy !== undefined) { st.M = undefined; st.D = undefined; }
        for (; i < 3 && st[keys[i]] === undefined; i++) {
          if (i > 0 && st.doy !== undefined) break;
          now = now || fields(new Moment(Date.now(), todayMode));
          f[keys[i]] = now[keys[i]];
        }
        for (; i < 3; i++) f[keys[i]] = st[keys[i]] === undefined ? (i === 2 ? 1 : 0) : st[keys[i]];
        if (st.doy !== undefined) {
          if (!(st.doy >= 1 && st.doy <= (isLeap(f.y) ? 366 : 365))) return NaN;
          var d = new Date(wallMs(f.y, 0, st.doy)); f.M = d.getUTCMonth(); f.D = d.getUTCDate();
        }
        var h = st.h || 0, mi = st.mi || 0, s = st.s || 0, ms = st.ms || 0;
        if (st.pm === true && h < 12) h += 12; else if (st.pm === false && h === 12) h = 0;
        if (!(f.M >= 0 && f.M <= 11 && f.D >= 1 && f.D <= daysIn(f.y, f.M) && h >= 0 && h <= 24 && mi >= 0 && mi <= 59 &&
              s >= 0 && s <= 59 && ms >= 0 && ms <= 999) || (h === 24 && (mi || s || ms))) return NaN;
        var w = wallMs(f.y, f.M, f.D, h, mi, s, ms);
        return timeClip(st.off !== undefined ? w - st.off * MIN : fromWall(m, w));
      }
      function fromObject(o) {
        var st = {}, map = { year: "y", month: "M", date: "D", day: "D", hour: "h", minute: "mi", second: "s", millisecond: "ms" };
        for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k) && map[normalize(k)]) st[map[normalize(k)]] = +o[k];
        return st;
      }
      // input → a moment in `mode`; todayMode ("local"/"utc") is whose today fills a partial parse.
      function create(input, format, locale, strict, mode, zone, todayMode) {
        if (locale === true || locale === false) { strict = locale; locale = undefined; }
        var m = new Moment(NaN, mode, 0, zone, findLocale(locale) || globalLocale), st = null;
        if (input === undefined) m._ms = Date.now();
        else if (isMoment(input)) m._ms = input._ms;
        else if (isDate(input)) m._ms = timeClip(input.getTime());
        else if (typeof input === "number") m._ms = timeClip(input);
        else if (typeof input === "string") {
          if (format === undefined || format === null || format === moment.ISO_8601) {
            st = parseISO(input);
            // Not ISO: moment hands the string to Date (with a deprecation warning), so do we.
            if (!st && format !== moment.ISO_8601) m._ms = timeClip(new Date(input + (mode === "local" ? "" : " UTC")).getTime());
          } else if (Array.isArray(format)) {
            // Several formats: the first valid one with the least left over (unmatched tokens weigh 10 chars).
            var best = null;
            for (var i = 0; i < format.length; i++) {
              var cand = parseFormat(input, String(format[i]), strict, localeOf(m)), ms = finish(cand, m, todayMode);
              var score = cand.leftover + cand.unused * 10, valid = ms === ms;
              if (!best || (valid && !best.valid) || (valid === best.valid && score < best.score)) best = { st: cand, valid: valid, score: score };
            }
            st = best ? best.st : { bad: true };
          } else st = parseFormat(input, String(format), strict, localeOf(m));
        } else if (Array.isArray(input)) {
          st = {};
          ["y", "M", "D", "h", "mi", "s", "ms"].forEach(function (k, i) { if (input[i] !== undefined) st[k] = +input[i]; });
        }
        else if (input !== null && typeof input === "object") st = fromObject(input);
        if (st) { m._ms = finish(st, m, todayMode); m._tzm = st.off; }
        return m;
      }

      // ---- Entry points ----
      var defaultZone = null; // moment.tz.setDefault
      function moment(input, format, locale, strict) {
        if (isMoment(input)) return input.clone();
        return defaultZone ? create(input, format, locale, strict, "zone", defaultZone, "local")
                           : create(input, format, locale, strict, "local", undefined, "local");
      }
      moment.ISO_8601 = function () {};
      moment.fn = proto;
      moment.utc = function (input, format, locale, strict) {
        if (isMoment(input)) return input.clone().utc();
        return create(input, format, locale, strict, "utc", undefined, "utc");
      };
      moment.unix = function (seconds) { return moment(seconds * 1000); };
      // The offset written in the string is kept (no offset: UTC).
      moment.parseZone = function (input, format, locale, strict) {
        var m = moment.utc(input, format, locale, strict);
        return m.utcOffset(m._tzm !== undefined ? m._tzm : 0, false, true);
      };
      // moment-timezone: the last argument is the zone name; the rest are read as moment.utc reads them,
      // then wall-clock readings are taken in the zone. Like moment-timezone, a partial parse ("HH:mm")
      // fills the date from the UTC today. An unknown zone leaves a UTC moment.
      moment.tz = function () {
        var args = Array.prototype.slice.call(arguments), zone = args.pop(), known = knownZone(zone), m;
        if (isMoment(args[0])) m = args[0].clone();
        else m = create(args[0], args[1], args[2], args[3], known ? "zone" : "utc", known ? zone : undefined, "utc");
        return known ? m.tz(zone) : m.utc();
      };
      moment.tz.setDefault = function (zone) { defaultZone = knownZone(zone) ? zone : null; return moment; };
      moment.tz.zone = function (zone) { return knownZone(zone) ? { name: zone } : null; };
      moment.isMoment = isMoment;
      moment.isDate = isDate;
      moment.now = function () { return Date.now(); };
      moment.invalid = function () { return new Moment(NaN); };
      moment.locale = function (name) { var k = name === undefined || name === null ? null : findLocale(name); if (k) globalLocale = k; return globalLocale; };
      moment.lang = moment.locale; // the pre-2.8 name, still present (deprecated) in moment 2.x
      moment.defaultFormat = "YYYY-MM-DDTHH:mm:ssZ";
      moment.defaultFormatUtc = "YYYY-MM-DDTHH:mm:ss[Z]";
      function pick(args, later) {
        var list = args.length === 1 && Array.isArray(args[0]) ? args[0] : Array.prototype.slice.call(args);
        if (!list.length) return moment();
        var res = toMoment(list[0]);
        for (var i = 1; i < list.length; i++) { var c = toMoment(list[i]); if (!c.isValid() || (later ? c.isAfter(res) : c.isBefore(res))) res = c; }
        return res;
      }
      moment.min = function () { return pick(arguments, false); };
      moment.max = function () { return pick(arguments, true); };
      // moment.months(), .months(3), .months("D MMMM", 3); weekdays(true) starts at the locale's first day.
      function lister(list, gen) {
        return function (a, b, c) {
          var loc = LOCALES[globalLocale], sorted = false;
          if (typeof a === "boolean") { sorted = a; a = b; b = c; }
          var fmt = typeof a === "string" ? a : "", index = typeof a === "number" ? a : b;
          var names = (gen && loc[gen + "Re"] && loc[gen + "Re"].test(fmt) ? loc[list + (gen === "genitive" ? "Gen" : "Acc")] : loc[list]).slice();
          if (sorted) names = names.slice(loc.dow).concat(names.slice(0, loc.dow));
          return typeof index === "number" ? names[index] : names;
        };
      }
      moment.months = lister("months", "genitive"); moment.monthsShort = lister("monthsShort", "genitive");
      moment.weekdays = lister("weekdays", "accusative"); moment.weekdaysShort = lister("weekdaysShort"); moment.weekdaysMin = lister("weekdaysMin");
      function toMoment(x) { return isMoment(x) ? x : moment(x); }

      // ---- Instance: basics ----
      proto.isValid = function () { return this._ms === this._ms; };
      proto.clone = function () { return new Moment(this._ms, this._mode, this._off, this._zone, this._locale); };
      proto.valueOf = function () { return this._ms; };
      proto.unix = function () { return Math.floor(this._ms / 1000); };
      proto.toDate = function () { return new Date(this._ms); };
      proto.format = function (fmt) { return formatMoment(this, fmt || (this.isUTC() ? moment.defaultFormatUtc : moment.defaultFormat)); };
      proto.toISOString = function (keepOffset) {
        if (!this.isValid()) return null;
        return keepOffset ? formatMoment(this, "YYYY-MM-DDTHH:mm:ss.SSSZ") : formatMoment(this.clone().utc(), "YYYY-MM-DDTHH:mm:ss.SSS[Z]");
      };
      proto.toJSON = function () { return this.toISOString(); };
      proto.toString = function () { return formatMoment(this.clone().locale("en"), "ddd MMM DD YYYY HH:mm:ss [GMT]ZZ"); };
      proto.toArray = function () { var f = fields(this); return [f.y, f.M, f.D, f.h, f.mi, f.s, f.ms]; };
      proto.toObject = function () {
        var f = fields(this);
        return { years: f.y, months: f.M, date: f.D, hours: f.h, minutes: f.mi, seconds: f.s, milliseconds: f.ms };
      };
      proto.locale = function (name) {
        if (name === undefined) return this._locale;
        var k = findLocale(name); if (k) this._locale = k;
        return this;
      };

      proto.lang = proto.locale;

      // ---- Instance: modes and offsets ----
      function changeMode(m, mode, off, zone, keepLocalTime) {
        var f = keepLocalTime && m.isValid() ? fields(m) : null;
        m._mode = mode; m._off = off || 0; m._zone = zone;
        return f ? setWall(m, f) : m;
      }
      proto.utc = function (keepLocalTime) { return changeMode(this, "utc", 0, undefined, keepLocalTime); };
      proto.local = function (keepLocalTime) { return changeMode(this, "local", 0, undefined, keepLocalTime); };
      // Minutes east of UTC. As a setter, |n| < 16 means hours (moment's rule) and "+03:00" is accepted.
      proto.utcOffset = function (value, keepLocalTime, keepMinutes) {
        if (value === undefined || value === null) return this.isValid() ? offsetAt(this, this._ms) / MIN : NaN;
        if (typeof value === "string") { value = offsetMinutes(value); if (value !== value) return this; }
        else if (Math.abs(value) < 16 && !keepMinutes) value *= 60;
        return changeMode(this, "fixed", value, undefined, keepLocalTime);
      };
      proto.tz = function (zone, keepLocalTime) {
        if (zone === undefined) return this._mode === "zone" ? this._zone : undefined;
        return knownZone(zone) ? changeMode(this, "zone", 0, zone, keepLocalTime) : this;
      };
      // Like moment: "UTC" means any non-local moment whose offset is zero right now.
      proto.isUTC = proto.isUtc = function () { return this._mode !== "local" && this.utcOffset() === 0; };
      proto.isLocal = function () { return this._mode === "local"; };
      proto.isUtcOffset = function () { return this._mode !== "local"; };
      proto.isDST = function () {
        var o = this.utcOffset();
        return o > this.clone().month(0).utcOffset() || o > this.clone().month(5).utcOffset();
      };
      proto.zoneAbbr = proto.zoneName = function () { return this._mode === "utc" ? "UTC" : ""; };

      // ---- Instance: getters and setters ----
      function accessor(key) {
        return function (v) {
          if (v === undefined) return fields(this)[key];
          v = trunc(+v);
          if (this.isValid() && v === v) { var f = fields(this); f[key] = v; setWall(this, f); }
          return this;
        };
      }
      proto.date = proto.dates = accessor("D");
      proto.hour = proto.hours = accessor("h");
      proto.minute = proto.minutes = accessor("mi");
      proto.second = proto.seconds = accessor("s");
      proto.millisecond = proto.milliseconds = accessor("ms");
      proto.year = proto.years = function (v) {
        if (v === undefined) return fields(this).y;
        v = trunc(+v);
        if (!this.isValid() || v !== v) return this;
        var f = fields(this);
        if (f.M === 1 && f.D === 29 && !isLeap(v)) f.D = 28; // Feb 29 → Feb 28 in a common year
        f.y = v;
        return setWall(this, f);
      };
      proto.month = proto.months = function (v) {
        if (v === undefined) return fields(this).M;
        if (typeof v === "string" && !/^\s*-?\d+\s*$/.test(v)) v = localeOf(this).monthIndex[v.toLowerCase()];
        v = trunc(+v);
        return this.isValid() && v === v ? setMonth(this, v) : this;
      };
      // Setters that move by whole days within the current week/year; day() and weekday() also take names.
      function dayShift(get, names) {
        return function (v) {
          var cur = get(this);
          if (v === undefined) return cur;
          if (names && typeof v === "string" && !/^\s*-?\d+\s*$/.test(v)) {
            var loc = localeOf(this), i = loc.re.weekdays.exec(v);
            v = -1;
            ["weekdays", "weekdaysAcc", "weekdaysShort", "weekdaysMin"].forEach(function (l) {
              loc[l].forEach(function (n, j) { if (i && n.toLowerCase() === i[0].toLowerCase()) v = j; });
            });
            if (v < 0) return this;
          }
          v = trunc(+v);
          return v === v ? this.add(v - cur, "d") : this;
        };
      }
      proto.day = proto.days = dayShift(function (m) { return fields(m).wd; }, true);
      proto.weekday = dayShift(function (m) { return mod(fields(m).wd - localeOf(m).dow, 7); }, true);
      proto.isoWeekday = dayShift(function (m) { return fields(m).wd || 7; }, true);
      proto.dayOfYear = dayShift(function (m) { return dayOfYear(fields(m)); });
      proto.week = proto.weeks = function (v) {
        var l = localeOf(this), w = weekOf(fields(this), l.dow, l.doy).week;
        return v === undefined ? w : this.add((v - w) * 7, "d");
      };
      proto.isoWeek = proto.isoWeeks = function (v) {
        var w = weekOf(fields(this), 1, 4).week;
        return v === undefined ? w : this.add((v - w) * 7, "d");
      };
      proto.weekYear = function () { var l = localeOf(this); return weekOf(fields(this), l.dow, l.doy).year; };
      proto.isoWeekYear = function () { return weekOf(fields(this), 1, 4).year; };
      proto.quarter = proto.quarters = function (v) {
        var m = fields(this).M;
        return v === undefined ? Math.floor(m / 3) + 1 : this.month((v - 1) * 3 + m % 3);
      };
      proto.daysInMonth = function () { var f = fields(this); return daysIn(f.y, f.M); };
      proto.isLeapYear = function () { return isLeap(fields(this).y); };
      proto.get = function (unit) { var u = normalize(unit); return u ? this[u]() : undefined; };
      proto.set = function (unit, value) {
        if (unit && typeof unit === "object") {
          var byUnit = {};
          for (var k in unit) if (Object.prototype.hasOwnProperty.call(unit, k) && normalize(k)) byUnit[normalize(k)] = unit[k];
          for (var i = 0; i < SET_ORDER.length; i++) if (byUnit.hasOwnProperty(SET_ORDER[i])) this[SET_ORDER[i]](byUnit[SET_ORDER[i]]);
        } else if (normalize(unit)) this[normalize(unit)](value);
        return this;
      };

      // ---- Instance: arithmetic ----
      // Months move the calendar month (clamping the day), days the calendar date (so a day across a DST
      // change is still 00:00 → 00:00), and hours and below the instant. moment rounds fractional days
      // and months: add(1.5, "days") adds 2 days.
      function addTo(m, dur, sign) {
        if (!m.isValid() || !dur.isValid()) return m;
        var months = absRound(dur._months) * sign, days = absRound(dur._days) * sign, ms = dur._ms * sign;
        if (months) setMonth(m, fields(m).M + months);
        if (days) { var f = fields(m); f.D += days; setWall(m, f); }
        if (ms) m._ms = timeClip(m._ms + ms);
        return m;
      }
      function addArgs(n, unit) {
        // The old reversed form add("days", 1) still works in moment.
        if (typeof n === "string" && isNaN(+n) && unit !== undefined && !isNaN(+unit)) { var t = n; n = unit; unit = t; }
        return duration(n, unit);
      }
      proto.add = function (n, unit) { return addTo(this, addArgs(n, unit), 1); };
      proto.subtract = function (n, unit) { return addTo(this, addArgs(n, unit), -1); };
      var SUBDAY = { hour: HOUR, minute: MIN, second: 1000 };
      proto.startOf = function (unit) {
        unit = normalize(unit);
        if (!this.isValid()) return this;
        if (SUBDAY[unit]) { this._ms -= mod(this._ms + offsetAt(this, this._ms), SUBDAY[unit]); return this; }
        var f = fields(this);
        if (unit === "year") { f.M = 0; f.D = 1; }
        else if (unit === "quarter") { f.M -= f.M % 3; f.D = 1; }
        else if (unit === "month") f.D = 1;
        else if (unit === "week") f.D -= mod(f.wd - localeOf(this).dow, 7);
        else if (unit === "isoWeek") f.D -= mod(f.wd - 1, 7);
        else if (unit !== "day" && unit !== "date") return this;
        f.h = f.mi = f.s = f.ms = 0;
        return setWall(this, f);
      };
      var NEXT = { year: [12, 0], quarter: [3, 0], month: [1, 0], week: [0, 7], isoWeek: [0, 7], day: [0, 1], date: [0, 1] };
      // The last millisecond of the unit: start of the next one minus 1 ms.
      proto.endOf = function (unit) {
        unit = normalize(unit);
        if (!this.isValid() || !(SUBDAY[unit] || NEXT[unit])) return this;
        this.startOf(unit);
        if (SUBDAY[unit]) this._ms += SUBDAY[unit];
        else addTo(this, new Duration(NEXT[unit][0], NEXT[unit][1], 0), 1);
        this._ms -= 1;
        return this;
      };

      // ---- Instance: comparing ----
      // Months from b to a, with the fraction taken inside the month it falls in; anchored on whichever
      // has the later day of month so that clamping works as in add(). Years are months / 12.
      function monthsBetween(a, b) {
        if (a.date() < b.date()) return -monthsBetween(b, a);
        var fa = fields(a), fb = fields(b), n = (fb.y - fa.y) * 12 + fb.M - fa.M;
        var at = a.clone().add(n, "M")._ms, rest = b._ms - at;
        var other = a.clone().add(rest < 0 ? n - 1 : n + 1, "M")._ms;
        return -(n + rest / Math.abs(other - at)) || 0;
      }
      var DIFF = { second: 1000, minute: MIN, hour: HOUR, day: DAY, date: DAY, week: 7 * DAY, isoWeek: 7 * DAY };
      // Whole units truncated toward zero unless asFloat. Days and weeks count wall-clock time, so a day
      // across a DST change is still 1 day; hours and below count real time.
      proto.diff = function (input, unit, asFloat) {
        var other = toMoment(input);
        if (!this.isValid() || !other.isValid()) return NaN;
        other = inModeOf(other, this);
        unit = normalize(unit);
        var out;
        if (unit === "year" || unit === "quarter" || unit === "month") out = monthsBetween(this, other) / (unit === "year" ? 12 : unit === "quarter" ? 3 : 1);
        else if (unit === "day" || unit === "date" || unit === "week" || unit === "isoWeek") {
          out = (this._ms + offsetAt(this, this._ms) - other._ms - offsetAt(other, other._ms)) / DIFF[unit];
        } else out = (this._ms - other._ms) / (DIFF[unit] || 1);
        return asFloat ? out : trunc(out);
      };
      function compareArgs(m, input) { var o = toMoment(input); return m.isValid() && o.isValid() ? o._ms : null; }
      function unitOrMs(unit) { unit = normalize(unit); return unit === "millisecond" ? undefined : unit; }
      proto.isBefore = function (input, unit) {
        var o = compareArgs(this, input); unit = unitOrMs(unit);
        return o !== null && (unit ? this.clone().endOf(unit)._ms < o : this._ms < o);
      };
      proto.isAfter = function (input, unit) {
        var o = compareArgs(this, input); unit = unitOrMs(unit);
        return o !== null && (unit ? o < this.clone().startOf(unit)._ms : this._ms > o);
      };
      proto.isSame = function (input, unit) {
        var o = compareArgs(this, input); unit = unitOrMs(unit);
        return o !== null && (unit ? this.clone().startOf(unit)._ms <= o && o <= this.clone().endOf(unit)._ms : this._ms === o);
      };
      proto.isSameOrBefore = function (input, unit) { return this.isSame(input, unit) || this.isBefore(input, unit); };
      proto.isSameOrAfter = function (input, unit) { return this.isSame(input, unit) || this.isAfter(input, unit); };
      // inclusivity: "()" (default, both ends excluded), "[]", "[)", "(]".
      proto.isBetween = function (from, to, unit, inclusivity) {
        inclusivity = inclusivity || "()";
        var a = toMoment(from), b = toMoment(to);
        if (!this.isValid() || !a.isValid() || !b.isValid()) return false;
        return (inclusivity.charAt(0) === "(" ? this.isAfter(a, unit) : !this.isBefore(a, unit)) &&
               (inclusivity.charAt(1) === ")" ? this.isBefore(b, unit) : !this.isAfter(b, unit));
      };

      // ---- Instance: human wording ----
      // What moment's duration({from: a, to: b}) holds: whole calendar months plus the milliseconds left.
      function span(a, b) {
        b = inModeOf(b, a);
        var sign = 1;
        if (b._ms < a._ms) { var t = a; a = b; b = t; sign = -1; }
        var fa = fields(a), fb = fields(b), months = (fb.y - fa.y) * 12 + fb.M - fa.M;
        if (a.clone().add(months, "M")._ms > b._ms) months--;
        return new Duration(sign * months, 0, sign * (b._ms - a.clone().add(months, "M")._ms), a._locale);
      }
      proto.from = function (input, withoutSuffix) {
        var o = toMoment(input);
        return this.isValid() && o.isValid() ? span(o, this).locale(this._locale).humanize(!withoutSuffix) : "Invalid date";
      };
      proto.to = function (input, withoutSuffix) {
        var o = toMoment(input);
        return this.isValid() && o.isValid() ? span(this, o).locale(this._locale).humanize(!withoutSuffix) : "Invalid date";
      };
      proto.fromNow = function (withoutSuffix) { return this.from(moment(), withoutSuffix); };
      proto.toNow = function (withoutSuffix) { return this.to(moment(), withoutSuffix); };
      // calendar(), calendar(reference), calendar(reference, formats) or calendar(formats).
      proto.calendar = function (time, formats) {
        if (!this.isValid()) return "Invalid date";
        if (time && typeof time === "object" && !isMoment(time) && !isDate(time) && !Array.isArray(time)) { formats = time; time = undefined; }
        var now = time === undefined || time === null ? moment() : toMoment(time);
        var diff = this.diff(inModeOf(now, this).startOf("day"), "days", true);
        var key = diff < -6 ? "sameElse" : diff < -1 ? "lastWeek" : diff < 0 ? "lastDay" : diff < 1 ? "sameDay" :
                  diff < 2 ? "nextDay" : diff < 7 ? "nextWeek" : "sameElse";
        var out = (formats && formats[key]) || localeOf(this).calendar[key];
        return this.format(typeof out === "function" ? out.call(this, now) : out);
      };

      // ---- Durations: months, days and milliseconds kept apart, as moment does ----
      function Duration(months, days, ms, locale) { this._months = months; this._days = days; this._ms = ms; this._locale = locale || globalLocale; }
      var dproto = Duration.prototype;
      var DUR_RE = /^([+-])?(?:(\d+)[. ])?(\d+):(\d+)(?::(\d+)(?:\.(\d+))?)?$/;
      var ISO_DUR = /^([+-])?P(?:([\d.,]+)Y)?(?:([\d.,]+)M)?(?:([\d.,]+)W)?(?:([\d.,]+)D)?(?:T(?:([\d.,]+)H)?(?:([\d.,]+)M)?(?:([\d.,]+)S)?)?$/;
      function durationFrom(o) {
        var d = new Duration(0, 0, 0), scale = { year: [12, 0, 0], quarter: [3, 0, 0], month: [1, 0, 0], week: [0, 7, 0], isoWeek: [0, 7, 0],
          day: [0, 1, 0], date: [0, 1, 0], hour: [0, 0, HOUR], minute: [0, 0, MIN], second: [0, 0, 1000], millisecond: [0, 0, 1] };
        for (var k in o) {
          var s = Object.prototype.hasOwnProperty.call(o, k) && scale[normalize(k)], v = +o[k];
          if (!s) continue;
          if (v !== v) return new Duration(NaN, NaN, NaN);
          d._months += s[0] * v; d._days += s[1] * v; d._ms += s[2] * v;
        }
        return d;
      }
      // duration(ms), duration(n, unit), duration({days: 1, hours: 2}), duration("1.02:30:00"),
      // duration("PT1H30M"), duration(otherDuration). Anything else is an invalid duration.
      function duration(input, unit) {
        var r, o = {};
        if (input instanceof Duration) return new Duration(input._months, input._days, input._ms, input._locale);
        if (input === undefined || input === null) return new Duration(0, 0, 0);
        if (typeof input === "number" || (typeof input === "string" && input.trim() !== "" && !isNaN(+input))) {
          o[unit || "ms"] = +input; // an unknown unit gives a zero duration, as in moment
          return durationFrom(o);
        }
        if (typeof input === "string" && (r = DUR_RE.exec(input))) {
          var sign = r[1] === "-" ? -1 : 1;
          return durationFrom({ d: sign * (r[2] || 0), h: sign * r[3], m: sign * r[4], s: sign * (r[5] || 0), ms: sign * (r[6] ? +(r[6] + "00").slice(0, 3) : 0) });
        }
        if (typeof input === "string" && input.length > 1 && (r = ISO_DUR.exec(input))) {
          var sg = r[1] === "-" ? -1 : 1, num = function (x) { return sg * parseFloat((x || "0").replace(",", ".")); };
          return durationFrom({ y: num(r[2]), M: num(r[3]), w: num(r[4]), d: num(r[5]), h: num(r[6]), m: num(r[7]), s: num(r[8]) });
        }
        if (typeof input === "object" && !Array.isArray(input)) return durationFrom(input);
        return new Duration(NaN, NaN, NaN);
      }
      // Days ↔ months use the 400-year average (146097 days = 4800 months).
      function daysToMonths(d) { return d * 4800 / 146097; }
      function monthsToDays(m) { return m * 146097 / 4800; }
      dproto.as = function (unit) {
        unit = normalize(unit);
        if (unit === "month" || unit === "quarter" || unit === "year") {
          var months = this._months + daysToMonths(this._days + this._ms / DAY);
          return unit === "month" ? months : unit === "quarter" ? months / 3 : months / 12;
        }
        var days = this._days + Math.round(monthsToDays(this._months));
        switch (unit) {
          case "week": return days / 7 + this._ms / (7 * DAY);
          case "day": case "date": return days + this._ms / DAY;
          case "hour": return days * 24 + this._ms / HOUR;
          case "minute": return days * 1440 + this._ms / MIN;
          case "second": return days * 86400 + this._ms / 1000;
          case "millisecond": return Math.floor(days * DAY) + this._ms;
          default: return NaN;
        }
      };
      ["Milliseconds", "Seconds", "Minutes", "Hours", "Days", "Weeks", "Months", "Quarters", "Years"].forEach(function (u) {
        dproto["as" + u] = function () { return this.as(u.toLowerCase()); };
      });
      // The parts as moment shows them (hours() of 90 minutes is 1, minutes() 30): milliseconds carry
      // into seconds … days, days into months by the average month. Mixed signs fold into milliseconds first.
      function bubble(d) {
        var ms = d._ms, days = d._days, months = d._months, out = {};
        if (!((ms >= 0 && days >= 0 && months >= 0) || (ms <= 0 && days <= 0 && months <= 0))) {
          ms += absCeil(monthsToDays(months) + days) * DAY; days = months = 0;
        }
        out.milliseconds = ms % 1000;
        var secs = trunc(ms / 1000); out.seconds = secs % 60;
        var mins = trunc(secs / 60); out.minutes = mins % 60;
        var hrs = trunc(mins / 60); out.hours = hrs % 24;
        days += trunc(hrs / 24);
        var extra = trunc(daysToMonths(days));
        months += extra; days -= absCeil(monthsToDays(extra));
        out.days = days; out.weeks = trunc(days / 7); out.months = months % 12; out.years = trunc(months / 12);
        return out;
      }
      ["milliseconds", "seconds", "minutes", "hours", "days", "weeks", "months", "years"].forEach(function (u) {
        dproto[u] = function () { return this.isValid() ? bubble(this)[u] : NaN; };
      });
      dproto.get = function (unit) { var u = normalize(unit); return u && this[u + "s"] ? this[u + "s"]() : NaN; };
      dproto.isValid = function () { return this._ms === this._ms; };
      dproto.clone = function () { return duration(this); };
      dproto.abs = function () { this._ms = Math.abs(this._ms); this._days = Math.abs(this._days); this._months = Math.abs(this._months); return this; };
      dproto.add = function (n, unit) { var o = duration(n, unit); this._ms += o._ms; this._days += o._days; this._months += o._months; return this; };
      dproto.subtract = function (n, unit) { var o = duration(n, unit); this._ms -= o._ms; this._days -= o._days; this._months -= o._months; return this; };
      // moment's own valueOf: a month is 30 days and a year 365 here, unlike as().
      dproto.valueOf = function () { return this._ms + this._days * DAY + (this._months % 12) * 30 * DAY + trunc(this._months / 12) * 365 * DAY; };
      dproto.locale = function (name) {
        if (name === undefined) return this._locale;
        var k = findLocale(name); if (k) this._locale = k;
        return this;
      };
      dproto.toISOString = function () {
        if (!this.isValid()) return "Invalid date";
        var total = this.asSeconds();
        if (!total) return "P0D";
        var s = Math.abs(this._ms) / 1000, mins = trunc(s / 60), hrs = trunc(mins / 60), mo = Math.abs(this._months), d = Math.abs(this._days);
        s = +(s % 60).toFixed(3); mins %= 60;
        var y = trunc(mo / 12); mo %= 12;
        return (total < 0 ? "-" : "") + "P" + (y ? y + "Y" : "") + (mo ? mo + "M" : "") + (d ? d + "D" : "") +
          (hrs || mins || s ? "T" : "") + (hrs ? hrs + "H" : "") + (mins ? mins + "M" : "") + (s ? s + "S" : "");
      };
      dproto.toJSON = dproto.toString = dproto.toISOString;
      // moment's thresholds: < 45 s "a few seconds", < 45 min, < 22 h, < 26 days, < 11 months, then years.
      dproto.humanize = function (withSuffix) {
        if (!this.isValid()) return "Invalid date";
        var loc = LOCALES[this._locale] || LOCALES.en, d = this;
        function r(u) { return Math.round(Math.abs(d.as(u))); }
        var s = r("s"), mi = r("m"), h = r("h"), dd = r("d"), mo = r("M"), y = r("y");
        var a = s < 45 ? ["s", s] : mi <= 1 ? ["m", 1] : mi < 45 ? ["mm", mi] : h <= 1 ? ["h", 1] : h < 22 ? ["hh", h] :
                dd <= 1 ? ["d", 1] : dd < 26 ? ["dd", dd] : mo <= 1 ? ["M", 1] : mo < 11 ? ["MM", mo] : y <= 1 ? ["y", 1] : ["yy", y];
        var text = loc.relative[a[0]];
        text = typeof text === "function" ? text(a[1], !withSuffix) : text.replace("%d", a[1]);
        return withSuffix ? loc.relative[this.valueOf() > 0 ? "future" : "past"].replace("%s", text) : text;
      };
      moment.duration = duration;
      moment.duration.fn = dproto;
      moment.isDuration = function (x) { return x instanceof Duration; };

      global.moment = moment;
    })
    """#
}
