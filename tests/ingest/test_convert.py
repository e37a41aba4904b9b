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
