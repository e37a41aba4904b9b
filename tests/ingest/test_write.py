import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import SEEDS, text_article
from opskb.ingest.write import JOURNAL, LOCK, MANIFEST, OutputConflict, output_lock, write_pages
from opskb.pipeline import ingest


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


# ---------------------------------------------------------------- runs that die, runs at once
#
# Real `opskb ingest` processes, stopped with SIGKILL: at a chosen change of the output
# folder (OPSKB_CRASH_AFTER=N makes the process kill itself right after its N-th write,
# rename or removal there), and at moments a timer picks, which also land before and
# after the write phase. The next run must exit 0 and leave exactly what a run on a clean
# folder leaves, with the hand-written files beside it untouched.

HAND_WRITTEN = {"mine.md": "# 我自己写的页面\n", "notes/keep.txt": "手写笔记\n", "sources/readme.txt": "别删\n"}


def _ingest_cmd(seeds: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "opskb.cli", "ingest", "--seeds", str(seeds), "--out", str(out)]


def _default_sigint() -> None:
    # (a suite started in the background inherits SIGINT ignored: the run must still see its own Ctrl+C)
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _run(seeds: Path, out: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(_ingest_cmd(seeds, out), capture_output=True, text=True, env={**os.environ, **env}, timeout=300,
                          preexec_fn=_default_sigint)


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, the cache, manifest and lock included."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def _with_hand_files(folder: Path) -> Path:
    for rel, text in HAND_WRITTEN.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Seeds before (a) and after (b) a maintainer's edit, the output of a complete run
    on a, and the output a run on b gives in a clean folder."""
    root = tmp_path_factory.mktemp("runs")
    a, b = root / "seeds-a", root / "seeds-b"
    shutil.copytree(SEEDS, a)
    for i in range(3):
        (a / f"extra-{i}.txt").write_text(text_article(f"补充文章{i}号"), encoding="utf-8")
    shutil.copytree(a, b)
    (b / "extra-0.txt").unlink()  # its page becomes stale
    (b / "extra-1.txt").write_text(text_article("补充文章一号改写版"), encoding="utf-8")
    for i in range(3, 6):
        (b / f"extra-{i}.txt").write_text(text_article(f"新增文章{i}号"), encoding="utf-8")
    base = _with_hand_files(root / "base")
    ingest(a, base)
    clean = _with_hand_files(root / "clean")
    ingest(b, clean)
    # how many changes a run from base to b makes: journal, pages, removals, manifest, journal, cache
    probe = root / "probe"
    shutil.copytree(base, probe)
    r = ingest(b, probe)
    changes = 1 + len(r.write.written) + len(r.write.deleted) + 1 + 1 + 1
    assert r.write.written and r.write.deleted
    return a, b, base, _tree(clean), changes


def _kill_then_recover(runs, work: Path, start_empty: bool, crash_after: int | None = None,
                       after_seconds: float | None = None) -> tuple[int, subprocess.CompletedProcess]:
    _a, b, base, _clean, _n = runs
    if start_empty:
        _with_hand_files(work)
    else:
        shutil.copytree(base, work)
    env = {**os.environ}
    if crash_after is not None:
        env["OPSKB_CRASH_AFTER"] = str(crash_after)
    proc = subprocess.Popen(_ingest_cmd(b, work), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if after_seconds is not None:
        time.sleep(after_seconds)
        proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=300)
    return proc.returncode, _run(b, work)


def _assert_recovered(runs, work: Path, killed_rc: int, again: subprocess.CompletedProcess, expect_killed: bool):
    if expect_killed:
        assert killed_rc == -signal.SIGKILL
    assert again.returncode == 0, again.stderr
    assert _tree(work) == runs[3]
    assert not list(work.rglob("*.tmp")) and not (work / JOURNAL).exists()
    for rel, text in HAND_WRITTEN.items():
        assert (work / rel).read_text(encoding="utf-8") == text


def test_a_run_killed_at_every_stage_of_its_writes_is_recovered(runs, tmp_path):
    n = runs[4]
    points = sorted({1, 2, 3, n // 3, n // 2, n - 4, n - 3, n - 2, n - 1, n})
    jobs = [(k, False) for k in points] + [(k, True) for k in (1, 2, n // 2, n - 3)]

    def one(job):
        k, empty = job
        work = tmp_path / f"{'empty' if empty else 'base'}-{k}"
        return job, work, *_kill_then_recover(runs, work, empty, crash_after=k)

    with ThreadPoolExecutor(max_workers=2) as pool:
        for job, work, rc, again in pool.map(one, jobs):
            _assert_recovered(runs, work, rc, again, expect_killed=True)
            assert ("已恢复" in again.stdout) == (job[0] < n - 1 or job[1]), (job, again.stdout[-200:])


def test_a_run_killed_at_random_moments_is_recovered(runs, tmp_path):
    """SIGKILL from outside, at moments spread over a whole run (start-up, processing,
    writing, after it): whatever state it leaves, the next run mends."""
    start = time.monotonic()
    _run(runs[1], _with_hand_files(tmp_path / "timing"))
    duration = time.monotonic() - start
    moments = [duration * f for f in (0.2, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0)]

    def one(i_t):
        i, t = i_t
        work = tmp_path / f"timed-{i}"
        return work, *_kill_then_recover(runs, work, i % 2 == 0, after_seconds=t)

    with ThreadPoolExecutor(max_workers=2) as pool:
        for work, rc, again in pool.map(one, enumerate(moments)):
            _assert_recovered(runs, work, rc, again, expect_killed=False)


def test_ctrl_c_prints_one_line_and_the_next_run_recovers(runs, tmp_path):
    work = tmp_path / "interrupted"
    shutil.copytree(runs[2], work)
    env = {"OPSKB_CRASH_AFTER": str(runs[4] // 2), "OPSKB_CRASH_SIGNAL": "INT"}
    first = _run(runs[1], work, **env)
    assert first.returncode == 130
    lines = first.stderr.strip().splitlines()
    assert len(lines) == 1 and "已中断" in lines[0] and str(work) in lines[0], first.stderr
    assert (work / JOURNAL).exists()  # it stopped mid-write
    again = _run(runs[1], work)
    _assert_recovered(runs, work, first.returncode, again, expect_killed=False)


def test_a_second_run_waits_for_the_first(runs, tmp_path):
    work = _with_hand_files(tmp_path / "waiting")
    with output_lock(work):
        proc = subprocess.Popen(_ingest_cmd(runs[1], work), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = proc.stderr.readline()
        assert "另一个 opskb 正在写入" in line and str(work) in line
        time.sleep(0.5)
        assert proc.poll() is None
        assert set(_tree(work)) == set(HAND_WRITTEN) | {LOCK}  # nothing written while it waited
    proc.communicate(timeout=300)
    assert proc.returncode == 0
    assert _tree(work) == runs[3]


def test_a_second_run_that_waits_too_long_stops_with_status_2(runs, tmp_path):
    work = _with_hand_files(tmp_path / "busy")
    with output_lock(work):
        result = _run(runs[1], work, OPSKB_LOCK_WAIT="0.5")
    assert result.returncode == 2
    assert "仍在写入" in result.stderr and str(work) in result.stderr
    assert set(_tree(work)) == set(HAND_WRITTEN) | {LOCK}


def test_two_runs_started_at_once_give_one_clean_output(runs, tmp_path):
    work = _with_hand_files(tmp_path / "together")
    procs = [subprocess.Popen(_ingest_cmd(runs[1], work), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert _tree(work) == runs[3]


def test_the_lock_is_reentrant_in_one_process(tmp_path):
    with output_lock(tmp_path), output_lock(tmp_path):
        write_pages(tmp_path, {"a.md": "甲"})
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "甲"


def test_a_file_someone_else_put_where_a_dead_run_meant_to_write_is_kept(tmp_path):
    write_pages(tmp_path, {"a.md": "甲"})
    # a journal as a run leaves it when it dies before writing b.md
    journal = {"generator": "opskb", "owned": {"a.md": [_sha("甲")]}, "writing": {"b.md": _sha("乙")}}
    (tmp_path / JOURNAL).write_text(json.dumps(journal), encoding="utf-8")
    (tmp_path / "b.md").write_text("别人写的", encoding="utf-8")
    with pytest.raises(OutputConflict, match="b.md"):
        write_pages(tmp_path, {"a.md": "甲", "b.md": "乙"})
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == "别人写的"
    result = write_pages(tmp_path, {"a.md": "甲二"})
    assert result.recovered and (tmp_path / "b.md").exists() and not (tmp_path / JOURNAL).exists()


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
