from opskb.ingest.parse import parse_html
from opskb.ingest.textparse import parse_text
from opskb.records import BOLD_CLOSE, BOLD_OPEN, HEADING, IMAGE, LIST, PARAGRAPH, QUOTE, TABLE


def kinds(blocks):
    return [b.kind for b in blocks]


def test_html_keeps_structure_and_drops_attributes_and_scripts():
    html = (
        '<section><h1 style="color:red">一、什么是用户运营？</h1><p onclick="x()">有人会<strong>告诉你</strong>答案。</p></section>'
        "<script>alert(1)</script><style>p{}</style><iframe src='https://evil.example'></iframe>"
        "<ul><li>第一项</li><li>第二项<ul><li>子项</li></ul></li></ul>"
        "<blockquote><section>引用一</section><section>引用二</section></blockquote>"
        "<table><tr><th>维度</th><th>说明</th></tr><tr><td>载体</td><td>微信</td></tr></table>"
        '<p>前文<img src="https://img.example/a.png" alt="示意图">后文</p>'
    )
    blocks = parse_html(html)
    assert kinds(blocks) == [HEADING, PARAGRAPH, LIST, QUOTE, TABLE, PARAGRAPH, IMAGE, PARAGRAPH]
    assert blocks[0].text == "一、什么是用户运营？"
    assert blocks[1].text == f"有人会{BOLD_OPEN}告诉你{BOLD_CLOSE}答案。"
    assert blocks[2].items == ("第一项", "第二项", "子项")
    assert blocks[3].items == ("引用一", "引用二")
    assert blocks[4].rows == (("维度", "说明"), ("载体", "微信"))
    assert blocks[6].src == "https://img.example/a.png" and blocks[6].text == "示意图"
    joined = " ".join(b.plain_text() for b in blocks)
    assert "alert" not in joined and "color" not in joined and "evil" not in joined


def test_html_br_splits_paragraphs_and_whitespace_between_han_goes():
    blocks = parse_html("<p>第一句\n   接着写<br>第二段</p>")
    assert [b.text for b in blocks] == ["第一句接着写", "第二段"]


def test_a_space_typed_between_han_words_stays_and_source_formatting_goes():
    html = (
        "<p>文：李明 张华\u3000编辑：王芳</p>"  # names apart, by a space and by an ideographic space
        "<h2>社群拉新难 用户留存更难</h2>"  # the two halves of a headline
        "<p>社群运营， 用户运营</p>"  # a space beside CJK punctuation goes
        "<p>先做<strong>用户分层</strong> <strong>再做激活</strong></p>"  # a space between bold words stays
        "<h2>目 录</h2><h1>一 文 读 懂 私 域</h1>"  # letters set wide are one word
        "<ul><li><span>社群</span><br><span>运营</span></li></ul>"  # nested parts joined: no space between Han
        "<p>记者 李明 摄</p>"
    )
    texts = [b.text if b.kind != LIST else b.items for b in parse_html(html)]
    assert texts == [
        "文：李明 张华 编辑：王芳",
        "社群拉新难 用户留存更难",
        "社群运营，用户运营",
        f"先做{BOLD_OPEN}用户分层{BOLD_CLOSE} {BOLD_OPEN}再做激活{BOLD_CLOSE}",
        "目录",
        "一文读懂私域",
        ("社群运营",),
        "记者 李明 摄",
    ]


def test_text_headings_lists_and_paragraphs():
    text = (
        "社群运营与用户运营的定义\n\n1. 社群运营\n\n社群运营是指通过建立和维护群体来实现价值的过程。\n\n"
        "- 拉新：扩大社群规模。\n- 促活：提升活跃度。\n\n1)反对宪法所确定的基本原则；\n2)危害国家安全；\n"
    )
    blocks = parse_text(text)
    assert kinds(blocks) == [HEADING, HEADING, PARAGRAPH, LIST, LIST]
    assert blocks[0].level == 2 and blocks[1].level == 3
    assert blocks[3].items == ("拉新：扩大社群规模。", "促活：提升活跃度。") and not blocks[3].ordered
    assert blocks[4].ordered and len(blocks[4].items) == 2


