import JSEngine

/// The JavaScript half of conform's JAICP runtime: the objects bot scripts see (`$reactions`,
/// `$jsapi`, `bind`, `$session` and friends, helpers), run by JavaScriptCore in every conversation's
/// fresh context before the bot's own scripts.
///
/// Reply shapes, `$session.transitions`, `transitionsHistory` and the random rule follow the
/// platform's own published `$reactions` code and JAICP's documentation; what had to be inferred is
/// marked so. Swift drives a turn through `__conform` and decides which state runs (`DialogEngine`).
enum RuntimePrelude {
    static let script = JSSource(source, file: "conform:runtime.js")
    static let source = #"""
    (function (global) {
      var native = global.__conformNative;
      delete global.__conformNative;
      var consoleLog = global.log;

      // ---- Deterministic clock: every date API reads the turn's recorded time. ----
      var RealDate = Date;
      var nowMs = 0;
      function ConformDate(a, b, c, d, e, f, g) {
        if (!(this instanceof ConformDate)) { return new RealDate(nowMs).toString(); }
        switch (arguments.length) {
          case 0: return new RealDate(nowMs);
          case 1: return new RealDate(a);
          case 2: return new RealDate(a, b);
          case 3: return new RealDate(a, b, c);
          case 4: return new RealDate(a, b, c, d);
          case 5: return new RealDate(a, b, c, d, e);
          case 6: return new RealDate(a, b, c, d, e, f);
          default: return new RealDate(a, b, c, d, e, f, g);
        }
      }
      ConformDate.prototype = RealDate.prototype;
      ConformDate.now = function () { return nowMs; };
      ConformDate.UTC = RealDate.UTC;
      ConformDate.parse = RealDate.parse;
      global.Date = ConformDate;

      // ---- Deterministic Math.random (xorshift128+, seeded per conversation). ----
      var s0 = 0x9E3779B9 | 0, s1 = 0x243F6A88 | 0;
      Math.random = function () {
        var x = s0, y = s1;
        s0 = y; x ^= x << 23; x ^= x >>> 17; x ^= y ^ (y >>> 26); s1 = x;
        return ((s0 + s1) >>> 0) / 4294967296;
      };

      var handlers = [];
      var states = {};
      var asyncOutcome = null;
      var turn = { transition: null, stopSession: false, sessionStarted: false, newSession: null };
      var settings = { testMode: false, injector: {}, env: {}, secrets: {}, maxReplies: 0 };

      function isObject(v) { return v !== null && typeof v === "object"; }
      // Loops, not callbacks: it runs for every button and transition, mostly in fresh contexts.
      function resolvePath(base, rel) {
        rel = String(rel);
        var parts = [], i;
        if (rel.charAt(0) !== "/") {
          var from = String(base || "/").split("/");
          for (i = 0; i < from.length; i++) if (from[i]) parts.push(from[i]);
        }
        var steps = rel.split("/");
        for (i = 0; i < steps.length; i++) {
          var p = steps[i];
          if (!p || p === ".") continue;
          if (p === "..") parts.pop();
          else parts.push(p);
        }
        return "/" + parts.join("/");
      }

      var $context = { session: {}, client: {}, temp: {}, global: {}, request: {}, response: { replies: [] },
                       parseTree: undefined, currentState: "/", contextPath: "/", entities: [], nluResults: {} };
      global.$context = $context;

      // `$session = {}` in a script must reset the session, so these globals are accessors of $context.
      ["session", "client", "temp", "request", "response", "parseTree", "global", "entities"].forEach(function (name) {
        Object.defineProperty(global, "$" + name, {
          get: function () { return $context[name]; },
          set: function (v) {
            // zb-common's `var $global = this;` (written for an engine where `$global` is the global
            // object): `$global`'s keys already are globals here, so it keeps its own object.
            if (name === "global" && v === global) return;
            $context[name] = v;
            if (name === "global") linkGlobal();
          },
          configurable: true
        });
      });
      Object.defineProperty(global, "$injector", { get: function () { return settings.injector; }, configurable: true });
      Object.defineProperty(global, "$", { get: function () { return $context; }, configurable: true });

      // What a script puts in `$global` is visible as a global variable: the platform's own zb-common
      // module writes `$global.$converters = {}` and `$global.newSession = function…` and then uses
      // `$converters` and `newSession` bare. `$global` stays a plain object for snapshots, behind a
      // proxy that gives each new key a global accessor (JavaScriptCore's global object has an
      // immutable prototype, so `$global` cannot simply sit in its prototype chain).
      var globalProxy = null;
      var exposedGlobals = {};
      function exposeGlobal(key) {
        if (typeof key !== "string" || exposedGlobals[key] || Object.prototype.hasOwnProperty.call(global, key)) return;
        exposedGlobals[key] = true;
        Object.defineProperty(global, key, {
          get: function () { return isObject($context.global) ? $context.global[key] : undefined; },
          set: function (v) { if (isObject($context.global)) $context.global[key] = v; },
          configurable: true
        });
      }
      function linkGlobal() {
        var target = $context.global;
        if (target === globalProxy || !isObject(target)) return;
        if (target === global) { $context.global = globalProxy || {}; linkGlobal(); return; }
        Object.keys(target).forEach(exposeGlobal);
        globalProxy = new Proxy(target, {
          set: function (t, key, value) { t[key] = value; exposeGlobal(key); return true; },
          defineProperty: function (t, key, descriptor) { Object.defineProperty(t, key, descriptor); exposeGlobal(key); return true; }
        });
        $context.global = globalProxy;
      }
      linkGlobal();

      // ---- {{ }} templates: the platform compiles them with lodash's _.template, whose interpolation
      // prints null and undefined as "". The expressions see these ten names (and every global). ----
      var templateCache = {};
      var templateNames = ["$global", "$context", "$parseTree", "$client", "$session", "$request", "$response",
                           "$temp", "$injector", "$entities"];
      function template(text) {
        if (text === undefined || text === null || text === "") return "";
        text = String(text);
        if (text.indexOf("{{") < 0) return text;
        var compiled = templateCache[text];
        if (!compiled) {
          var parts = [];
          var rest = text;
          while (true) {
            var open = rest.indexOf("{{");
            if (open < 0) { parts.push(JSON.stringify(rest)); break; }
            var close = rest.indexOf("}}", open + 2);
            if (close < 0) { parts.push(JSON.stringify(rest)); break; }
            parts.push(JSON.stringify(rest.slice(0, open)));
            parts.push("__t(" + rest.slice(open + 2, close) + ")");
            rest = rest.slice(close + 2);
          }
          var body = "var __t = function (v) { return v === undefined || v === null ? '' : '' + v; };\n" +
                     "return " + parts.join(" + ") + ";";
          // Compiled by the engine from text it keeps parsed: `Function(…)` parsed the template again
          // in every conversation.
          compiled = templateCache[text] = native.compile("(function (" + templateNames.join(", ") + ") {\n" + body + "\n})");
        }
        return compiled($context.global, $context, $context.parseTree, $context.client, $context.session,
                        $context.request, $context.response, $context.temp, settings.injector, $context.entities);
      }

      function replies() {
        if (!isObject($context.response)) $context.response = {};
        if (!Array.isArray($context.response.replies)) $context.response.replies = [];
        return $context.response.replies;
      }
      function pushReply(reply, withState) {
        if (withState !== false && reply.state === undefined) reply.state = $context.currentState;
        var list = replies();
        list.push(reply);
        // Native code ends the turn past the limit (a script cannot catch that); asked only then, as a
        // call into Swift per reply is not free.
        if (list.length > settings.maxReplies) native.replyAdded(list.length);
        return reply;
      }
      function copy(o) { var out = {}; for (var k in o) out[k] = o[k]; return out; }
      // `o` as JSON would bring it back. Most sessions hold only what JSON keeps (plain objects, arrays,
      // strings, finite numbers, booleans, null): a walk finds that without building and parsing the
      // text, which cost a sixth of a turn; the runtime's own bookkeeping (`transitions`, …) is written
      // plain and not walked.
      var plainByRuntime = { transitions: true, transitionsHistory: true, contextPath: true };
      function asStored(o) {
        if (!changedByJSON(o, 0)) return o;
        try { return JSON.parse(JSON.stringify(o)); } catch (e) { return o; }
      }
      function changedByJSON(v, depth) {
        if (depth > 64) return true;
        var isArray = Array.isArray(v);
        if (!isArray) {
          var proto = Object.getPrototypeOf(v);
          if (proto !== Object.prototype && proto !== null) return true;
        }
        for (var k in v) {
          if (depth === 0 && plainByRuntime[k] === true) continue;
          var x = v[k], t = typeof x;
          if (t === "string" || t === "boolean" || x === null) continue;
          if (t === "number") { if (isFinite(x)) continue; return true; }
          if (t !== "object" || changedByJSON(x, depth + 1)) return true;
        }
        return false;
      }
      function buttonText(t) {
        if (t === undefined || t === null) return String(t);
        if (isObject(t)) return JSON.stringify(t);
        return template(t.toString());
      }
      // The .sc lines of the transition buttons offered (by "text\u0000target"), kept out of `$session`
      // (which bots and recordings see) so a click can be counted as the button's trigger.
      var buttonSources = {};
      var nextButtonSources = null;
      function makeButtons(type, arg) {
        var list = Array.isArray(arg) ? arg : [arg];
        var sources = nextButtonSources;
        nextButtonSources = null;
        var pairs = [];
        var buttons = list.map(function (item, index) {
          var b = isObject(item) && item.button !== undefined ? item.button : item;
          var mapping = isObject(item) && item.mapping !== undefined ? item.mapping : (isObject(b) ? b.transition : undefined);
          var out = isObject(b) ? copy(b) : { text: b };
          if (isObject(b) && !("text" in b)) throw new Error("The `text` field is missing in the buttons response.");
          for (var k in out) { if (typeof out[k] === "string" && k !== "text") out[k] = template(out[k]); }
          out.text = buttonText(out.text);
          if (mapping) {
            var target = resolvePath($context.currentState, template(mapping));
            out.transition = target;
            pairs.push({ text: out.text, mapping: target });
            if (sources && sources[index]) buttonSources[out.text + "\u0000" + target] = sources[index];
          }
          return out;
        });
        var session = $context.session;
        session.transitions = (Array.isArray(session.transitions) ? session.transitions : []).concat(pairs);
        return pushReply({ type: type, buttons: buttons });
      }
      // `forced`: a recorded draw being made again; it enters the history like the original did.
      function smartRandom(max, forced) {
        var key = $context.currentState + "_" + max;
        var store = $context.session.smartRandom = isObject($context.session.smartRandom) ? $context.session.smartRandom : {};
        var previous = Array.isArray(store[key]) ? store[key] : (store[key] = []);
        var value = 0;
        if (forced !== undefined) {
          value = forced;
        } else {
          for (var attempt = 0; attempt < max * 5; attempt++) {
            value = Math.floor(Math.random() * max);
            if (previous.indexOf(value) < 0) break;
          }
        }
        previous.push(value);
        if (previous.length > max / 2) previous.shift();
        return value;
      }

      var $reactions = {
        answer: function (arg) {
          if (typeof arg !== "string" && typeof arg !== "object") arg = arg + "";
          if (!isObject(arg)) arg = { value: arg };
          var text = template(arg.value);
          var reply = { type: "text", text: text, state: $context.currentState };
          var tts = arg.tts !== undefined ? template(arg.tts) : "";
          if (tts) reply.tts = tts;
          var htmlEnabled = !(arg.htmlEnabled === false || arg.htmlEnabled === "false");
          var html = arg.html !== undefined ? template(arg.html) : "";
          if (html && htmlEnabled) reply.html = html;
          if (typeof arg.lang === "string") reply.lang = arg.lang;
          else if ($context.request && $context.request.language) reply.lang = $context.request.language;
          pushReply(reply);
          var r = $context.response;
          r.answer = r.answer ? r.answer + "\n\n" + text : text;
          return reply;
        },
        buttons: function (arg) { return makeButtons("buttons", arguments.length > 1 ? Array.prototype.slice.call(arguments) : arg); },
        inlineButtons: function (arg) { return makeButtons("inlineButtons", arguments.length > 1 ? Array.prototype.slice.call(arguments) : arg); },
        image: function (arg) {
          var a = isObject(arg) ? arg : { imageUrl: arg };
          var reply = { type: "image", imageUrl: template(a.imageUrl || a.url), state: $context.currentState };
          if (a.text) reply.text = template(a.text);
          return pushReply(reply);
        },
        audio: function (arg) {
          var a = isObject(arg) ? arg : { audioUrl: arg };
          var reply = { type: "audio", audioUrl: template(a.audioUrl || a.url), state: $context.currentState };
          if (a.name) reply.audioName = template(a.name);
          return pushReply(reply);
        },
        video: function (arg) {
          var a = isObject(arg) ? arg : { videoUrl: arg };
          var reply = { type: "video", videoUrl: template(a.videoUrl || a.url), state: $context.currentState };
          if (a.name) reply.videoName = template(a.name);
          return pushReply(reply);
        },
        // Not in the platform's $reactions: conform's own, for the `file:` tag (Webim sends files).
        file: function (arg) {
          var a = isObject(arg) ? arg : { fileUrl: arg };
          var reply = { type: "file", fileUrl: template(a.fileUrl || a.url), state: $context.currentState };
          if (a.name || a.fileName) reply.fileName = template(a.name || a.fileName);
          return pushReply(reply);
        },
        location: function (lat, lon) { return pushReply({ type: "location", lat: lat, lon: lon }, false); },
        transition: function (arg) {
          if (!isObject(arg)) arg = { value: arg, deferred: false };
          var path = template(arg.value);
          if (!path) throw new Error("Empty state is not allowed");
          var t = { state: path, deferred: arg.deferred || false };
          $context.temp.transition = t;
          var history = $context.session.transitionsHistory;
          if (!Array.isArray(history)) history = $context.session.transitionsHistory = [];
          if (history.length >= 10) history.shift();
          history.push(t);
        },
        timeout: function (arg) {
          arg = arg || {};
          var interval = arg.interval;
          if (typeof interval === "string") interval = native.parseInterval(interval);
          if (typeof interval !== "number" || !(interval > 0)) throw new Error("Illegal timeout argument: " + JSON.stringify(arg));
          var target = template(arg.targetState || arg.value);
          if (target.charAt(0) !== "/") target = resolvePath($context.currentState, target);
          replies().forEach(function (r) {
            if (r.type === "timeout") throw new Error("Only one 'timeout' reaction per state is allowed!");
          });
          return pushReply({ type: "timeout", interval: interval, targetState: target }, false);
        },
        random: function (arg) {
          var max = Number(isObject(arg) ? arg.value : arg);
          var data = $context.request && $context.request.data;
          var value;
          var queued = native.queuedRandom(max);
          if (isObject(data) && Array.isArray(data.smartRandom) && data.smartRandom.length) value = data.smartRandom.shift();
          else if (queued >= 0) value = native.queueIsRecording() ? smartRandom(max, queued) : queued;
          // JAICP's test runner: without a `<random>` value left, a draw is 0 (the first alternative).
          else if (settings.testMode) value = 0;
          else value = smartRandom(max);
          var r = $context.response;
          if (!Array.isArray(r.smartRandom)) r.smartRandom = [];
          r.smartRandom.push(value);
          native.drew(value, max);
          return value;
        },
        // Named in JAICP's reference material; the platform's own code pushes a `switch` reply.
        transferToOperator: function (arg) {
          var reply = { type: "switch" };
          if (isObject(arg)) { for (var k in arg) reply[k] = arg[k]; }
          return pushReply(reply, false);
        },
        newSession: function (arg) { turn.newSession = isObject(arg) ? arg : {}; },
        template: function (text, ctx) { return template(text); },
        setClientTimezone: function (zone) { $context.client.timezone = zone; }
      };
      global.$reactions = $reactions;

      function bind(type, fn, path, name) {
        if (isObject(type)) { fn = type.handler; path = type.path; name = type.name; type = type.type; }
        if (typeof fn !== "function") throw new TypeError("bind(\"" + type + "\", …) needs a handler function");
        handlers.push({ type: String(type), fn: fn, path: path ? resolvePath("/", path) : "/", name: name });
      }
      global.bind = bind;

      // The platform's own preMatch, bound before any bot handler: a click on a button offered last
      // turn (its text, lower-cased, first "ё" made "е") forces that button's target. The offered
      // pairs are cleared on every request, events included.
      function normalizeButton(s) { return String(s).toLowerCase().replace("ё", "е"); }
      bind({ type: "preMatch", path: "/", name: "zenbot.buttonsHandler", handler: function ($context) {
        var pairs = $context.session.transitions;
        var request = $context.request;
        if (Array.isArray(pairs) && pairs.length && request.query !== undefined && request.event === undefined) {
          var query = normalizeButton(request.query);
          for (var i = 0; i < pairs.length; i++) {
            if (normalizeButton(pairs[i].text) === query) {
              $context.temp.targetState = pairs[i].mapping;
              turn.button = { target: pairs[i].mapping, source: buttonSources[pairs[i].text + "\u0000" + pairs[i].mapping] || null };
              break;
            }
          }
        }
        $context.session.transitions = [];
        buttonSources = {};
      } });

      var $jsapi = {
        startSession: function () { $context.session = {}; turn.sessionStarted = true; },
        stopSession: function () { turn.stopSession = true; },
        currentTime: function () { return nowMs; },
        // Under XML tests it returns the `<random>` values in order, then 0 (JAICP's test runner).
        random: function (max) {
          if (!settings.testMode) return Math.floor(Math.random() * max);
          var queued = native.queuedRandom(max);
          return queued >= 0 ? queued : 0;
        },
        resolvePath: resolvePath,
        context: function () { return $context; },
        bind: bind,
        dateForZone: function (zone, format) { return native.formatTime(nowMs, String(zone), format === undefined ? null : String(format)); },
        timeForZone: function (zone, format) {
          if (format !== undefined) return native.formatTime(nowMs, String(zone), String(format));
          var offset = native.zoneOffset(nowMs, String(zone));
          return nowMs + (offset === offset ? offset : 0);
        },
        chatHistory: function () { return ""; },
        // Public bots call `$jsapi.log(…)` as they call `log(…)`.
        log: function () { return consoleLog.apply(null, arguments); }
      };
      global.$jsapi = $jsapi;

      global.capitalize = function (s) { s = String(s); return s.charAt(0).toUpperCase() + s.slice(1); };
      global.toPrettyString = function (v) { return JSON.stringify(v, null, 4); };
      global.testMode = function () { return settings.testMode; };
      global.selectRandomArg = function () {
        var args = arguments.length === 1 && Array.isArray(arguments[0]) ? arguments[0] : arguments;
        return args[$reactions.random(args.length)];
      };
      global.currentDate = function () { return typeof global.moment === "function" ? global.moment(nowMs) : new RealDate(nowMs); };

      function keyed(store) {
        return function (k, d) { return store[k] !== undefined ? store[k] : (d === undefined ? null : d); };
      }
      global.$env = { get: function (k, d) { return keyed(settings.env)(k, d); } };
      global.$secrets = { get: function (k, d) { return keyed(settings.secrets)(k, d); } };

      // Services that talk to the outside world are recorded, harmless no-ops offline.
      function recorder(service, methods) {
        var o = {};
        methods.forEach(function (m) {
          o[m] = function () { native.service(service + "." + m, JSON.stringify(Array.prototype.slice.call(arguments))); return {}; };
        });
        return o;
      }
      global.$analytics = recorder("$analytics", ["setSessionResult", "setSessionData", "setComment", "setAutomationStatus",
                                                  "setScenarioAction", "setSessionLabel", "setMessageLabel", "joinExperiment",
                                                  "setNpsResult", "setSessionTopic"]);
      global.$pushgate = recorder("$pushgate", ["createEvent", "createPushback", "deleteEvent", "getEvent", "updateEvent",
                                                "cancelEvent"]);
      global.$mail = recorder("$mail", ["send", "sendMessage"]);
      global.$dialer = recorder("$dialer", ["hangUp", "redial", "setNoInputTimeout", "bargeInResponse", "setTtsConfig",
                                            "getCaller", "getCallRecordingFullUrl", "getPayload", "getTransferStatus",
                                            "setCallResult"]);
      // Services reached only in the JAICP cloud: any method is a clear error naming it (not a
      // ReferenceError or "is not a function").
      function cloudOnly(name, what) { return partly(name, what, Object.create(null)); }
      // What conform runs of a service, and a clear error naming any other method (`$nlp.checkVocabulary`).
      function partly(name, what, known) {
        return new Proxy(known, { get: function (target, key) {
          if (typeof key !== "string" || key in target || key === "then" || key === "toJSON") return target[key];
          return function () { throw new Error(name + "." + key + " needs " + what + ", which is not available offline"); };
        } });
      }
      global.$gpt = cloudOnly("$gpt", "JAICP's generative AI service");
      global.$faq = cloudOnly("$faq", "JAICP's knowledge base");
      global.$integration = cloudOnly("$integration", "JAICP's integrations service");
      global.$caila = cloudOnly("$caila", "JAICP's NLU services");
      global.$nlp = partly("$nlp", "JAICP's NLU services", {
        // The parse trees come back with converters to run, as a request's does.
        match: function (text, path) {
          var r = native.nlpMatch(String(text), String(path || "/"));
          if (r === null) return null;
          var result = JSON.parse(r);
          result.parseTree = __conform.applyConverters(JSON.stringify(result.parseTree));
          return result;
        },
        matchPatterns: function (text, patterns) {
          var list = Array.isArray(patterns) ? patterns : [patterns];
          var r = native.nlpMatchPatterns(String(text === undefined || text === null ? "" : text),
                                          JSON.stringify(list.map(String)));
          if (r === null) return null;
          var result = JSON.parse(r);
          result.parseTree = __conform.applyConverters(JSON.stringify(result.parseTree));
          return result;
        },
        // Text typed with the English layout on a Russian keyboard, retyped with the Russian one
        // ("Cfyrn-Gtnth,ehu" → "Санкт-Петербург"); null when there is nothing to fix (no Latin keys).
        fixKeyboardLayout: function (text) {
          if (text === undefined || text === null) return null;
          var from = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>~";
          var to = "йцукенгшщзхъфывапролджэячсмитьбюёЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ";
          var source = String(text), out = "";
          if (!/[A-Za-z]/.test(source) || /[А-Яа-яЁё]/.test(source)) return null;
          for (var i = 0; i < source.length; i++) {
            var at = from.indexOf(source.charAt(i));
            out += at >= 0 ? to.charAt(at) : source.charAt(i);
          }
          return out;
        }
      });

      // $http: synchronous (served from mocks, or made for real by `record --bot` and `chat`); the result
      // also works as a thenable.
      function thenable(result) {
        Object.defineProperty(result, "then", { enumerable: false, value: function (ok, fail) {
          var next = result.isOk ? (ok ? ok(result.data, result) : result) : (fail ? fail(result) : result);
          return next && typeof next.then === "function" ? next : thenable(isObject(next) ? next : { isOk: true, data: next });
        } });
        Object.defineProperty(result, "catch", { enumerable: false, value: function (fail) {
          return result.isOk ? result : thenable(isObject(fail ? fail(result) : result) ? (fail ? fail(result) : result) : result);
        } });
        Object.defineProperty(result, "finally", { enumerable: false, value: function (f) { if (f) f(); return result; } });
        return result;
      }
      function request(method, url, settingsArg) {
        var s = isObject(settingsArg) ? settingsArg : {};
        var query = isObject(s.query) ? s.query : {};
        var filled = String(url).replace(/\$\{([^}]+)\}/g, function (m, key) {
          return query[key] !== undefined ? encodeURIComponent(query[key]) : m;
        });
        var body = s.body !== undefined ? s.body : s.form;
        return thenable(JSON.parse(native.http(JSON.stringify({
          method: String(s.method || method).toUpperCase(), url: filled, headers: s.headers || {},
          body: body === undefined ? null : body, dataType: s.dataType || null,
          timeout: typeof s.timeout === "number" ? s.timeout : null
        }))));
      }
      // `_` (lodash) is evaluated the first time a script touches it: most conversations never do, and
      // evaluating it was a third of every conversation's start. A bot's own `_` (a `var _`, `_ = …`)
      // replaces it like any global.
      Object.defineProperty(global, "_", { configurable: true, enumerable: false,
        get: function () {
          Object.defineProperty(global, "_", { value: undefined, writable: true, configurable: true, enumerable: true });
          native.loadLodash();
          return global._;
        },
        set: function (value) {
          Object.defineProperty(global, "_", { value: value, writable: true, configurable: true, enumerable: true });
        } });
      // `moment` likewise, on first touch (`RuntimeMoment`); a bot's own (`require: moment.min.js`,
      // whose UMD wrapper assigns `global.moment`) replaces it.
      Object.defineProperty(global, "moment", { configurable: true, enumerable: false,
        get: function () {
          Object.defineProperty(global, "moment", { value: undefined, writable: true, configurable: true, enumerable: true });
          native.momentInstaller()(global, function (ms, zone) { return native.zoneOffset(ms, zone); });
          return global.moment;
        },
        set: function (value) {
          Object.defineProperty(global, "moment", { value: value, writable: true, configurable: true, enumerable: true });
        } });
      global.$http = {
        get: function (url, s) { return request("GET", url, s); },
        post: function (url, s) { return request("POST", url, s); },
        put: function (url, s) { return request("PUT", url, s); },
        "delete": function (url, s) { return request("DELETE", url, s); },
        query: function (url, s) { return request((s && s.method) || "GET", url, s); },
        config: function () {}
      };

      function action(name, value, params) {
        switch (name) {
          case "TransferToOperator":
          case "TransferCallToOperator":
            var reply = { type: "switch" };
            for (var k in params) reply[k] = params[k];
            return pushReply(reply, false);
          case "EndSession":
            turn.stopSession = true;
            return;
          default:
            return pushReply({ type: "action", action: name, value: value, parameters: params });
        }
      }

      // ---- What Swift calls. ----
      global.__conform = {
        configure: function (json) {
          var c = JSON.parse(json);
          settings.testMode = !!c.testMode;
          settings.injector = c.injector || {};
          $context.injector = settings.injector;  // scripts read both `$injector` and `$context.injector`
          settings.env = c.env || {};
          settings.secrets = c.secrets || {};
          settings.maxReplies = c.maxReplies;
          if (c.testMode) $context.testContext = {};
          s0 = (c.seed * 2654435761) | 0 || 1;
          s1 = (c.seed ^ 0x5DEECE66) | 0 || 2;
        },
        restore: function (json) {
          var v = JSON.parse(json);
          if (v.session) $context.session = v.session;
          if (v.client) $context.client = v.client;
          if (v.global) $context.global = v.global;
          linkGlobal();
        },
        beginTurn: function (requestJSON, contextPath, ms) {
          nowMs = ms;
          linkGlobal();
          // JAICP keeps `$session` and `$client` between requests as JSON: a Date comes back as its
          // string, a function or an undefined member not at all. Doing the same here lets a test show
          // what production would (a value that cannot be written — a cycle — is kept as it is).
          $context.session = isObject($context.session) ? asStored($context.session) : {};
          $context.client = isObject($context.client) ? asStored($context.client) : {};
          $context.request = JSON.parse(requestJSON);
          $context.temp = {};
          $context.response = { replies: [] };
          // *(inferred)* `$parseTree` is an object on every request, even one no pattern matched (an
          // event, noMatch, a timeout): public bots read `$parseTree._Root` there and their tests pass.
          var query = typeof $context.request.query === "string" ? $context.request.query : "";
          $context.parseTree = { tag: "root", pattern: "", text: query,
                                 words: query.split(/\s+/).filter(function (w) { return w; }) };
          $context.entities = [];
          $context.intent = undefined;
          $context.exception = undefined;
          $context.contextPath = contextPath;
          $context.session.contextPath = contextPath;
          $context.currentState = contextPath;
          turn = { stopSession: false, sessionStarted: false, newSession: null, button: null };
        },
        runHandlers: function (type) {
          var state = $context.currentState || "/";
          for (var i = 0; i < handlers.length; i++) {
            var h = handlers[i];
            if (h.type !== type) continue;
            if (h.path !== "/" && state !== h.path && state.indexOf(h.path + "/") !== 0) continue;
            h.fn($context);
          }
        },
        hasHandlers: function (type) {
          for (var i = 0; i < handlers.length; i++) if (handlers[i].type === type) return true;
          return false;
        },
        forcedTarget: function () {
          var t = $context.temp && $context.temp.targetState;
          return t ? resolvePath($context.currentState, template(t)) : null;
        },
        defineState: function (path, fn) { states[path] = fn; },
        setCurrentState: function (path) { $context.currentState = path; },
        isDefined: function (path) { return states.hasOwnProperty(path); },
        enterState: function (path) {
          $context.currentState = path;
          if ($context.temp) delete $context.temp.transition;
          return states[path]();
        },
        // The pending transition after a state body or handler ran, resolved against the current state.
        takeTransition: function () {
          var t = $context.temp && $context.temp.transition;
          if (!t) return null;
          delete $context.temp.transition;
          return JSON.stringify({ target: resolvePath($context.currentState, t.state), raw: t.state, deferred: !!t.deferred });
        },
        setException: function (json) { $context.exception = json === null ? undefined : JSON.parse(json); },
        // `finished`: Swift already gave the tree the shape applyConverters would (nothing to convert).
        setParseTree: function (json, finished) {
          var tree = json === null ? undefined : finished ? JSON.parse(json) : __conform.applyConverters(json);
          $context.parseTree = tree;
          $context.entities = [];
        },
        setIntent: function (json) { $context.intent = json === null ? undefined : JSON.parse(json); },
        // Named-pattern converters run bottom-up on the parse tree before scripts see it; `_Name`
        // then reflects the converted values.
        applyConverters: function (json) {
          var tree = JSON.parse(json);
          // Converters see nodes without the `_Name` shortcuts: the platform's own zb-common converters
          // walk every key of a node but text/value/tag/pattern/words, and recurse forever on a string.
          function strip(node) {
            for (var key in node) {
              if (key.charAt(0) === "_" && Array.isArray(node[key.slice(1)])) delete node[key];
              else if (key !== "words" && Array.isArray(node[key])) node[key].forEach(strip);
            }
          }
          // *(inferred)* A named pattern without a converter or value of its own whose match holds
          // exactly one named pattern takes that one's value (`$mobilePhoneNumber = ($InDigits / $InWords)`:
          // zb-common's tests expect the converted number in `$parseTree._mobilePhoneNumber`).
          function convert(node, isRoot) {
            var only = null, count = 0;
            for (var key in node) {
              if (key !== "words" && Array.isArray(node[key])) {
                node[key].forEach(function (child) { convert(child, false); only = child; count++; });
              }
            }
            if (node.__converter) {
              // zb-common writes `converter = $converters.BankConverter;` — a statement's semicolon.
              var expression = String(node.__converter).replace(/[\s;]+$/, "");
              delete node.__converter;
              var fn = (0, eval)("(" + expression + ")");
              if (typeof fn !== "function") throw new TypeError("converter " + expression + " is not a function");
              node.value = fn(node);
            } else if (!isRoot && node.value === undefined && count === 1 && only.value !== undefined) {
              node.value = only.value;
            }
          }
          // Then `_Name` on every node: the first `Name` child's value, else its text.
          function shortcuts(node) {
            for (var k in node) {
              if (k !== "words" && Array.isArray(node[k]) && node[k].length && isObject(node[k][0])) {
                node[k].forEach(shortcuts);
                var first = node[k][0];
                node["_" + k] = first.value !== undefined ? first.value : first.text;
              }
            }
          }
          strip(tree);
          convert(tree, true);
          shortcuts(tree);
          return tree;
        },
        // ---- Turn steps, each one call from Swift (every call into the engine has a fixed cost). ----
        // Begins the turn and runs preMatch handlers; returns the target a handler or a button forced.
        start: function (requestJSON, contextPath, ms) {
          __conform.beginTurn(requestJSON, contextPath, ms);
          __conform.runHandlers("preMatch");
          var forced = __conform.forcedTarget();
          // The click counts as the trigger only when no later preMatch handler redirected it.
          if (turn.button) turn.button.chosen = forced === turn.button.target;
          return forced;
        },
        // `buttons:` written in the .sc: `sources[i]` is the `file:line` of item i (null when it has no
        // transition); called through `$reactions` so a bot's own override still runs.
        sourcedButtons: function (kind, items, sources) {
          nextButtonSources = sources;
          try { return $reactions[kind](items); } finally { nextButtonSources = null; }
        },
        // The target is chosen: what it matched, then preProcess handlers.
        enter: function (path, parseTreeJSON, intentJSON, treeIsFinished) {
          if (parseTreeJSON !== null) __conform.setParseTree(parseTreeJSON, treeIsFinished);
          if (intentJSON !== null) __conform.setIntent(intentJSON);
          $context.currentState = path;
          __conform.runHandlers("preProcess");
        },
        // Runs a state's body; returns the transition it asked for (JSON) or null.
        run: function (path) {
          var result = __conform.enterState(path);
          if (result && typeof result.then === "function") {
            __conform.runAsync(result);
            return "async";
          }
          return __conform.takeTransition();
        },
        // postProcess handlers; returns the transition they asked for (JSON) or null.
        post: function () {
          __conform.runHandlers("postProcess");
          return __conform.takeTransition();
        },
        // The context for the next request (a script may have moved it by writing $context.contextPath
        // or $session.contextPath) and the turn's outcome.
        finish: function (defaultNext, previous) {
          var next = defaultNext;
          if ($context.contextPath !== previous && typeof $context.contextPath === "string") next = $context.contextPath;
          else if (isObject($context.session) && typeof $context.session.contextPath === "string" && $context.session.contextPath !== previous) next = $context.session.contextPath;
          return __conform.endTurn(next);
        },
        endTurn: function (nextContext) {
          if (isObject($context.session)) $context.session.contextPath = nextContext;
          $context.contextPath = nextContext;
          return JSON.stringify({
            response: $context.response,
            currentState: $context.currentState,
            contextPath: nextContext,
            stopSession: turn.stopSession,
            sessionStarted: turn.sessionStarted,
            newSession: turn.newSession,
            buttonTrigger: turn.button && turn.button.chosen ? turn.button.source : null
          });
        },
        // A bot's data (`require: cities.csv` with `var = $Cities`, required .json/.yaml) becomes a global
        // that is parsed when a script first reads it: most conversations read few of a module's
        // dictionaries, and parsing them all was most of an XML test case's time. Writing replaces it.
        lazyGlobals: function (namesJSON) {
          JSON.parse(namesJSON).forEach(function (name, index) {
            function settle(value) {
              Object.defineProperty(global, name, { value: value, writable: true, configurable: true, enumerable: true });
              return value;
            }
            Object.defineProperty(global, name, { configurable: true, enumerable: true,
              get: function () { return settle(native.startupGlobal(index)); },
              set: function (value) { settle(value); } });
          });
        },
        // Sets some variables, keeping the others (an XML test's `<context>`).
        merge: function (json) {
          var v = JSON.parse(json);
          ["session", "client"].forEach(function (name) {
            if (!isObject(v[name])) return;
            if (!isObject($context[name])) $context[name] = {};
            for (var k in v[name]) $context[name][k] = v[name][k];
          });
        },
        snapshot: function () {
          return JSON.stringify({ session: $context.session, client: $context.client, global: $context.global });
        },
        clearSession: function () { $context.session = {}; },
        action: action,
        // scriptEs6 bodies may await; the promise settles before the evaluation returns (no timers).
        runAsync: function (promise) {
          var outcome = asyncOutcome = { failure: null, failed: false, done: false };
          Promise.resolve(promise).then(function () { outcome.done = true; },
                                        function (e) { outcome.failure = e; outcome.failed = true; outcome.done = true; });
        },
        asyncResult: function () {
          var outcome = asyncOutcome;
          asyncOutcome = null;
          if (outcome && outcome.failed) throw outcome.failure;
          return outcome ? outcome.done : true;
        }
      };
    })(this);
    """#
}
