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
 * - a question asked of the reader (面试官问……，该怎么回答) is read without its frame;
 * - in a question told after the asker's own story (我是客服主管，领导让我接手……，这算社群运营
 *   还是用户运营？), the words of the first-person clauses that do not ask are left out (and looked
 *   for after all when no page holds the others);
 * - each word is looked for as typed and as its synonyms in the topics file
 *   (铁粉 -> 铁杆用户, 私域 -> 私域流量);
 * - an aspect asked about without being named (要会啥: abilities; 管多少用户: scale; the topics
 *   file's asks) adds its word, looked for but not required;
 * - a Han word matches a page holding all of its character pairs, so a word inside a
 *   longer term is found (漏斗 in 转化漏斗);
 * - a word no page holds, one character off a longer term of the site (浅水用户 for 潜水用户),
 *   is read as that term when it is the only one;
 * - a Latin word is a whole word (AI is not in AIDMA), except the one still being typed at
 *   the very end of the query, which may be the start of a longer one (saa -> SaaS).
 * Ranking: pages holding all the query's words first, then those holding half or more of
 * them (words common in all writing, 强调, 公司, need not be held); then concept pages, the other
 * knowledge pages, then source articles; within those, the title, the lead (summary or
 * first paragraph), the word standing on its own (漏斗, not only 转化漏斗), and how often
 * it occurs;
 * a page whose whole title the query types, its other words in the page's headings (社群运营 定义),
 * counts double; of the results shown, pages whose sentences hold the words together rank higher.
 * Text that arrives without a key press (pasted, committed by a phone keyboard) is
 * searched too: the box listens to "input", not only to keys.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var ROOT = script ? script.src.replace(/assets\/javascripts\/search\.js(\?.*)?$/, "") : "/";
  var INDEX = ROOT + "search/";
  // the query as words (search-words.js, loaded first)
  var queryWords = window.opskbQueryWords;
  var fold = queryWords.fold, tokens = queryWords.tokens, shardOf = queryWords.shardOf, analyse = queryWords.analyse;
  var nonWord = queryWords.nonWord, hanRun = queryWords.hanRun;
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
          var asks = [];
          (d.asks || []).forEach(function (a) {
            try { asks.push({ pattern: new RegExp(a[0]), words: a[1] }); } catch (e) { /* a pattern this browser cannot read */ }
          });
          return { words: new Set(d.words || []), synonyms: d.synonyms || {}, asks: asks };
        });
    }
    return termsPromise;
  }


  function analyseQuery(query, meta, whole) {
    return Promise.all([t2sTable(), terms()]).then(function (r) {
      var text = Array.from(query, function (c) { return r[0].get(c) || c; }).join("");
      return queryWords.vocabFor(fold(text), meta, getJSON).then(function (vocab) {
        return analyse(query, r[0], r[1], vocab, whole);
      });
    });
  }
  window.opskbNormalizeQuery = function (query) {
    return getJSON("docs.json").then(function (meta) { return analyseQuery(query, meta); }).then(function (a) {
      return a.words.map(function (forms) { return forms[0]; }).join(" ");
    });
  };

  // ------------------------------------------------------------ search
  var decoded = {};
  function postingsOf(token, meta) {
    if (!decoded[token]) {
      decoded[token] = getJSON("shards/" + shardOf(token, meta.shards) + ".json").then(function (shard) {
        var map = new Map(), flat = shard[token] || [], page = 0;
        for (var i = 0; i + 1 < flat.length; i += 2) {
          page += flat[i]; // pages are stored as gaps from the one before
          map.set(page, flat[i + 1]);
        }
        return map;
      });
    }
    return decoded[token];
  }
  function latinWords() { return getJSON("latin.json"); }

  /* {page: count} for one form of a word: pages holding all its tokens (the least count);
     a long unknown run (a question typed whole) may match most of them, a phrase all. */
  function matchForm(form, meta, lexicon, strict, open) {
    var toks = tokens(form);
    if (!toks.length) return Promise.resolve({ pages: new Map(), whole: new Map(), heading: new Map(), lead: new Map() });
    var lastLatin = open && !strict && /[a-z0-9]$/.test(form) ? toks[toks.length - 1] : null;
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
      var leads = Promise.all(toks.map(function (t) { return postingsOf("l:" + t, meta); }));
      return Promise.all([Promise.all(lists), whole, heads, leads]).then(function (r) {
        var maps = r[0], pages = new Map();
        var need = !strict && maps.length >= 4 ? Math.ceil(maps.length * 2 / 3) : maps.length;
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
        var inHeading = new Map(), inLead = new Map();
        pages.forEach(function (_v, p) {
          if (r[2].every(function (m) { return m.has(p); })) inHeading.set(p, true);
          if (r[3].every(function (m) { return m.has(p); })) inLead.set(p, true);
        });
        return { pages: pages, whole: r[1], heading: inHeading, lead: inLead };
      });
    });
  }

  /* Whether ``text`` holds ``form`` as a word: Latin letters and digits at its ends may not
     run on into the text's (ai is not in aidma), except after the word still being typed. */
  var latinChar = /[a-z0-9]/;
  function holds(text, form, open) {
    for (var at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      var before = text.charAt(at - 1), after = text.charAt(at + form.length);
      if (latinChar.test(form.charAt(0)) && before && latinChar.test(before)) continue;
      if (!open && latinChar.test(form.charAt(form.length - 1)) && after && latinChar.test(after)) continue;
      return true;
    }
    return false;
  }

  /* {page: {score, title}} of a word (or phrase) given as its forms: the best form on each
     page, scored as BM25 scores a term (how rare the word is, how often the page says it
     for its length), more where it stands in the page's title or a heading, in its lead
     (the summary or first paragraph, where writers say what the page is about), or on its
     own (漏斗, not only 转化漏斗). */
  var K1 = 1.2, B = 0.75, TITLE = 4, HEADING = 1, LEAD = 1, WHOLE = 0.3, PHRASE = 1;
  function scoreWord(forms, meta, lexicon, strict, open) {
    if (!meta.avgLength) {
      var total = 0, n = 0;
      meta.docs.forEach(function (d) { if (d) { total += d[3] || 0; n += 1; } });
      meta.avgLength = Math.max(1, total / Math.max(1, n));
    }
    return Promise.all(forms.map(function (f) { return matchForm(f, meta, lexicon, strict, open); })).then(function (found) {
      var best = new Map(), pages = new Set();
      found.forEach(function (hits) { hits.pages.forEach(function (_h, p) { pages.add(p); }); });
      var n = meta.docs.length, df = Math.max(1, pages.size);
      var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      found.forEach(function (hits, f) {
        hits.pages.forEach(function (hit, p) {
          var doc = meta.docs[p];
          if (!doc) return;
          var tf = hit.count, len = (doc[3] || meta.avgLength) / meta.avgLength;
          var s = tf * (K1 + 1) / (tf + K1 * (1 - B + B * len)), top = false;
          if (holds(fold(doc[1]), forms[f], open)) { s += TITLE; top = true; }
          else if (hits.heading.has(p)) { s += HEADING; top = true; }
          if (hits.lead.has(p)) s += LEAD;
          if (hits.whole.has(p)) s += WHOLE;
          s *= idf * hit.share * hit.share;
          if (f > 0) s *= 0.9; // a synonym counts a little less than the word typed
          var cur = best.get(p);
          if (!cur || cur.score < s) best.set(p, { score: s, top: top || (cur && cur.top) });
          else if (top) cur.top = true;
        });
      });
      best.idf = idf;
      return best;
    });
  }

  /* Whether the query's words (as typed or as synonyms) cover every letter and character of a
     page's title: 社群运营 定义 names the page 社群运营, not 社区运营, though 社群 and 运营 are on nearly
     every page of this site and so weigh little as words. */
  var NAMED = 2, ABOUT_ALL = 0.999;
  // ... or a page whose whole title is typed, when its definition is asked for (……的定义，名词解释要怎么写)
  var DEFINITION = /定义|名词解释|含义|释义/;
  function titleTyped(title, q) {
    var text = fold(title).split(nonWord).join("");
    if (!text) return false;
    var covered = new Array(text.length).fill(false);
    q.words.concat(q.phrases).forEach(function (forms) {
      forms.forEach(function (f) {
        for (var at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + 1)) {
          for (var i = at; i < at + f.length; i++) covered[i] = true;
        }
      });
    });
    return covered.every(Boolean);
  }

  /* Ranking: pages holding all the words first, then those holding most of them; among
     equals, the score: the words' and the phrases' (a page holding the phrase whole gets
     both), times the page's kind as far as the page is about the query (the share of the
     query's information, rare words weighing more, in its title or a heading): a knowledge
     page that only mentions them ranks as any page does. */
  function search(query, corrected, whole) {
    return getJSON("docs.json").then(function (meta) {
      return Promise.all([analyseQuery(query, meta, whole), terms()]).then(function (r) {
        var q = r[0], lexicon = r[1];
        if (!q.words.length) return { words: [], phrases: [], absent: [], results: [] };
        var jobs = q.words.map(function (forms) { return scoreWord(forms, meta, lexicon, false, forms[0] === q.open); })
          .concat(q.phrases.map(function (forms) { return scoreWord(forms, meta, lexicon, true); }));
        return Promise.all(jobs).then(function (scored) {
          var perWord = scored.slice(0, q.words.length), perPhrase = scored.slice(q.words.length);
          var pages = new Map();
          var entry = function (p) {
            var cur = pages.get(p);
            if (!cur) pages.set(p, cur = { matched: 0, found: false, phrases: 0, score: 0, tops: 0 });
            return cur;
          };
          perWord.forEach(function (best, w) {
            best.forEach(function (v, p) {
              var e = entry(p);
              e.found = true;
              e.matched += q.minor[w] ? 0 : 1;
              e.score += v.score;
              e.tops += v.top ? best.idf : 0;
            });
          });
          perPhrase.forEach(function (best) {
            best.forEach(function (v, p) { var e = entry(p); e.phrases += 1; e.score += PHRASE * v.score; e.tops += v.top ? best.idf : 0; });
          });
          // how much the page is about the query: the share of the query's information (its words'
          // and phrases' idf) in the page's title or headings; 用户 and 运营, on nearly every page
          // of this site, say little, so a title holding only them does not make a page about a question
          var information = scored.reduce(function (sum, best) { return sum + best.idf; }, 0) || 1;
          pages.forEach(function (e) { e.about = Math.min(1, e.tops / information); });
          var results = [];
          pages.forEach(function (v, p) {
            var doc = meta.docs[p];
            if (!doc || !v.found) return; // a page the index could not read, or holding a phrase's pairs only
            // the words the reader typed that the page lacks (not an aspect's word the query implied)
            var missing = q.words.filter(function (_f, w) { return !q.asked[w] && !perWord[w].has(p); }).map(function (f) { return f[0]; });
            // a page wholly about the query: its whole title typed, the other words in its headings (or
            // the reader asking for its definition, whatever else they say)
            var named = (v.about >= ABOUT_ALL || DEFINITION.test(q.text)) && titleTyped(doc[1], q) ? NAMED : 1;
            results.push({ page: p, url: doc[0], title: doc[1], kind: doc[2], matched: v.matched, phrases: v.phrases,
                           missing: missing, score: named * v.score * (1 + ((KIND_WEIGHT[doc[2]] || 1) - 1) * v.about) });
          });
          // pages holding all the words first, then those holding most of them (half or more), then
          // the rest; within each, the score: in a long question an incidental word (群里, 客户) held
          // by a page that barely touches the subject does not outrank the page about it
          var major = q.minor.filter(function (m) { return !m; }).length;
          var tier = function (r) { return r.matched >= major ? 2 : 2 * r.matched >= major ? 1 : 0; };
          var order = function (a, b) { return tier(b) - tier(a) || b.score - a.score || a.url.localeCompare(b.url); };
          results.sort(order);
          var absent = q.words.filter(function (_f, w) { return !q.asked[w] && !perWord[w].size; }).map(function (f) { return f[0]; });
          var fix = absent.length && !corrected ? mistyped(q, absent, lexicon) : null;
          if (fix) return search(q.text.split(fix.typed).join(fix.term), fix, whole);
          // no page holds the words asked about once the asker's story is set aside (粉丝群里老是我一个人唱独角戏，
          // 咋让大家自己动起来: 让大家 动起来): the story's words are looked for too, rather than no results
          if (!results.length && !whole) return search(query, corrected, true);
          return together(results, q, order).then(function (ordered) {
            return { words: q.words.concat(q.phrases), phrases: q.phrases, absent: absent, results: ordered,
                     corrected: corrected || null };
          });
        });
      });
    });
  }
  /* A word no page holds, typed with one character wrong inside a longer term of the site (浅水用户
     for 潜水用户, 用户分曾 for 用户分层: a phone's input method offers a word that sounds alike): the
     query is read with that term, when it is the only such term. {typed, term} or null. */
  function mistyped(q, absent, lexicon) {
    var found = {};
    q.phrases.concat(q.words).forEach(function (forms) {
      var run = forms[0];
      absent.forEach(function (word) {
        var at = run.indexOf(word);
        if (at < 0) return;
        lexicon.words.forEach(function (term) {
          if (term.length < 3 || term.length > run.length || !hanRun.test(term)) return;
          for (var s = Math.max(0, at + word.length - term.length); s <= Math.min(at, run.length - term.length); s++) {
            var wrong = [];
            for (var i = 0; i < term.length; i++) if (run.charAt(s + i) !== term.charAt(i)) wrong.push(s + i);
            if (wrong.length !== 1 || wrong[0] < at || wrong[0] >= at + word.length) continue;
            // (用户分曾 is one character off 用户分层 and off 用户分群 too, which the synonyms read as 用户分层)
            var same = (lexicon.synonyms[term] || []).filter(function (t) { return t.length === term.length; })[0] || term;
            found[run.slice(s, s + term.length) + "\0" + same] = { typed: run.slice(s, s + term.length), term: same };
          }
        });
      });
    });
    var fixes = Object.keys(found);
    return fixes.length === 1 ? found[fixes[0]] : null;
  }

  /* The words said together: of the results about to be shown (their sections are fetched for the
     snippets anyway), a page with sentences that hold every word the query requires (or, for some,
     the page's title or the section's heading above them) ranks higher,
     up to TOGETHER_MOST such sentences: 社群拉新 finds the article whose sentences tie 拉新 to 社群
     above shorter pages that name 拉新 only beside other things. Only queries of two terms or more as
     typed: the parts of one term (社群 and 运营 of 社群运营) say nothing by standing together. */
  var TOGETHER = 1, TOGETHER_MOST = 3;
  var STOPS = "\u3002\uff01\uff1f!?"; // a sentence's full stop, question or exclamation mark
  var sentenceEnd = new RegExp("[" + STOPS + "\uff1b;\n]+"); // ... or a semicolon, a line's end
  var sentenceStart = new RegExp("[" + STOPS + "][^" + STOPS + "]*$"); // the last sentence's end before a word
  function together(results, q, order) {
    var need = q.words.filter(function (_f, w) { return !q.minor[w]; });
    var typed = new Set(q.terms.filter(function (_t, w) { return !q.minor[w]; }));
    if (typed.size < 2 || !results.length) return Promise.resolve(results);
    var head = results.slice(0, SHOWN);
    return Promise.all(head.map(function (r) {
      return getJSON("pages/" + r.page + ".json").catch(function () { return { s: [] }; });
    })).then(function (pages) {
      head.forEach(function (r, i) {
        var said = 0;
        pages[i].s.forEach(function (sec) {
          var context = fold(r.title + " " + sec[1]); // what the page and the section are about
          var above = need.map(function (forms) { return forms.some(function (f) { return holds(context, f, false); }); });
          fold(sec[2]).split(sentenceEnd).forEach(function (sentence) {
            if (need.every(function (forms, w) {
              return above[w] || forms.some(function (f) { return holds(sentence, f, false); });
            })) said += 1;
          });
        });
        r.score *= 1 + TOGETHER * Math.min(said, TOGETHER_MOST) / TOGETHER_MOST;
      });
      head.sort(order);
      return head.concat(results.slice(SHOWN));
    });
  }

  /* The addresses of the results in the order the box shows them (make search-eval). */
  window.opskbSearch = function (query) {
    return search(query).then(function (found) { return found.results.map(function (r) { return r.url; }); });
  };

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
      // (from the start of the sentence holding the word, when it begins in the 30 characters before it)
      var start = Math.max(0, at - 30), before = text.slice(start, at).search(sentenceStart);
      if (before >= 0) start += before + 1;
      while (start < at && /\s/.test(text.charAt(start))) start += 1;
      var piece = text.slice(start, start + 110);
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
    // on a phone the box folds into a magnifier button, as the theme's own search does, so the
    // site's name keeps the header row; a tap opens the box over the header
    form.innerHTML =
      '<button type="button" class="kb-search__toggle md-header__button md-icon" aria-label="搜索" title="搜索">' +
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5' +
      'c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 ' +
      '6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg></button>' +
      '<input type="search" class="kb-search__input" data-kb-search placeholder="搜索" aria-label="搜索本站"' +
      ' autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="search">' +
      '<div class="kb-search__panel" hidden><p class="kb-search__meta" aria-live="polite"></p>' +
      '<ol class="kb-search__results"></ol></div>';
    var before = host.querySelector(".md-header__source") || null;
    host.insertBefore(form, before);
    var input = form.querySelector("input"), panel = form.querySelector(".kb-search__panel");
    var meta = form.querySelector(".kb-search__meta"), list = form.querySelector(".kb-search__results");
    var timer = null, seq = 0, shown = SHOWN, last = "";
    var toggle = form.querySelector(".kb-search__toggle");
    function open() { form.classList.add("kb-search--open"); }
    function close() { form.classList.remove("kb-search--open"); panel.hidden = true; }
    toggle.addEventListener("click", function () { open(); input.focus(); });

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
        var note = "找到 " + results.length + " 个结果";
        if (found.corrected) note += "；按“" + found.corrected.term + "”搜索（输入的是“" + found.corrected.typed + "”）";
        if (found.absent.length) note += "；没有找到：" + found.absent.map(function (w) { return "“" + w + "”"; }).join("、");
        else if (results[0].missing.length) note += "；没有页面包含全部的词，先列出包含最多的";
        meta.textContent = note;
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
              "</span>" + '<span class="kb-search__snippet">' + s.html + "</span>" +
              (r.missing.length ? '<span class="kb-search__missing">未包含：' + escapeHTML(r.missing.join("、")) + "</span>" : "") +
              "</a>";
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
      open();
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
        if (!input.value) { close(); input.blur(); } else input.focus();
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
      if (!form.contains(ev.target)) close();
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
