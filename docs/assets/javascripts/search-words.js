/*
 * 运营知识库的站内搜索：a query as words (loaded before search.js, which uses it). The text as
 * the index has it (folded, Han character pairs and Latin words, the shard of a token), the
 * vocabulary shards, the split of a Han run into words, the synonyms, and a query's words and
 * phrases (search.js's header says how a query is read).
 */
(function () {
  "use strict";
  var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";

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
  var hanRun = new RegExp("^[" + HAN + "]+$");
  // Question words and fillers: a query may hold them, a page need not (怎么, 哪个好, 的, 和 ...)
  var FILLERS = new Set((
    "怎么 怎么样 怎样 怎么做 怎么办 怎么才能 如何 如何做 如何才能 哪个 哪个好 哪些 哪种 哪里 什么 是什么 什么是 " +
    "有什么 有哪些 为什么 为何 是否 能否 可以 能不能 好不好 好做 难做 难不难 需要 应该 请问 一下 一些 一个 这个 " +
    "那个 我们 你们 他们 她们 人家 自己 还是 以及 或者 吗 呢 吧 啊 呀 么 的 地 得 了 和 与 及 或 跟 同 要 该 是 有 在 做 去 把 被 给 好 能 会 想 我 你 " +
    // the same, as typed in chat: 啥, 咋, 干嘛 ...
    "啥 为啥 干啥 干嘛 有啥 是啥 咋 咋办 咋做 咋样 咋整 有没有 是不是 到底 有用 有啥用 什么意思 啥意思 " +
    // adverbs of degree, time and frequency: 群里老有人退群, 群里都潜水 (glued to the characters
    // around them, they would make words no page holds)
    "都 就 也 又 才 再 很 太 老 总 挺 蛮 刚 只 一直 已经 总是 老是 经常 天天 平时 一般 通常 往往 具体 " +
    // ... and of degree before what they qualify (哪个比较好, 回答比较加分, 特别积极的老顾客)
    "比较 非常 特别 相当 十分 更加 真的 超级 主要 基本 基本上 其实 " +
    // hearsay, quantity and the asking itself: 听说很多数据采不到, 说说……一句话咋概括
    "听说 很多 好多 许多 说说 讲讲 聊聊 谈谈 一句话 " +
    // pointing at what was said (这种算不算, 这两个各自) and asking whether it counts, in Cantonese too (呢啲算唔算)
    "这种 这样 这些 那种 那些 两个 这两个 各自 分别 算不算 算是 算唔算 呢啲 呢个 喺 係 唔 嘅"
  ).split(" "));
  // the fillers that make a clause a question (how, what, which, whether ...)
  var QUESTION = new Set((
    "怎么 怎么样 怎样 怎么做 怎么办 怎么才能 如何 如何做 如何才能 哪个 哪个好 哪些 哪种 哪里 什么 是什么 什么是 " +
    "有什么 有哪些 为什么 为何 是否 能否 能不能 好不好 难不难 吗 呢 么 还是 啥 为啥 干啥 干嘛 有啥 是啥 咋 咋办 " +
    "咋做 咋样 咋整 有没有 是不是 什么意思 啥意思 有啥用 算不算 算唔算"
  ).split(" "));
  // the frame of a question asked of the reader (面试官问……，该怎么回答; 面试被问到……从哪几点答): what
  // an interviewer or a boss asks is the question; the frame's words (面试官, 回答) are no subject
  var FRAME = /(面试官?|hr|老板|领导)(常|经常|总|会)?被?问(到|我|你|了)?|(该|应该|要)?(怎么|如何|咋)(回答|答|说|概括|总结)(比较|才|更|最)?(好|加分|出彩|得体)?|(你|您)?(怎么|如何|咋)(去)?(理解|看待)|从哪几?(点|方面|个方面)(答|回答|说)/g;
  // the first person: a clause that tells the asker's own story (我在教培机构当班主任)
  var SELF = /我|本人|自己|咱|俺/;
  // a clause saying what the asker wants (想引用一个定义, 打算做用户分层): their question, not their story
  var WANTS = /^(想|想要|打算|希望|准备)/;
  var CLAUSE_END = new RegExp("([,.?!;:\\u3002]+|(?<=[" + HAN + "])\\s+(?=[" + HAN + "]))");
  var NON_WORD = /[^a-z0-9\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/;
  var FILLER_CLASS = 12, TOTAL = 18, SINGLE = -18, MAX_WORD = 6;

  /* The vocabulary shards for the characters of ``text`` (searchindex.py's vocab/N.json):
     a Map word -> frequency class (the log of its frequency), and in ``.function`` the words
     that carry no subject of their own (其实, 自己, 现在) or are common in all writing (强调,
     公司: searchvocab.GENERAL_CLASS): their class is stored negative. */
  function vocabFor(text, meta, getJSON) {
    var chars = Array.from(new Set(Array.from(text).filter(function (c) { return hanRun.test(c); })));
    if (!meta.vocab || !chars.length) return Promise.resolve(new Map());
    var shards = Array.from(new Set(chars.map(function (c) { return shardOf(c, meta.vocab); })));
    return Promise.all(shards.map(function (n) { return getJSON("vocab/" + n + ".json"); })).then(function (groups) {
      var vocab = new Map();
      vocab.function = new Set();
      groups.forEach(function (g) {
        chars.forEach(function (c) {
          var byClass = g[c];
          if (!byClass) return;
          Object.keys(byClass).forEach(function (cls) {
            byClass[cls].split(" ").forEach(function (rest) {
              vocab.set(c + rest, Math.abs(+cls));
              if (+cls < 0) vocab.function.add(c + rest);
            });
          });
        });
      });
      return vocab;
    });
  }

  /* The most likely split of a Han run into words (jieba's way: the largest sum of log
     frequencies), over the index's vocabulary and the fillers; a character no word covers
     stands alone. With ``wordsOnly`` every piece must be a word of two characters or more
     (null when no such split exists). */
  function segment(run, vocab, wordsOnly, skip) {
    var n = run.length, best = new Array(n + 1), next = new Array(n + 1);
    best[n] = 0;
    for (var i = n - 1; i >= 0; i--) {
      best[i] = -Infinity;
      for (var j = i + 1; j <= Math.min(n, i + MAX_WORD); j++) {
        var w = run.slice(i, j), lp;
        if (w === skip) continue;
        if (FILLERS.has(w)) lp = wordsOnly ? null : FILLER_CLASS - TOTAL;
        else if (vocab.has(w) && j > i + 1) lp = vocab.get(w) - TOTAL;
        else lp = j === i + 1 && !wordsOnly ? SINGLE : null;
        if (lp === null || best[j] === -Infinity) continue;
        if (lp + best[j] > best[i]) { best[i] = lp + best[j]; next[i] = j; }
      }
    }
    if (best[0] === -Infinity) return null;
    var out = [];
    for (var k = 0; k < n; k = next[k]) out.push(run.slice(k, next[k]));
    return out;
  }

  /* A word, as typed and as its synonyms in the topics file (铁粉 -> 铁杆用户). */
  function formsOf(word, lexicon) {
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
  }

  /* The topics file's synonyms that mix Han and Latin characters (大V), longest first. */
  var hanChar = new RegExp("[" + HAN + "]");
  function mixedVariants(lexicon) {
    if (!lexicon.mixed) {
      lexicon.mixed = Object.keys(lexicon.synonyms).map(fold).filter(function (v) {
        return /[a-z0-9]/.test(v) && hanChar.test(v);
      }).sort(function (a, b) { return b.length - a.length; });
    }
    return lexicon.mixed;
  }

  /* The query as words: {words: [[form, ...], ...], phrases: [[form, ...], ...]}.
     Han text is split into the index's words (联名营销 -> 联名 营销); a long or domain word
     is split further when it is made of shorter words (用户画像 -> 用户 画像), so each part is
     matched wherever it stands. Fillers are dropped; so is a lone character next to other
     words, as a word (短 of 短视频), though it stays in the phrase. The pieces that stood
     together in the query form a phrase (用户画像, 短视频), which adds to the score of the
     pages holding it whole. The words of the asker's story are left out (withoutScene) unless
     ``whole`` is given. */
  function analyse(query, t2s, lexicon, vocab, whole) {
    var text = fold(Array.from(query, function (c) { return t2s.get(c) || c; }).join("")), typed = text;
    text = text.replace(FRAME, ","); // 面试官问……该怎么回答: the question inside
    var groups = [], typedTerms = 0; // runs of pieces that stood together: [{text, single, term}]
    // a synonym written in Han and Latin together (大V) would be split apart below: taken whole first
    mixedVariants(lexicon).forEach(function (v) {
      if (text.indexOf(v) < 0) return;
      groups.push([{ text: v, single: false }]);
      text = text.split(v).join(" ");
    });
    // the clauses, each asking (a question word, a question mark) or not, told in the first person or not
    // a space between Han words ends a clause as a comma does (phone typing: 我开健身房的 群里没人说话咋办)
    var pieces = text.split(CLAUSE_END), clauses = [], parts = [];
    for (var c = 0; c < pieces.length; c += 2) {
      clauses.push({ asks: /\?/.test(pieces[c + 1] || ""), self: SELF.test(pieces[c]), wants: WANTS.test(pieces[c]) });
      pieces[c].replace(hanLatin, "$1 $2").replace(latinHan, "$1 $2").split(NON_WORD).forEach(function (part) {
        if (part) parts.push({ text: part, clause: clauses[clauses.length - 1] });
      });
    }
    parts.forEach(function (item) {
      var part = item.text;
      if (!hanRun.test(part)) { groups.push([{ text: part, single: false, clause: item.clause }]); return; }
      var run = [], singles = "";
      var flush = function () {
        if (singles) run.push({ text: singles, single: singles.length === 1, clause: item.clause });
        singles = "";
      };
      segment(part, vocab, false).forEach(function (w) {
        if (FILLERS.has(w)) {
          if (QUESTION.has(w)) item.clause.asks = true;
          flush();
          if (run.length) groups.push(run);
          run = [];
        } else if (w.length === 1) {
          singles += w; // characters no word covers: together they are one word (蒙圈)
        } else {
          flush();
          var inner = w.length >= 4 || (vocab.get(w) === DOMAIN_CLASS && w.length >= 3) ? segment(w, vocab, true, w) : null;
          var term = typedTerms++; // the parts of one typed term (社群运营 -> 社群 运营) are one term
          (inner || [w]).forEach(function (x) { run.push({ text: x, single: false, clause: item.clause, term: term }); });
        }
      });
      flush();
      if (run.length) groups.push(run);
    });
    if (!whole) groups = withoutScene(groups, vocab, clauses); // (``whole``: the story's words too)
    var all = [].concat.apply([], groups);
    if (!all.length) { // nothing but fillers: look for what was typed
      groups = [parts.map(function (p) { return { text: p.text, single: p.text.length === 1 }; })];
      all = groups[0];
    }
    var several = all.some(function (w) { return !w.single; });
    var words = [], phrases = [], minor = [], asked = [], terms = [];
    // a word of the query, once: its forms, whether a page need not hold it, whether the reader left it
    // unsaid (an aspect's word), and the typed term it is part of (社群 and 运营 of 社群运营 share one)
    var add = function (text, isMinor, isAsked, term) {
      if (words.some(function (f) { return f[0] === text; })) return;
      words.push(formsOf(text, lexicon));
      minor.push(isMinor);
      asked.push(isAsked);
      terms.push(term === undefined ? typedTerms++ : term);
    };
    groups.forEach(function (g) {
      g.forEach(function (w) {
        if (!(several && w.single)) add(w.text, general(w.text, vocab), false, w.term);
      });
      if (g.length >= 2 && g.every(function (w) { return hanRun.test(w.text); })) {
        var phrase = g.map(function (w) { return w.text; }).join("");
        if (!phrases.some(function (f) { return f[0] === phrase; })) phrases.push(formsOf(phrase, lexicon));
      }
    });
    // the word still being typed, at the very end of the query: a Latin one may be a prefix (saa -> saas)
    var end = parts.length && /[a-z0-9]$/.test(text) ? parts[parts.length - 1].text : null;
    // words with no subject of their own (其实, 自己, 现在, 强调) need not be on a page when the query has others
    if (minor.every(Boolean)) minor = minor.map(function () { return false; });
    // an aspect asked about without being named (要会啥: the abilities a job needs; 管多少用户: its
    // scale; the topics file's asks): its words are looked for, not required
    (lexicon.asks || []).forEach(function (a) {
      if (a.pattern.test(typed)) a.words.forEach(function (x) { add(x, true, true); });
    });
    return { text: typed, words: words, phrases: phrases, minor: minor, asked: asked, terms: terms,
             open: end && !hanRun.test(end) ? end : null };
  }
  var DOMAIN_CLASS = 14; // searchindex.py: the class of the topics file's domain words

  /* A word with no subject of its own (其实, 自己) or common in all writing (强调, 公司): see vocabFor. */
  function general(word, vocab) {
    return !!(vocab.function && vocab.function.has(word));
  }

  /* A question typed after the asker's own story (我是客服主管，领导让我接手几百个会员群，这算社群运营
     还是用户运营？): the words of a clause told in the first person that does not itself ask, and of
     the clauses going on with the story up to the question (我是班主任，管着家长群，平时发通知，这种算不算……;
     not one saying what they want: 我在实习，想引用一个定义，有现成的吗),
     are the asker's scene, not the subject, and are left out, except the trade's own words (社群 in
     我做了一年社群). Only when another clause asks about words of its own. */
  function withoutScene(groups, vocab, clauses) {
    var asking = groups.some(function (g) {
      return g.some(function (w) { return w.clause && w.clause.asks && !w.single && !general(w.text, vocab); });
    });
    if (!asking) return groups;
    var story = false;
    clauses.forEach(function (c) {
      story = !c.asks && (c.self || (story && !c.wants));
      c.scene = story;
    });
    var out = [];
    groups.forEach(function (g) {
      var run = [];
      g.forEach(function (w) {
        var scene = w.clause && w.clause.scene && vocab.get(w.text) !== DOMAIN_CLASS;
        if (!scene) { run.push(w); return; }
        if (run.length) out.push(run);
        run = [];
      });
      if (run.length) out.push(run);
    });
    return out;
  }

  window.opskbQueryWords = { fold: fold, tokens: tokens, shardOf: shardOf, vocabFor: vocabFor, analyse: analyse,
                             nonWord: NON_WORD, hanRun: hanRun };
})();
