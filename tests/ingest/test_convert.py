import json
import os
import re
from pathlib import Path

import pytest
from opskb.ingest.convert import apply_phrases, convert_text, t2s

CONFORMANCE = Path(__file__).resolve().parents[3] / "shared" / "conformance" / "opencc-testcases.json"


def test_traditional_is_converted_with_phrase_fixes():
    text, changed, was_trad = convert_text("這也著實不能怪你，那麼社群運營和用戶運營一定有著密切的關係")
    assert was_trad and changed > 5
    assert text == "这也着实不能怪你，那么社群运营和用户运营一定有着密切的关系"


def test_simplified_is_left_alone():
    for s in ["慰藉着我们", "两者都存在显着差异", "社群运营和用户运营有什么区别？", "著名作家的著作"]:
        assert convert_text(s) == (s, 0, False)


def _cases():
    if not CONFORMANCE.exists():
        return []
    raw = re.sub(r",(\s*[\]}])", r"\1", CONFORMANCE.read_text(encoding="utf-8"))
    data = json.loads(raw)
    out = []
    for case in data.get("cases", data if isinstance(data, list) else []):
        for cfg in ("t2s", "tw2s", "hk2s"):
            expected = (case.get("expected") or {}).get(cfg)
            if expected is not None:
                out.append((cfg, case["input"], expected))
    return out


def test_conformance_file_is_readable():
    if not CONFORMANCE.exists():
        if os.environ.get("OPSKB_CI") == "1":
            pytest.fail(f"{CONFORMANCE} is missing: CI runs with ../shared beside the clone")
        pytest.skip("../shared/conformance is not beside this checkout")
    assert len(_cases()) >= 100


@pytest.mark.parametrize(("cfg", "text", "expected"), _cases())
def test_phrase_table_never_breaks_opencc_cases(cfg, text, expected):
    import opencc

    base = opencc.OpenCC(cfg).convert(text)
    assert base == expected  # the official OpenCC binding, not a reimplementation
    assert apply_phrases(base) == expected  # our phrase table keeps every case
    if cfg == "t2s":
        assert t2s(text) == expected


# a Simplified paragraph long enough to read as Simplified, with one stray Traditional-only character
_SIMPLIFIED = "社群运营的新人常问，用户运营和社群运营到底有什么区别，我们用一个周末的活动来说明两者的分工和配合方式。"


def test_lone_traditional_character_in_simplified_text_is_converted():
    for stray, right in (("蘭", "兰"), ("捱", "挨"), ("後", "后")):
        text = _SIMPLIFIED.replace("周末", f"周末{stray}", 1)
        out, changed, was_trad = convert_text(text)
        assert not was_trad  # the block stays Simplified: only the stray character changes
        assert out == _SIMPLIFIED.replace("周末", f"周末{right}", 1)
        assert changed == 1


def test_valid_simplified_characters_that_opencc_could_change_stay():
    # 乾 and 吒 change alone under t2s, but OpenCC's phrases keep 乾坤 and 哪吒
    # ... and 蟳 (蟳埔) stays rather than become a character most phones cannot show (𫊻)
    for word in ("大乾坤", "哪吒", "覆灭", "藉此", "蟳埔"):
        text = _SIMPLIFIED.replace("周末", f"周末{word}", 1)
        assert convert_text(text) == (text, 0, False)


def test_simplified_article_with_a_lone_traditional_character(tmp_path):
    from opskb.pipeline import ingest

    seeds, out = tmp_path / "seeds", tmp_path / "docs"
    seeds.mkdir()
    body = "\n\n".join([_SIMPLIFIED, _SIMPLIFIED.replace("周末", "周末捱过", 1).replace("社群", "蘭州的社群", 1),
                        "活动结束以后，我们把复盘写成了一份清单，给下一次活动参考。"])
    (seeds / "lone.md").write_text("# 一次周末活动的复盘\n\n" + body + "\n", encoding="utf-8")
    result = ingest(seeds, out)
    page = next(e.page for e in result.entries if e.page)
    text = (out / page).read_text(encoding="utf-8")
    assert "兰州的社群" in text and "周末挨过" in text
    assert "蘭" not in text and "捱" not in text