def test_text_sentence_lines_are_paragraphs_not_headings():
    blocks = parse_text("那是不是用户规模越大，产品价值越大？\n某种程度上是的。\n-End-\n")
    assert kinds(blocks) == [PARAGRAPH, PARAGRAPH, PARAGRAPH]
    assert blocks[2].text == "-End-"


def test_text_markdown_bold_and_table():
    blocks = parse_text("这是**重点**内容，很长的一句话。\n\n| 维度 | 社群 |\n|---|---|\n| 载体 | 微信 |\n")
    assert blocks[0].text == f"这是{BOLD_OPEN}重点{BOLD_CLOSE}内容，很长的一句话。"
    assert blocks[1].kind == TABLE and blocks[1].rows[1] == ("载体", "微信")


def test_hard_wrapped_paragraphs_are_joined_only_in_blank_line_separated_text():
    wrapped = "社群运营是指通过一系列策略和方法围绕特定目标或兴趣聚集一群具有共同属性和相似需求的用户并\n通过持续的互动提升活跃度。\n\n第二段。\n"
    assert [b.text for b in parse_text(wrapped)] == [
        "社群运营是指通过一系列策略和方法围绕特定目标或兴趣聚集一群具有共同属性和相似需求的用户并通过持续的互动提升活跃度。",
        "第二段。",
    ]


def test_markdown_dump_reads_as_its_text():
    from opskb.ingest.parse import text_title
    from opskb.ingest.textparse import link_cards, plain_markdown_line

    assert plain_markdown_line("[大力出奇迹](https://x.com/u/1) ![](https://x.com/a.png) 关注") == "大力出奇迹  关注"
    assert plain_markdown_line("[ FreeBuf ](javascript:void\\(0\\);)") == "FreeBuf"
    assert plain_markdown_line("[![](https://x.com/a.png!/both/72x72)](https://x.com/u/1)") == ""
    assert plain_markdown_line('{% hint style="info" %}') == ""
    assert plain_markdown_line("### 1\\. 用户分层") == "### 1. 用户分层"
    title, rest = text_title("# 区别于C端，B端业务私域流量运营新思路解析！\n{% hint %}\n正文。\n")
    assert title == "区别于C端，B端业务私域流量运营新思路解析！" and rest.startswith("{% hint %}")
    assert text_title("正文第一行。\n# 不是标题\n") == ("", "正文第一行。\n# 不是标题\n")
    body, cards = link_cards("正文。\n\n[![](https://x.com/a.png)\n\n另一篇文章标题\n\n查看详情 >\n\n](https://ad.example/c)\n\n后文。")
    assert "另一篇文章" not in body and "正文。" in body and "后文。" in body
    assert cards and "另一篇文章标题" in cards[0]


def test_a_table_typed_with_spaces_becomes_a_table_and_prose_with_spaces_does_not():
    rows = "用户类型 R F M\n重要价值用户 高 高 高\n重要发展用户 高 低 高\n一般挽留用户 低 低 低\n"
    (b,) = parse_text(rows)
    assert b.kind == "table" and b.rows[1] == ("重要价值用户", "高", "高", "高")
    # English lines, sentences that end in punctuation, and two-column pairs of three lines stay text
    for text in ("I love you so\nwe are here now\nthey go there too\n",
                 "我们用 RFM 模型 分层。\n再用 LTV 指标 衡量。\n最后用 ROI 结果 复盘。\n",
                 "姓名 张三\n年龄 三十\n城市 北京\n"):
        assert all(b.kind != "table" for b in parse_text(text)), text


