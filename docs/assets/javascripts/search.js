/*
 * 运营知识库的站内搜索：a search box in the header that works with any theme built from
 * mkdocs.yml (Material for MkDocs, Zensical), over the index that opskb builds after the
 * pages (scripts/opskb/searchindex.py). Nothing loads until a reader starts a search, and
 * then only what the query needs: the page list, the shards holding the query's tokens,
 * and the sections of the pages shown. No request leaves the site.
 *
 * Queries, as readers type them:
 * - Traditional characters become Simplified (OpenCC's t2s table, t2s-table.js);
 * - Han and Latin text are split (头部KOL -> 头部 KOL); a lone Han character next to
 *   other words is dropped;
 * - each word is looked for as typed and as its synonyms in the topics file
 *   (铁粉 -> 铁杆用户, 私域 -> 私域流量);
 * - a Han word matches a page holding all of its character pairs, so a word inside a
 *   longer term is found (漏斗 in 转化漏斗).
 * Ranking: pages holding all the query's words first; then concept pages, the other
 * knowledge pages, then source articles; within those, the title, the word standing on
 * its own (漏斗, not only 转化漏斗), and how often it occurs.
 * Text that arrives without a key press (pasted, committed by a phone keyboard) is
 * searched too: the box listens to "input", not only to keys.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var ROOT = script ? script.src.replace(/assets\/javascripts\/search\.js(\?.*)?$/, "") : "/";
  var INDEX = ROOT + "search/";
  var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
  // concept pages, then the other knowledge pages, then a comparison axis in full, then sources
  var KIND_WEIGHT = { concept: 3, knowledge: 2, detail: 1.5, source: 1 };
  var SHOWN = 12;

  // ------------------------------------------------------------ loading by need
  var cache = {};
  function getJSON(path) {
    if (!cache[path]) {
      cache[path] = fetch(INDEX + path).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
    }
    return cache[path];
  }
  var t2sPromise = null;
  function t2sTable() {
    if (!t2sPromise) {
      t2sPromise = new Promise(function (resolve) {
        if (window.__opskb_t2s) return resolve();
        var s = document.createElement("script");
        s.src = ROOT + "assets/javascripts/t2s-table.js";
        s.onload = s.onerror = function () { resolve(); };
        document.head.appendChild(s);
      }).then(function () {
        var map = new Map(), data = window.__opskb_t2s || { from: "", to: "" };
        var from = Array.from(data.from), to = Array.from(data.to);
        for (var i = 0; i < from.length; i++) map.set(from[i], to[i]);
        return map;
      });
    }
    return t2sPromise;
  }
  var termsPromise = null;
  function terms() {
    if (!termsPromise) {
      termsPromise = fetch(ROOT + "assets/search/terms.json")
        .then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { return {}; })
        .then(function (d) {
          return { words: new Set(d.words || []), synonyms: d.synonyms || {} };
        });
    }
    return termsPromise;
  }

  // ------------------------------------------------------------ text, as the index has it
  function fold(text) {
    return text.replace(/[\uff01-\uff5e]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    }).replace(/\u3000/g, " ").toLowerCase();
  }
  var tokenRe = new RegExp("[" + HAN + "]+|[a-z0-9]+", "g");
  function tokens(text) {
    var out = [], m;
    text = fold(text);
    tokenRe.lastIndex = 0;
    while ((m = tokenRe.exec(text))) {
      var run = m[0];
      if (/^[a-z0-9]+$/.test(run)) out.push(run);
      else for (var i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    }
    return out;
  }
  function shardOf(token, shards) {
    var bytes = new TextEncoder().encode(token), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % shards;
  }

  var hanLatin = new RegExp("([" + HAN + "])([A-Za-z0-9])", "g");
  var latinHan = new RegExp("([A-Za-z0-9])([" + HAN + "])", "g");
  var loneHan = new RegExp("^[" + HAN + "]$");
  /* The query's words, each with the forms to look for (as typed, and its synonyms). */
  function normalize(query, t2s, lexicon) {
    var text = Array.from(query, function (c) { return t2s.get(c) || c; }).join("");
    var parts = fold(text).replace(hanLatin, "$1 $2").replace(latinHan, "$1 $2").split(/\s+/).filter(Boolean);
    if (parts.length > 1) {
      var kept = parts.filter(function (p) { return !loneHan.test(p); });
      if (kept.length) parts = kept;
    }
    return parts.map(function (word) {
      var forms = [word];
      Object.keys(lexicon.synonyms).forEach(function (variant) {
        var v = fold(variant);
        if (word.indexOf(v) < 0) return;
        lexicon.synonyms[variant].forEach(function (canonical) {
          var c = fold(canonical);
          if (word.indexOf(c) >= 0) return; // 私域流量 already says what 私域 stands for
          var form = word.split(v).join(c);
          if (forms.indexOf(form) < 0) forms.push(form);
        });
      });
      return forms;
    });
  }
  window.opskbNormalizeQuery = function (query) {
    return Promise.all([t2sTable(), terms()]).then(function (r) {
      return normalize(query, r[0], r[1]).map(function (forms) { return forms[0]; }).join(" ");
    });
  };

  // ------------------------------------------------------------ search
  function postingsOf(token, meta) {
    return getJSON("shards/" + shardOf(token, meta.shards) + ".json").then(function (shard) {
      var map = new Map(), flat = shard[token] || [], page = 0;
      for (var i = 0; i + 1 < flat.length; i += 2) {
        page += flat[i]; // pages are stored as gaps from the one before
        map.set(page, flat[i + 1]);
      }
      return map;
    });
  }
  function latinWords() { return getJSON("latin.json"); }

  /* {page: count} for one form of a word: pages holding all its tokens (the least count). */
  function matchForm(form, meta, lexicon) {
    var toks = tokens(form);
    if (!toks.length) return Promise.resolve({ pages: new Map(), whole: new Map(), heading: new Map() });
    var lastLatin = /[a-z0-9]$/.test(form) ? toks[toks.length - 1] : null;
    var expand = lastLatin ? latinWords().then(function (words) {
      return words.filter(function (w) { return w.indexOf(lastLatin) === 0; }).slice(0, 20);
    }) : Promise.resolve([]);
    return expand.then(function (completions) {
      var fixed = lastLatin ? toks.slice(0, -1) : toks;
      var lists = fixed.map(function (t) { return postingsOf(t, meta); });
      var last = lastLatin ? Promise.all((completions.length ? completions : [lastLatin]).map(function (w) {
        return postingsOf(w, meta);
      })).then(function (maps) {
        var merged = new Map();
        maps.forEach(function (m) { m.forEach(function (n, p) { merged.set(p, Math.max(n, merged.get(p) || 0)); }); });
        return merged;
      }) : null;
      if (last) lists.push(last);
      var whole = lexicon.words.has(form) ? postingsOf("w:" + form, meta) : Promise.resolve(new Map());
      var heads = Promise.all(toks.map(function (t) { return postingsOf("h:" + t, meta); }));
      return Promise.all([Promise.all(lists), whole, heads]).then(function (r) {
        var maps = r[0], pages = new Map();
        // a long phrase (a question typed whole) may match most of its pairs, not all
        var need = maps.length >= 4 ? Math.ceil(maps.length * 2 / 3) : maps.length;
        var seen = new Map();
        maps.forEach(function (m) {
          m.forEach(function (n, p) {
            var cur = seen.get(p) || { hits: 0, least: Infinity };
            cur.hits += 1;
            cur.least = Math.min(cur.least, n);
            seen.set(p, cur);
          });
        });
        seen.forEach(function (v, p) {
          if (v.hits >= need) pages.set(p, { count: v.least, share: v.hits / maps.length });
        });
        var inHeading = new Map();
        pages.forEach(function (_v, p) {
          if (r[2].every(function (m) { return m.has(p); })) inHeading.set(p, true);
        });
        return { pages: pages, whole: r[1], heading: inHeading };
      });
    });
  }

  function search(query) {
    return Promise.all([t2sTable(), terms(), getJSON("docs.json")]).then(function (r) {
      var words = normalize(query, r[0], r[1]), meta = r[2];
      if (!words.length) return { words: [], results: [] };
      return Promise.all(words.map(function (forms) {
        return Promise.all(forms.map(function (f) { return matchForm(f, meta, r[1]); }));
      })).then(function (perWord) {
        var scores = new Map();
        perWord.forEach(function (forms, w) {
          var best = new Map();
          forms.forEach(function (found, f) {
            var formText = words[w][f];
            found.pages.forEach(function (hit, p) {
              var doc = meta.docs[p];
              if (!doc) return;
              var s = 1 + Math.log(1 + hit.count);
              if (fold(doc[1]).indexOf(formText) >= 0) s += 6;
              else if (found.heading.has(p)) s += 5;
              if (found.whole.has(p)) s += 3;
              s *= hit.share * hit.share;
              if (f > 0) s *= 0.9; // a synonym counts a little less than the word typed
              if (!best.has(p) || best.get(p) < s) best.set(p, s);
            });
          });
          best.forEach(function (s, p) {
            var cur = scores.get(p) || { matched: 0, score: 0 };
            cur.matched += 1;
            cur.score += s;
            scores.set(p, cur);
          });
        });
        var results = [];
        scores.forEach(function (v, p) {
          var doc = meta.docs[p];
          if (!doc) return; // a page the index could not read
          results.push({ page: p, url: doc[0], title: doc[1], kind: doc[2], matched: v.matched,
                         score: v.score * (KIND_WEIGHT[doc[2]] || 1) });
        });
        results.sort(function (a, b) {
          return b.matched - a.matched || b.score - a.score || a.url.localeCompare(b.url);
        });
        return { words: words, results: results };
      });
    });
  }

  // ------------------------------------------------------------ snippets
  /* Escaped text with each of ``words`` in <mark>, longest first, never one inside another. */
  function mark(text, words) {
    var list = words.filter(Boolean).sort(function (a, b) { return b.length - a.length; });
    if (!list.length) return escapeHTML(text);
    var re = new RegExp(list.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|"), "gi");
    var out = "", last = 0, m;
    while ((m = re.exec(text))) {
      out += escapeHTML(text.slice(last, m.index)) + "<mark>" + escapeHTML(m[0]) + "</mark>";
      last = m.index + m[0].length;
      if (!m[0].length) re.lastIndex++;
    }
    return out + escapeHTML(text.slice(last));
  }
  function escapeHTML(s) {
    return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }
  function snippet(result, words) {
    return getJSON("pages/" + result.page + ".json").then(function (data) {
      var forms = [];
      words.forEach(function (fs) { fs.forEach(function (f) { forms.push(f); }); });
      forms.sort(function (a, b) { return b.length - a.length; });
      var best = null;
      data.s.forEach(function (sec) {
        var text = fold(sec[2]), heading = fold(sec[1]);
        for (var i = 0; i < forms.length && !best; i++) {
          var at = text.indexOf(forms[i]);
          if (at >= 0) best = { sec: sec, at: at };
          else if (heading.indexOf(forms[i]) >= 0 && sec[1] !== result.title) best = { sec: sec, at: 0 };
        }
      });
      var sec = best ? best.sec : data.s[0] || ["", "", ""];
      var text = sec[2], at = best ? best.at : 0;
      var start = Math.max(0, at - 30), piece = text.slice(start, start + 110);
      // the words as typed where they occur whole, else their character pairs (分层 of 用户分层)
      var marks = best ? forms : forms.concat([].concat.apply([], forms.map(tokens)));
      return {
        href: ROOT + result.url + (sec[0] ? "#" + sec[0] : ""),
        section: sec[1] !== result.title ? sec[1] : "",
        title: mark(result.title, forms.concat([].concat.apply([], forms.map(tokens)))),
        html: (start > 0 ? "…" : "") + mark(piece, marks) + (start + 110 < text.length ? "…" : ""),
      };
    });
  }

  // ------------------------------------------------------------ the box
  var KIND_LABEL = { concept: "概念", knowledge: "知识页", detail: "对比详情", source: "来源文章" };
  function mount() {
    var host = document.querySelector(".md-header__inner") || document.body;
    var form = document.createElement("form");
    form.className = "kb-search";
    form.setAttribute("role", "search");
    form.innerHTML =
      '<input type="search" class="kb-search__input" data-kb-search placeholder="搜索" aria-label="搜索本站"' +
      ' autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="search">' +
      '<div class="kb-search__panel" hidden><p class="kb-search__meta" aria-live="polite"></p>' +
      '<ol class="kb-search__results"></ol></div>';
    var before = host.querySelector(".md-header__source") || null;
    host.insertBefore(form, before);
    var input = form.querySelector("input"), panel = form.querySelector(".kb-search__panel");
    var meta = form.querySelector(".kb-search__meta"), list = form.querySelector(".kb-search__results");
    var timer = null, seq = 0, shown = SHOWN, last = "";

    function run() {
      var query = input.value.trim();
      if (query === last) return;
      last = query;
      var mine = ++seq;
      if (!query) { panel.hidden = true; list.innerHTML = ""; return; }
      panel.hidden = false;
      meta.textContent = "正在搜索…";
      search(query).then(function (found) {
        if (mine !== seq) return;
        var results = found.results;
        if (!results.length) {
          list.innerHTML = "";
          meta.textContent = found.words.length ? "没有找到与“" + query + "”相关的结果" : "请输入要搜索的词";
          return;
        }
        meta.textContent = "找到 " + results.length + " 个结果";
        var top = results.slice(0, shown);
        return Promise.all(top.map(function (r) { return snippet(r, found.words); })).then(function (snips) {
          if (mine !== seq) return;
          list.innerHTML = "";
          top.forEach(function (r, i) {
            var li = document.createElement("li");
            li.className = "kb-search__result";
            li.setAttribute("data-search-result", "");
            li.setAttribute("data-kind", r.kind);
            var s = snips[i];
            li.innerHTML = '<a href="' + escapeHTML(s.href) + '"><span class="kb-search__title">' + s.title +
              "</span>" + '<span class="kb-search__kind">' + KIND_LABEL[r.kind] + (s.section ? " · " + escapeHTML(s.section) : "") +
              "</span>" + '<span class="kb-search__snippet">' + s.html + "</span></a>";
            list.appendChild(li);
          });
          if (results.length > shown) {
            var more = document.createElement("li");
            more.className = "kb-search__more";
            more.innerHTML = '<button type="button">显示更多结果（还有 ' + (results.length - shown) + " 个）</button>";
            more.querySelector("button").addEventListener("click", function () { shown += SHOWN; last = ""; run(); });
            list.appendChild(more);
          }
        });
      }).catch(function () {
        if (mine === seq) meta.textContent = "搜索暂时不可用（索引没有加载成功）";
      });
    }
    function schedule(ev) {
      if (ev && ev.isComposing) return; // wait for the input method to commit
      clearTimeout(timer);
      shown = SHOWN;
      timer = setTimeout(run, 120);
    }
    ["input", "compositionend", "change", "keyup", "paste"].forEach(function (name) {
      input.addEventListener(name, function (ev) {
        if (name === "keyup" && /^(Arrow|Enter|Escape|Tab)/.test(ev.key)) return;
        if (name === "paste") return setTimeout(schedule, 0);
        schedule(ev);
      });
    });
    input.addEventListener("focus", function () {
      t2sTable(); terms(); getJSON("docs.json").catch(function () {}); // start loading
      if (input.value.trim()) panel.hidden = false;
    });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var first = list.querySelector("[data-search-result] a");
      if (first) window.location.href = first.href;
    });
    // keyboard: arrows move through the results, Escape closes, "/" or "s" opens
    form.addEventListener("keydown", function (ev) {
      var links = Array.prototype.slice.call(list.querySelectorAll("[data-search-result] a"));
      var at = links.indexOf(document.activeElement);
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        if (!links.length) return;
        ev.preventDefault();
        var next = ev.key === "ArrowDown" ? at + 1 : at - 1;
        if (next < 0) { input.focus(); return; }
        links[Math.min(next, links.length - 1)].focus();
      } else if (ev.key === "Escape") {
        panel.hidden = true;
        input.focus();
      }
    });
    document.addEventListener("keydown", function (ev) {
      var t = ev.target;
      if (ev.ctrlKey || ev.metaKey || ev.altKey || (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) return;
      if (ev.key === "/" || ev.key === "s" || ev.key === "S") {
        ev.preventDefault();
        input.focus();
        input.select();
      }
    });
    document.addEventListener("click", function (ev) {
      if (!form.contains(ev.target)) panel.hidden = true;
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
