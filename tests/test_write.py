import json

import pytest
from opskb.write import MANIFEST, OutputConflict, write_pages


def test_writes_only_changes_and_removes_only_its_own_pages(tmp_path):
    (tmp_path / "mine.md").write_text("手写的页面", encoding="utf-8")
    r1 = write_pages(tmp_path, {"a.md": "甲", "sub/b.md": "乙"})
    assert sorted(r1.written) == ["a.md", "sub/b.md"]
    r2 = write_pages(tmp_path, {"a.md": "甲", "sub/b.md": "乙"})
    assert r2.written == [] and sorted(r2.unchanged) == ["a.md", "sub/b.md"]
    r3 = write_pages(tmp_path, {"a.md": "甲二"})
    assert r3.written == ["a.md"] and r3.deleted == ["sub/b.md"]
    assert (tmp_path / "mine.md").read_text(encoding="utf-8") == "手写的页面"
    assert json.loads((tmp_path / MANIFEST).read_text())["files"].keys() == {"a.md"}


def test_refuses_to_overwrite_a_file_it_did_not_generate(tmp_path):
    (tmp_path / "index.md").write_text("手写首页", encoding="utf-8")
    with pytest.raises(OutputConflict, match="index.md"):
        write_pages(tmp_path, {"new.md": "新", "index.md": "生成的首页"})
    assert not (tmp_path / "new.md").exists()
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "手写首页"


def test_hand_edited_generated_page_is_not_deleted(tmp_path):
    write_pages(tmp_path, {"a.md": "甲"})
    (tmp_path / "a.md").write_text("改过了", encoding="utf-8")
    result = write_pages(tmp_path, {})
    assert result.deleted == [] and (tmp_path / "a.md").exists()