def test_captions_hard_breaks_and_markdown_headings_of_converted_papers():
    text = (
        "# The Selection of the Optimum Loop Bandwidth\n\n"
        "锁相环是一种相位反馈控制电路，广泛用于通信系统中的频率合成，这一段写得足够长以便跨行。\n\n"
        "图1环路相位噪声模型\n\n"
        "# 参考文献\n\n"
        "[1]张三．锁相环电路设计与应用[M]．北京：科学出版社，2006:1-5.  \n"
        "[2]李四．锁相与频率合成[M]．北京：科学出版社，2011:59-66.  \n\n"
        "# 这一行以井号开头，但它是正文的一部分。\n"
    )
    blocks = parse_text(text)
    kinds = [(b.kind, b.plain_text()[:12]) for b in blocks]
    assert kinds[0] == ("heading", "The Selectio")
    assert ("paragraph", "图1环路相位噪声模型") in kinds  # a caption is not a heading
    refs = [b.plain_text() for b in blocks if b.plain_text().startswith("[")]
    assert len(refs) == 2  # a Markdown hard break ends the line: references stay apart
    assert blocks[-1].kind == "paragraph"


def test_text_with_its_own_headings_infers_none_and_label_lines_stay_apart():
    text = (
        "**Published:** 2025-04-21  \n**Stats:** 👁️ 1212 views | 💬 1 comments | ⭐ 1 collects and more words here\n"
        "**Tags:** 用户信任 私域运营\n\n"
        "## 一、假优惠\n\n为什么市面上的私域都是虎头蛇尾的结局\n\n一个最主要的原因就是：一开始定位就错了\n\n"
        "## 二、假互动\n\n正文一句话。\n"
    )
    blocks = parse_text(text)
    assert [b.plain_text()[:7] for b in blocks[:3]] == ["Publish", "Stats: ", "Tags: 用"]
    heads = [b.plain_text() for b in blocks if b.kind == "heading"]
    assert heads == ["一、假优惠", "二、假互动"]  # the short bare lines are sentences here


def test_a_markdown_question_heading_is_a_heading():
    from opskb.ingest.textparse import is_markdown_heading

    # articles head their sections with questions: 02 如何提升 LTV？ is a heading, not text
    assert is_markdown_heading("02 如何提升 LTV？")
    assert is_markdown_heading("一、什么是用户运营？")
    assert not is_markdown_heading("这是一句话。还有一句？")
    assert not is_markdown_heading("一句话。")


def test_a_dump_that_heads_its_sections_with_hashes_shows_no_hash():
    # the dump marks its headings with '#': a numbered or labelled one that ends like a sentence
    # is still a heading, and any other line under a '#' is text, without the mark
    text = ("## 一、内容策略\n\n正文第一段写得足够长，是一句完整的话。\n\n## 二、渠道策略\n\n"
            "### 1）从商家视角转向用户视角，做用户的生活搭子。\n\n正文第二段。\n\n"
            "## 结语：私域内容力，最后胜利的一公里！\n\n正文第三段。\n\n"
            "## 我们只做了一件事，就是每天在群里回答问题。\n")
    blocks = parse_text(text)
    heads = [(b.level, b.plain_text()) for b in blocks if b.kind == "heading"]
    assert heads == [(2, "一、内容策略"), (2, "二、渠道策略"), (3, "1）从商家视角转向用户视角，做用户的生活搭子。"),
                     (2, "结语：私域内容力，最后胜利的一公里！")]
    assert blocks[-1].kind == "paragraph" and blocks[-1].plain_text() == "我们只做了一件事，就是每天在群里回答问题。"
    assert not any("#" in b.plain_text() for b in blocks)
    # a text that does not mark its headings so keeps a line that starts with '#' as written
    (b,) = parse_text("# 这一行以井号开头，但它是正文的一部分。\n")
    assert b.kind == "paragraph" and b.plain_text().startswith("#")


