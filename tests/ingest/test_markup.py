"""What a page's markup says about it: the names it gives itself where it links home."""

from __future__ import annotations

import lxml.html
from opskb.ingest.markup import home_names


def test_home_names_are_what_links_to_the_home_page_say():
    tree = lxml.html.fromstring(
        "<html><body>"
        '<a href="/"><img src="/logo.png" alt="某某运营社"></a>'
        '<a href="https://www.example.cn/" title="返回首页">首页</a>'
        '<a href="index.html">某某 运营社</a>'
        '<a href="../../index.html"><img src="../../logo.png" alt="某某运营协会"></a>'
        '<a href="/news/2024/0501.html">关于举办社群运营培训班的通知</a>'
        '<a href="/?page=2">下一页</a>'
        "<a>只是一个按钮，没有链接地址</a>"
        '<a href="#">回到顶部</a>'
        "</body></html>")
    assert home_names(tree) == {"某某运营社", "首页", "返回首页", "某某运营协会"}
