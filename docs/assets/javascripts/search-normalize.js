/*
 * Chinese queries for Material for MkDocs' search. Material 9 has no hook for
 * query transforms, so this script changes each query on its way to the search
 * worker (Worker.prototype.postMessage), leaving the search box as typed:
 *
 * - Traditional characters become Simplified (table generated from OpenCC's t2s
 *   data, t2s-table.js): 社群運營 finds what 社群运营 finds.
 * - A space goes between Han and Latin text (头部KOL -> 头部 KOL): the index holds
 *   them as separate words and Material splits queries on spaces only.
 * - A lone Han character next to other terms (the 用 of 用RFM分层) is dropped:
 *   Material would search it as a prefix, 用*, which matches nearly every page.
 * - Each run of Han characters gets one placeholder character after it. Material
 *   segments a Han run greedily against the index, but its loop never tries a
 *   word that ends at the run's last character, so 用户运营 was searched as 用户*.
 *   With the placeholder the whole word is found; the placeholder itself is
 *   never part of a segment.
 *
 * Material also reads the box on keyup only; pasted text, or a phone keyboard's
 * commit, fires only "input", so a keyup is sent after it.
 */
(function () {
  "use strict";
  var SEARCH_QUERY = 2; // Material's SearchMessageType.QUERY
  var PLACEHOLDER = "\u3007";
  var table = null;

  function t2s(text) {
    if (table === null) {
      table = new Map();
      var data = window.__opskb_t2s || { from: "", to: "" };
      var from = Array.from(data.from), to = Array.from(data.to);
      for (var i = 0; i < from.length; i++) table.set(from[i], to[i]);
    }
    return Array.from(text, function (c) { return table.get(c) || c; }).join("");
  }

  var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff";
  var hanLatin = new RegExp("([" + HAN + "])([A-Za-z0-9])", "g");
  var latinHan = new RegExp("([A-Za-z0-9])([" + HAN + "])", "g");
  var hanRun = new RegExp("[" + HAN + "]{2,}", "g");
  var loneHan = new RegExp("^[" + HAN + "]$");

  function normalize(query) {
    var parts = t2s(query)
      .replace(hanLatin, "$1 $2")
      .replace(latinHan, "$1 $2")
      .split(/\s+/)
      .filter(Boolean);
    if (parts.length > 1) {
      var kept = parts.filter(function (p) { return !loneHan.test(p); });
      if (kept.length) parts = kept;
    }
    return parts.join(" ").replace(hanRun, function (run) { return run + PLACEHOLDER; });
  }
  window.opskbNormalizeQuery = normalize;

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === SEARCH_QUERY && typeof message.data === "string") {
      var args = Array.prototype.slice.call(arguments);
      args[0] = Object.assign({}, message, { data: normalize(message.data) });
      return post.apply(this, args);
    }
    return post.apply(this, arguments);
  };

  function isSearchBox(el) {
    return el instanceof HTMLInputElement && el.matches("[data-md-component=search-query]");
  }
  function committed(ev) {
    if (isSearchBox(ev.target) && !ev.isComposing) {
      ev.target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }
  }
  document.addEventListener("input", committed, true);
  document.addEventListener("compositionend", committed, true);
})();