def test_numbered_lines_of_a_dump_that_marks_its_headings_are_lists_or_subheadings():
    text = ("## 一、体验地图\n\n一个完整的体验地图通常包括以下几个方面的内容：\n\n1.  行为阶段\n2.  所采取的行动和步骤\n"
            "3.  需要完成的工作\n\n## 二、触点\n\n### 1. 线上触点\n\n（1）操作指引区\n\n页面顶部告诉用户下一步做什么，这一段写得长一些。\n\n"
            "（2）优惠活动入口区\n\n活动入口放在第二屏，让用户一眼看到优惠，这一段也写得长一些。\n\n"
            "3、**执行层指标**指站在经营视角：\n\n* 辨识度\n* 区隔度\n\n"
            "图 4 数字藏品概念释义\n\n图 5 数字藏品有哪些价值\n\n图 6 数字藏品的发行平台\n")
    blocks = parse_text(text)
    # a run of numbered lines is a list (not headings, not a table of number and text)
    assert blocks[2].kind == "list" and blocks[2].items == ("行为阶段", "所采取的行动和步骤", "需要完成的工作")
    assert all(b.kind != "table" for b in blocks)
    # one standing alone between paragraphs heads a part of the marked section, one level under it
    subs = [(b.level, b.plain_text()) for b in blocks if b.kind == "heading" and b.plain_text().startswith("（")]
    assert subs == [(4, "（1）操作指引区"), (4, "（2）优惠活动入口区")]
    # an item after a paragraph keeps its number
    (third,) = [b for b in blocks if b.kind == "list" and b.ordered and "执行层指标" in b.plain_text()]
    assert third.start == 3
    assert [b.kind for b in blocks[-3:]] == ["paragraph"] * 3  # captions, not a table
    # the next number of a section's list goes on with it, text under it or not (7、 after 6、)
    steps = ("## 三、清查步骤\n\n1、可售资产可以参考售楼系统的数据进行整合盘点。\n\n2、租赁资产可以参考租赁系统的数据进行盘点。\n\n"
             "两类资产的口径不同，要分开核对，这一段写得长一些。\n\n3、数据填报字段及规则\n\n字段要统一口径，这一段写得长一些，是一句完整的话。\n\n## 四、总结\n\n4、清查范围\n\n正文。\n")  # (a new section: its 4、 goes on with no list)
    blocks = parse_text(steps)
    assert [(b.kind, b.start) for b in blocks if b.kind == "list"] == [("list", 1), ("list", 3)]
    assert [b.plain_text() for b in blocks if b.kind == "heading"] == ["三、清查步骤", "四、总结", "4、清查范围"]
    # a decimal section number or an amount is not an item's number (3.1 节 is not item 3 of a list)
    blocks = parse_text("## 一、甲\n\n正文一句话。\n\n## 二、乙\n\n3.1 节：电子税局通道\n\n2.5 倍的增长来自老用户。\n")
    assert [b.plain_text() for b in blocks[-2:]] == ["3.1 节：电子税局通道", "2.5 倍的增长来自老用户。"]
    assert all(b.kind != "list" for b in blocks)
    # in text that marks no headings, a short numbered line is still a heading
    assert parse_text("1. 行为阶段\n\n这一段是正文，写得足够长，是一句完整的话。\n")[0].kind == "heading"


def test_an_html_ordered_list_keeps_its_start():

    blocks = parse_html("<article><p>前面的话。</p><ol start='3'><li>第三点</li><li>第四点</li></ol><ol><li>一</li></ol></article>")
    lists = [(b.items, b.start) for b in blocks if b.kind == "list"]
    assert lists == [(("第三点", "第四点"), 3), (("一",), 1)]


def test_a_screenshots_caption_is_not_a_heading_and_an_escaped_equals_sign_is_plain():
    blocks = parse_text("淘宝店铺截图\n\n在销量最好的店铺商品详情页，商家写道：本商品为虚拟产品。\n\n用户增长\n\n"
                        "**缺口**\\=所需流量-实际流量，拿着缺口找广告部。\n")
    assert [(b.kind, b.plain_text()) for b in blocks] == [
        ("paragraph", "淘宝店铺截图"), ("paragraph", "在销量最好的店铺商品详情页，商家写道：本商品为虚拟产品。"),
        ("heading", "用户增长"), ("paragraph", "缺口=所需流量-实际流量，拿着缺口找广告部。")]


