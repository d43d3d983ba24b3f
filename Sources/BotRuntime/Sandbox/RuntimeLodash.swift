import JSEngine

/// `_`: the lodash functions JAICP scripts use (the platform exposes lodash as `_`; public bots and
/// the `sys.zb-common` module call the 2.x/3.x-era API: `first`, `each`, `chain`, `findWhere`,
/// `contains`, `pluck`, `wrap`, …). Written for conform, not a copy of lodash; loaded after the
/// prelude. Functions that are not here are missing, so a bot that needs one fails with a clear
/// "is not a function" error naming it.
enum RuntimeLodash {
    static let script = JSSource(source, file: "conform:lodash.js")
    static let source = #"""
    (function (global) {
      var _ = function (value) { return value instanceof Wrapper ? value : new Wrapper(value, true); };
      var toString = Object.prototype.toString;
      var hasOwn = Object.prototype.hasOwnProperty;

      function isArrayLike(v) { return v !== null && v !== undefined && typeof v !== "function" && typeof v.length === "number"; }
      function keysOf(o) { var out = []; if (o === null || o === undefined) return out; for (var k in o) if (hasOwn.call(o, k)) out.push(k); return out; }
      function valuesOf(o) { return isArrayLike(o) ? Array.prototype.slice.call(o) : keysOf(o).map(function (k) { return o[k]; }); }
      function matches(pattern) {
        return function (item) {
          if (item === null || item === undefined) return false;
          for (var k in pattern) if (hasOwn.call(pattern, k) && !isEqual(item[k], pattern[k])) return false;
          return true;
        };
      }
      function property(name) { return function (item) { return item === null || item === undefined ? undefined : item[name]; }; }
      // What lodash calls an iteratee: a function, an object to match, a property name, or identity.
      function iteratee(f, context) {
        if (f === null || f === undefined) return function (v) { return v; };
        if (typeof f === "function") return context === undefined ? f : function (a, b, c) { return f.call(context, a, b, c); };
        if (typeof f === "object") return Array.isArray(f) ? function (item) { return item != null && isEqual(item[f[0]], f[1]); } : matches(f);
        return property(f);
      }
      function each(collection, f, context) {
        f = iteratee(f, context);
        if (isArrayLike(collection)) {
          for (var i = 0; i < collection.length; i++) if (f(collection[i], i, collection) === false) break;
        } else {
          var keys = keysOf(collection);
          for (var j = 0; j < keys.length; j++) if (f(collection[keys[j]], keys[j], collection) === false) break;
        }
        return collection;
      }
      function map(collection, f, context) { var out = []; f = iteratee(f, context); each(collection, function (v, k, c) { out.push(f(v, k, c)); }); return out; }
      function filter(collection, f, context) { var out = []; f = iteratee(f, context); each(collection, function (v, k, c) { if (f(v, k, c)) out.push(v); }); return out; }
      function find(collection, f, context) {
        var found; f = iteratee(f, context);
        each(collection, function (v, k, c) { if (f(v, k, c)) { found = v; return false; } });
        return found;
      }
      function findIndex(array, f, context) { f = iteratee(f, context); for (var i = 0; i < (array || []).length; i++) if (f(array[i], i, array)) return i; return -1; }
      function findLastIndex(array, f, context) { f = iteratee(f, context); for (var i = (array || []).length - 1; i >= 0; i--) if (f(array[i], i, array)) return i; return -1; }
      function findKey(o, f, context) { f = iteratee(f, context); var keys = keysOf(o); for (var i = 0; i < keys.length; i++) if (f(o[keys[i]], keys[i], o)) return keys[i]; return undefined; }
      function reduce(collection, f, memo, context) {
        var started = arguments.length > 2; f = iteratee(f, context);
        each(collection, function (v, k, c) { if (!started) { memo = v; started = true; } else memo = f(memo, v, k, c); });
        return memo;
      }
      function some(collection, f, context) { f = iteratee(f, context); var r = false; each(collection, function (v, k, c) { if (f(v, k, c)) { r = true; return false; } }); return r; }
      function every(collection, f, context) { f = iteratee(f, context); var r = true; each(collection, function (v, k, c) { if (!f(v, k, c)) { r = false; return false; } }); return r; }
      function contains(collection, value, from) {
        if (typeof collection === "string") return collection.indexOf(value, from || 0) >= 0;
        var list = valuesOf(collection);
        for (var i = from || 0; i < list.length; i++) if (list[i] === value || (value !== value && list[i] !== list[i])) return true;
        return false;
      }
      function isEqual(a, b) {
        if (a === b) return true;
        if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a !== a && b !== b;
        if (Array.isArray(a) !== Array.isArray(b)) return false;
        var ka = keysOf(a), kb = keysOf(b);
        if (ka.length !== kb.length) return false;
        for (var i = 0; i < ka.length; i++) if (!hasOwn.call(b, ka[i]) || !isEqual(a[ka[i]], b[ka[i]])) return false;
        return true;
      }
      function flatten(array, shallow) {
        var out = [];
        (function add(list, depth) {
          for (var i = 0; i < (list || []).length; i++) {
            if (Array.isArray(list[i]) && (!shallow || depth === 0)) add(list[i], depth + 1); else out.push(list[i]);
          }
        })(array, 0);
        return out;
      }
      function uniq(array, f, context) {
        var seen = [], out = []; f = f ? iteratee(f, context) : null;
        for (var i = 0; i < (array || []).length; i++) {
          var key = f ? f(array[i], i, array) : array[i];
          if (seen.indexOf(key) < 0) { seen.push(key); out.push(array[i]); }
        }
        return out;
      }
      function extremum(collection, f, context, better) {
        var best, bestKey; f = iteratee(f, context);
        each(collection, function (v, k, c) { var key = f(v, k, c); if (bestKey === undefined || better(key, bestKey)) { best = v; bestKey = key; } });
        return best === undefined ? (better(1, 0) ? -Infinity : Infinity) : best;
      }
      function extend(target) {
        target = target || {};
        for (var i = 1; i < arguments.length; i++) { var source = arguments[i]; for (var k in source) if (hasOwn.call(source, k)) target[k] = source[k]; }
        return target;
      }
      function pickOrOmit(o, keep, names) {
        var list = flatten(names), out = {};
        for (var k in o) if (hasOwn.call(o, k) && (list.indexOf(k) >= 0) === keep) out[k] = o[k];
        return out;
      }

      extend(_, {
        each: each, forEach: each, map: map, collect: map, filter: filter, select: filter, find: find, detect: find,
        findIndex: findIndex, findLastIndex: findLastIndex, findKey: findKey, reduce: reduce, foldl: reduce, inject: reduce,
        some: some, any: some, every: every, all: every, contains: contains, include: contains, includes: contains,
        isEqual: isEqual, flatten: flatten, uniq: uniq, unique: uniq, extend: extend, assign: extend,
        reject: function (c, f, ctx) { f = iteratee(f, ctx); return filter(c, function (v, k, l) { return !f(v, k, l); }); },
        where: function (c, attrs) { return filter(c, matches(attrs)); },
        findWhere: function (c, attrs) { return find(c, matches(attrs)); },
        pluck: function (c, name) { return map(c, property(name)); },
        first: function (a, n) { if (a == null) return undefined; return n === undefined ? a[0] : Array.prototype.slice.call(a, 0, n); },
        last: function (a, n) { if (a == null) return undefined; return n === undefined ? a[a.length - 1] : Array.prototype.slice.call(a, Math.max(0, a.length - n)); },
        rest: function (a, n) { return Array.prototype.slice.call(a || [], n === undefined ? 1 : n); },
        initial: function (a, n) { return Array.prototype.slice.call(a || [], 0, Math.max(0, (a || []).length - (n === undefined ? 1 : n))); },
        compact: function (a) { return filter(a, function (v) { return !!v; }); },
        without: function (a) { var drop = Array.prototype.slice.call(arguments, 1); return filter(a, function (v) { return drop.indexOf(v) < 0; }); },
        difference: function (a) { var drop = flatten(Array.prototype.slice.call(arguments, 1), true); return filter(a, function (v) { return drop.indexOf(v) < 0; }); },
        union: function () { return uniq(flatten(Array.prototype.slice.call(arguments), true)); },
        intersection: function (a) {
          var others = Array.prototype.slice.call(arguments, 1);
          return uniq(filter(a, function (v) { return every(others, function (o) { return contains(o, v); }); }));
        },
        indexOf: function (a, v) { return (a || []).indexOf(v); },
        range: function (start, stop, step) {
          if (stop === undefined) { stop = start || 0; start = 0; }
          step = step || 1; var out = [];
          for (var i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
          return out;
        },
        keys: keysOf, values: valuesOf, size: function (c) { return c == null ? 0 : (isArrayLike(c) ? c.length : keysOf(c).length); },
        has: function (o, k) { return o != null && hasOwn.call(o, k); },
        pick: function (o) { return pickOrOmit(o, true, Array.prototype.slice.call(arguments, 1)); },
        omit: function (o) { return pickOrOmit(o, false, Array.prototype.slice.call(arguments, 1)); },
        pairs: function (o) { return keysOf(o).map(function (k) { return [k, o[k]]; }); },
        invert: function (o) { var out = {}; each(keysOf(o), function (k) { out[o[k]] = k; }); return out; },
        clone: function (v) { return v === null || typeof v !== "object" ? v : (Array.isArray(v) ? v.slice() : extend({}, v)); },
        cloneDeep: function (v) { return v === undefined ? undefined : JSON.parse(JSON.stringify(v)); },
        groupBy: function (c, f, ctx) { var out = {}; f = iteratee(f, ctx); each(c, function (v, k, l) { var key = f(v, k, l); (out[key] = out[key] || []).push(v); }); return out; },
        countBy: function (c, f, ctx) { var out = {}; f = iteratee(f, ctx); each(c, function (v, k, l) { var key = f(v, k, l); out[key] = (out[key] || 0) + 1; }); return out; },
        indexBy: function (c, f, ctx) { var out = {}; f = iteratee(f, ctx); each(c, function (v, k, l) { out[f(v, k, l)] = v; }); return out; },
        sortBy: function (c, f, ctx) {
          f = iteratee(f, ctx);
          return map(c, function (v, k, l) { return { v: v, key: f(v, k, l), i: k }; })
            .sort(function (a, b) { return a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i; })
            .map(function (e) { return e.v; });
        },
        max: function (c, f, ctx) { return extremum(c, f, ctx, function (a, b) { return a > b; }); },
        min: function (c, f, ctx) { return extremum(c, f, ctx, function (a, b) { return a < b; }); },
        sample: function (c, n) {
          var list = valuesOf(c);
          if (n === undefined) return list[Math.floor(Math.random() * list.length)];
          return _.shuffle(list).slice(0, Math.max(0, n));
        },
        shuffle: function (c) {
          var list = valuesOf(c);
          for (var i = list.length - 1; i > 0; i--) { var j = Math.floor(Math.random() * (i + 1)); var t = list[i]; list[i] = list[j]; list[j] = t; }
          return list;
        },
        random: function (min, max) { if (max === undefined) { max = min; min = 0; } return min + Math.floor(Math.random() * (max - min + 1)); },
        wrap: function (f, wrapper) { return function () { return wrapper.apply(this, [f].concat(Array.prototype.slice.call(arguments))); }; },
        identity: function (v) { return v; },
        constant: function (v) { return function () { return v; }; },
        noop: function () {},
        times: function (n, f, ctx) { var out = []; f = iteratee(f, ctx); for (var i = 0; i < n; i++) out.push(f(i)); return out; },
        isUndefined: function (v) { return v === undefined; },
        isNull: function (v) { return v === null; },
        isArray: Array.isArray,
        isObject: function (v) { return v !== null && (typeof v === "object" || typeof v === "function"); },
        isFunction: function (v) { return typeof v === "function"; },
        isString: function (v) { return typeof v === "string" || toString.call(v) === "[object String]"; },
        isNumber: function (v) { return typeof v === "number" || toString.call(v) === "[object Number]"; },
        isBoolean: function (v) { return v === true || v === false; },
        isDate: function (v) { return toString.call(v) === "[object Date]"; },
        isNaN: function (v) { return typeof v === "number" && v !== v; },
        isFinite: function (v) { return typeof v === "number" && isFinite(v); },
        isEmpty: function (v) {
          if (v === null || v === undefined) return true;
          if (isArrayLike(v)) return v.length === 0;
          return typeof v === "object" ? keysOf(v).length === 0 : true;
        },
        capitalize: function (s) { s = String(s === undefined || s === null ? "" : s); return s.charAt(0).toUpperCase() + s.slice(1); },
        trim: function (s) { return String(s === undefined || s === null ? "" : s).trim(); },
        escape: function (s) {
          return String(s === undefined || s === null ? "" : s).replace(/[&<>"']/g, function (c) {
            return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
          });
        },
        now: function () { return Date.now(); }
      });

      // _.chain(value) / _(value): every function above as a method returning a wrapper; .value() unwraps.
      // `_(value)` chains implicitly: a method that gives a single value (first, find, max) unwraps it.
      function Wrapper(value, implicit) { this.__value = value; this.__implicit = !!implicit; }
      function chain(value) { return value instanceof Wrapper ? new Wrapper(value.__value) : new Wrapper(value); }
      Object.keys(_).forEach(function (name) {
        Wrapper.prototype[name] = function () {
          var result = _[name].apply(_, [this.__value].concat(Array.prototype.slice.call(arguments)));
          if (this.__implicit && !Array.isArray(result)) return result;
          return new Wrapper(result, this.__implicit);
        };
      });
      Wrapper.prototype.value = function () { return this.__value; };
      Wrapper.prototype.valueOf = Wrapper.prototype.value;
      Wrapper.prototype.chain = function () { return new Wrapper(this.__value); };
      _.chain = chain;
      global._ = _;
    })(this);
    """#
}
