from pathlib import Path

import pytest
from opskb.ingest.read import decode, normalize_date, read, split_front_matter
from opskb.records import Raw, Skipped

TEXT = "社群运营和用户运营有什么区别？這是繁體的內容。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        ("社群运营和用户运营有什么区别？用户分层与精细化运营。".encode("gb18030"), "gb18030"),
        ("社群運營和用戶運營有什麼區別？這是繁體的內容。".encode("big5"), "big5"),
    ],
)
def test_decode_detects_encoding(data, encoding):
    text, found = decode(data)
    assert found == encoding
    assert "社群" in text


def test_read_skips_empty_binary_and_undecodable(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"   \n")
    (tmp_path / "binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfd" * 3 + b"\x80\x81\x82\xfe\xff" * 50)
    for name in ("empty.txt", "binary.bin", "bad.txt"):
        result = read(tmp_path / name)
        assert isinstance(result, Skipped), name
        assert result.source == name and result.reason


def test_front_matter_becomes_metadata(tmp_path: Path):
    f = tmp_path / "post.md"
    f.write_text(
        "---\ntitle: '标题：测试'\nauthor: 某人\ndate: Sat, 05 Jun 2021 08:05:00 GMT\ncategories:\n - 运营\n---\n<p>正文内容在这里。</p><p>第二段。</p>",
        encoding="utf-8",
    )
    raw = read(f)
    assert isinstance(raw, Raw)
    assert (raw.meta.title, raw.meta.author, raw.meta.date, raw.meta.categories) == ("标题：测试", "某人", "2021-06-05", ("运营",))
    assert raw.is_html and "title:" not in raw.body


def test_a_front_matter_title_loses_the_site_name_its_page_title_added(tmp_path: Path):
    # a scraper's dump keeps the <title> as it was (标题 - 站点) and names the site in its own field
    def title(front: str) -> str:
        p = tmp_path / "a.md"
        p.write_text(f"---\n{front}\n---\n\n# 正文标题\n\n社群运营是指围绕社群开展的运营工作。\n", encoding="utf-8")
        return read(p).meta.title
    assert title('title: "KOL投放复盘：我们学到了什么 - 增长记"\nsource: 增长记') == "KOL投放复盘：我们学到了什么"
    assert title('title: "用户分层怎么做 | 运营派"\nsite: 运营派') == "用户分层怎么做"
    # only the site's own name goes: a subtitle after a dash stays, and so does a title that is the name
    assert title('title: "私域运营 - 从0到1"\nsource: 增长记') == "私域运营 - 从0到1"
    assert title('title: "私域运营 - 从0到1"') == "私域运营 - 从0到1"
    assert title('title: 增长记\nsource: 增长记') == "增长记"


def test_malformed_front_matter_is_reported_not_fatal():
    fields, body, problem = split_front_matter("---\ntitle: [未闭合\n---\n正文")
    assert fields == {} and body.strip() == "正文" and "YAML" in problem


@pytest.mark.parametrize(
    ("value", "iso"),
    [("2021-06-05", "2021-06-05"), ("2021年6月5日 12:00", "2021-06-05"), ("Sat, 05 Jun 2021 08:05:00 GMT", "2021-06-05"), ("昨天", "")],
)
def test_normalize_date(value, iso):
    assert normalize_date(value) == iso


def test_a_text_dump_quoting_html_stays_text():
    from opskb.ingest.read import is_html

    dump = "# 标题\n\n正文第一段。\n\n    <div class=\"a\">\n    <p>代码示例</p>\n    </div>\n\n正文第二段。\n\n后记。\n"
    assert not is_html(dump)
    assert is_html("<div><p>一段</p><p>两段</p></div>")
    assert is_html("<head><title>x</title></head><body>只有文字</body>")