ARTICLE_CELL = (
    "<p>社群运营是指围绕一个社群开展拉新、促活和转化的工作。重点在于群内的互动氛围和成员之间的关系，"
    "而不是一次性的推送。</p><p>用户运营是指以用户为中心，通过分层、分群和生命周期管理持续提升用户价值。"
    "两者的目标不同，衡量的指标也不同。</p><p>下面分别说明两者在日常工作中的区别和联系，以及新人入行时的常见误区。"
    "每一点都有对应的例子。</p>"
)


def test_a_table_that_lays_out_the_page_is_read_as_its_lines():
    # the article in one cell beside a column of links, a footer row under it: an old portal's layout
    page = (
        "<table><tr><td>回首页</td><td>" + ARTICLE_CELL + "</td></tr>"
        "<tr><td></td><td>关于我们｜联系我们｜隐私政策</td></tr></table>"
    )
    blocks = parse_html(page)
    assert TABLE not in kinds(blocks)
    texts = [b.text for b in blocks]
    assert texts[0] == "回首页" and texts[-1] == "关于我们｜联系我们｜隐私政策"
    assert sum(1 for t in texts if t.startswith(("社群运营是指", "用户运营是指", "下面分别"))) == 3
    # a frame of one column, a toolbar of mostly empty cells
    for frame in ("<table><tr><td>第一行的文字</td></tr><tr><td>第二行的文字</td></tr></table>",
                  "<table><tr><td></td><td>分享</td><td></td><td></td><td></td></tr></table>"):
        assert TABLE not in kinds(parse_html(frame)), frame
    # a table holding a table: the outer one is the frame, the inner one may be data
    nested = parse_html("<table><tr><td><table><tr><td>甲</td><td>乙</td></tr><tr><td>丁</td><td>戊</td></tr></table></td>"
                        "<td>丙</td></tr></table>")
    assert kinds(nested) == [TABLE, PARAGRAPH] and nested[0].rows == (("甲", "乙"), ("丁", "戊")) and nested[1].text == "丙"
    # a bar of one row (the date beside the page's buttons), and the headline set in a table with its byline
    bar = parse_html("<table><tr><td>2024-5-12</td><td>字号：大 中 小 ∣评论∣打印</td></tr></table>")
    assert [(b.kind, b.text) for b in bar] == [(PARAGRAPH, "2024-5-12"), (PARAGRAPH, "字号：大中小 ∣评论∣打印")]  # letters set one by one close up
    head = parse_html("<table><tr><td colspan='2'><h1>私域社群怎么做？</h1></td></tr>"
                      "<tr><td>2024/05/12 记者 李明 报道</td><td>分享</td></tr></table>")
    assert [(b.kind, b.text) for b in head] == [
        (HEADING, "私域社群怎么做？"), (PARAGRAPH, "2024/05/12 记者 李明 报道"), (PARAGRAPH, "分享")]


def test_a_table_of_data_stays_a_table_even_with_sentences_in_its_cells():
    data = (
        "<table><tr><th>维度</th><th>社群运营</th><th>用户运营</th></tr>"
        "<tr><td>目标</td><td>提升群内活跃和转化。</td><td>提升整体留存和价值。</td></tr>"
        "<tr><td>载体</td><td><p>微信群、QQ 群。</p><p>也有知识星球。</p></td><td>App、小程序和公众号。</td></tr></table>"
    )
    (table,) = parse_html(data)
    assert table.kind == TABLE and table.rows[1] == ("目标", "提升群内活跃和转化。", "提升整体留存和价值。")


def test_an_alt_text_filled_with_markup_reads_as_its_words():
    (img,) = parse_html('<p><img src="https://img.example.com/a.jpg" '
                        'alt="社群周年庆 &lt;a class=&quot;tag&quot; href=&quot;/tag/x&quot;&gt;线下聚会&lt;/a&gt;现场"></p>')
    assert img.kind == IMAGE and img.text == "社群周年庆 线下聚会现场"


def test_a_wikis_edit_link_after_a_heading_goes_and_the_word_elsewhere_stays():
    blocks = parse_html('<h2>发展历程<span class="x">[<a href="/w/index.php?action=edit">编辑</a>]</span></h2>'
                        "<h3>早期 <span>[<a>編輯原始碼</a>]</span></h3><h3>History [edit]</h3><h2>编辑</h2>"
                        "<p>社群公告要请管理员编辑[编辑]后再发。</p>")
    assert [b.text for b in blocks] == ["发展历程", "早期", "History", "编辑", "社群公告要请管理员编辑[编辑]后再发。"]


def test_a_lazy_pictures_address_is_the_file_not_its_inline_stand_in():
    # a page that loads pictures as they scroll into view keeps a stand-in (an inline svg, a blank)
    # in src and the picture in another attribute
    stand_in = "data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='1344' height='2472'></svg>"
    blocks = parse_html(
        f'<p>社群运营的第一步是定位。</p><img src="{stand_in}" data-actualsrc="https://img.example.com/a_720w.jpg">'
        f'<img src="{stand_in}" data-original="https://img.example.com/b_r.jpg">'
        '<img src="https://img.example.com/c.jpg"><img data-src="https://img.example.com/d.jpg" src="">'
        f'<img data-src="{stand_in}" src="https://img.example.com/e.jpg">'
        f'<img src="{stand_in}" data-lazy-src="https://img.example.com/f.jpg"><img src="{stand_in}">')
    assert [b.src for b in blocks if b.kind == IMAGE] == [
        "https://img.example.com/a_720w.jpg", "https://img.example.com/b_r.jpg", "https://img.example.com/c.jpg",
        "https://img.example.com/d.jpg", "https://img.example.com/e.jpg", "https://img.example.com/f.jpg",
        stand_in]  # (a stand-in alone is cleaning's to drop)


def _dump_title(tmp_path, lines: list[str]) -> tuple[str, str]:
    from opskb.ingest.parse import parse
    from opskb.ingest.read import read

    path = tmp_path / "dump.md"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    doc = parse(read(path))
    return doc.meta.title, doc.meta.site


BODY = ["社群冷启动的第一周，最重要的是让前一百个人愿意开口说话。", "我们每天固定两个话题，由老成员先回答，新成员跟着说。"]


def test_a_dumps_title_line_loses_the_site_its_crawler_copied_from_the_page_title(tmp_path):
    # the page's <title> written as the dump's '# ' line: the parts naming the site go when the
    # text shows that name by itself (its banner), inside a line of furniture (© …, Powered by …),
    # or it reads as a site's name (…网)
    headline = "三个月把一个沉默的读书群带活，我做对了什么"
    assert _dump_title(tmp_path, [f"# {headline} | 青柠读书会", "青柠读书会", "首页 书单 活动"] + BODY) == (headline, "青柠读书会")
    assert _dump_title(tmp_path, [f"# {headline} - 阅读小组 - 青柠社区 - Powered by Discuz!"] + BODY
                       + ["首页 › 青柠社区 › 阅读小组", "Powered by Discuz! X3.4"])[0] == headline
    assert _dump_title(tmp_path, [f"# {headline}_某某城事网"] + BODY)[0] == headline
    assert _dump_title(tmp_path, [f"# 某某晚报数字报-{headline}", "某某晚报数字报"] + BODY)[0] == headline
    # a name in two scripts, each shown on its own: the banner's Han and the copyright's Latin
    assert _dump_title(tmp_path, [f"# {headline} - 青柠学堂 QingLearn", "青柠学堂", "课程 讲师 登录"] + BODY
                       + ["© 2024 QingLearn. All rights reserved."]) == (headline, "青柠学堂 QingLearn")
    # a series label or a subtitle stays, however the text goes on (the crawler's dumps of an
    # operations site write them so), and so does a name the text never shows apart
    assert _dump_title(tmp_path, [f"# {headline} | 读书群 社群", "读书群", "社群"] + BODY)[0] == f"{headline} | 读书群 社群"
    for title in (f"复盘 | {headline}", f"{headline} | 上篇", f"万字拆解 | {headline}", f"{headline} - 小林的运营笔记"):
        assert _dump_title(tmp_path, [f"# {title}"] + BODY + ["上篇讲了拉新，这篇讲促活。"])[0] == title
