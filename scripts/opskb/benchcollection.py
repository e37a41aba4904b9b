"""`opskb bench --collection DIR`: what a maintainer waits for on a real collection, in one run.

Each phase runs in a process of its own (its peak memory is its own), on a fresh copy of
the site sources whose seeds folder holds a copy of the collection's files, as a
maintainer's seeds folder holds files of its own (the preview is told of edits in such a
folder by the system, see site/watch.py; a folder of links is polled). The collection
itself is not changed:

1. ``opskb ingest``, cold (no cache);
2. ``mkdocs build`` through the hook (ingest cached), search index included;
3. the same ingest again with nothing changed;
4. the floor: plain MkDocs and Material on the same generated Markdown (no hook, no
   tooltips extension, no search index): what the pages cost MkDocs itself;
5. the preview as ``make serve`` starts it (``opskb serve``, i.e. ``mkdocs serve`` with its
   site in a memory-backed temporary folder when there is one): from start to serving, then one article edited (a sentence added),
   timed until the server returns the rebuilt page, then edited back; the server's peak.

Ratios against the issue's targets (issue 16): cold ingest plus build at most 1.5 times
the floor, an edit at most 0.2 times the floor, peak memory at most 700 MB, an unchanged
rerun under 5 % of the cold ingest.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .bench import ROOT, project_copy

TARGETS = {"build_over_floor": 1.5, "edit_over_floor": 0.2, "peak_memory_mb": 700, "rerun_share": 0.05}
# the figures before this work (dev collection plus seeds, one quiet run each)
BEFORE = {"build_over_floor": 3.6, "edit_over_floor": 3.4, "peak_memory_mb": 561}
EDIT = "这一句是为测量预览速度而临时加入的修改。"
SERVE_TIMEOUT = 900.0


def copy_collection(folders: list[Path], seeds: Path) -> int:
    """``seeds`` holding a copy of every file of ``folders`` (hidden files left out, as
    ingest does); two files of one name are an error, not a silent choice."""
    seeds.mkdir(parents=True)
    n = 0
    for folder in folders:
        if not Path(folder).is_dir():
            raise FileNotFoundError(f"{folder}：文章目录不存在")
        for p in sorted(Path(folder).iterdir()):
            if p.name.startswith(".") or not p.is_file():
                continue
            target = seeds / p.name
            if target.is_symlink() or target.exists():
                raise FileExistsError(f"{p}：与 {target.resolve()} 同名，无法放进同一个种子目录")
            shutil.copyfile(p, target)
            n += 1
    return n


def _floor_child(work: Path, site: Path) -> dict:
    """Plain MkDocs on the generated docs/: mkdocs.yml without the hook and without our
    Markdown extension (the others, and the theme, as configured)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.utils.yaml import yaml_load

    os.chdir(work)
    with open("mkdocs.yml", encoding="utf-8") as fh:
        raw = yaml_load(fh)
    extensions = [e for e in raw.get("markdown_extensions", []) if not (isinstance(e, dict) and any(k.startswith("opskb.") for k in e))]
    build(load_config("mkdocs.yml", site_dir=str(site), hooks=[], markdown_extensions=extensions))
    return {}


def _run(phase: str, *args: str, cwd: Path | None = None) -> dict:
    from .bench import _run_child

    return _run_child(phase, *args, cwd=cwd)


def free_port() -> int:
    """A port on 127.0.0.1 nobody listens on (for a mkdocs serve of our own)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> str:
    """The page, or "" while the server is (re)building."""
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _wait(predicate, timeout: float, proc: subprocess.Popen, log: Path) -> float:
    """Seconds until ``predicate()`` holds (polled every 50 ms)."""
    start = time.perf_counter()
    while not predicate():
        if proc.poll() is not None:
            raise RuntimeError(f"mkdocs serve 已退出：\n{log.read_text(errors='replace')[-3000:]}")
        if time.perf_counter() - start > timeout:
            raise RuntimeError(f"mkdocs serve 超过 {timeout:g} 秒没有完成：\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.05)
    return time.perf_counter() - start


def _peak_mb(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def edited(data: bytes) -> bytes:
    """The article with one sentence added after its first full stop (or at its end)."""
    text = data.decode("utf-8", "surrogateescape")
    at = text.find("。")
    text = text[: at + 1] + EDIT + text[at + 1:] if at >= 0 else text + "\n" + EDIT + "\n"
    return text.encode("utf-8", "surrogateescape")


def pick_article(report: list[dict]) -> tuple[str, str]:
    """A UTF-8 article with a page of its own, from the middle of the collection by name:
    (file name, page address)."""
    candidates = sorted((Path(e["path"]).name, e["page"]) for e in report
                        if e.get("page") and not e.get("skipped") and e.get("encoding") in ("utf-8", "ascii"))
    if not candidates:
        raise RuntimeError("集合里没有可编辑的 UTF-8 文章")
    name, page = candidates[len(candidates) // 2]
    return name, page[: -len(".md")] + ".html"


def serve_edit(work: Path, name: str, url_path: str) -> dict:
    """`mkdocs serve` in ``work``: seconds to the first served page, seconds from editing
    ``name`` to the server returning its rebuilt page, the same for the edit undone, and the
    server's peak memory."""
    seed = work / "seeds" / name
    original = seed.read_bytes()
    port = free_port()
    url = f"http://127.0.0.1:{port}/{url_path}"
    log = work / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    with log.open("w") as out:
        # as make serve starts it (opskb serve: the preview site in a memory-backed folder when there is one)
        proc = subprocess.Popen([sys.executable, "-m", "opskb.cli", "serve", "-a", f"127.0.0.1:{port}"],
                                cwd=work, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        _wait(lambda: "</html>" in get(url), SERVE_TIMEOUT, proc, log)
        startup = time.perf_counter() - start
        time.sleep(1.0)  # the watcher is running

        def builds() -> int:
            # the hook's line, once per build (MkDocs drops a "Documentation built in" line
            # that repeats an earlier one: two builds of equal duration would count as one)
            return log.read_text(errors="replace").count("opskb：本次重建")

        before = builds()
        seed.write_bytes(edited(original))
        edit = _wait(lambda: EDIT in get(url), SERVE_TIMEOUT, proc, log)
        _wait(lambda: builds() > before, SERVE_TIMEOUT, proc, log)  # the rest of that build too
        time.sleep(1.0)
        seed.write_bytes(original)
        undo = _wait(lambda: (page := get(url)) and "</html>" in page and EDIT not in page, SERVE_TIMEOUT, proc, log)
        _wait(lambda: builds() > before + 1, SERVE_TIMEOUT, proc, log)
        peak = _peak_mb(proc.pid)
        stats = re.findall(r"opskb：本次重建.*", log.read_text(errors="replace"))
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return {"startup_seconds": startup, "edit_seconds": edit, "undo_seconds": undo, "peak_memory_mb": peak,
            "edited": name, "page": url_path, "rebuilds": stats[1:]}


def bench_collection(folders: list[Path], json_path: Path | None = None, workdir: Path = ROOT / "bench") -> dict:
    work = Path(workdir) / "collection-site"
    project_copy(ROOT / "seeds", work, link_seeds=True)  # the sources; the seeds folder is made below
    (work / "seeds").unlink()
    files = copy_collection([Path(f) for f in folders], work / "seeds")
    size = sum(p.stat().st_size for p in (work / "seeds").iterdir())
    docs, site = work / "docs", work / "site"
    report = work / "report.json"
    ingest = _run("ingest", str(work / "seeds"), str(docs), str(report))
    build = _run("mkdocs", str(work), str(site))
    rerun = _run("ingest", str(work / "seeds"), str(docs))
    floor = _run("floor", str(work), str(work / "site-floor"))
    entries = json.loads(report.read_text(encoding="utf-8"))
    name, page = pick_article(entries)
    serve = serve_edit(work, name, page)
    pages = sum(1 for _p in site.rglob("*.html"))
    peak = max(ingest["peak_memory_mb"], build["peak_memory_mb"], rerun["peak_memory_mb"], serve["peak_memory_mb"])
    results = {
        "collection": [str(f) for f in folders],
        "files": files,
        "collection_mb": round(size / 1e6, 1),
        "articles": sum(1 for e in entries if e.get("page")),
        "pages": pages,
        "ingest_seconds": round(ingest["seconds"], 2),
        "ingest_peak_memory_mb": round(ingest["peak_memory_mb"], 1),
        "build_seconds": round(build["seconds"], 2),
        "build_peak_memory_mb": round(build["peak_memory_mb"], 1),
        "rerun_seconds": round(rerun["seconds"], 3),
        "floor_seconds": round(floor["seconds"], 2),
        "floor_peak_memory_mb": round(floor["peak_memory_mb"], 1),
        "serve_startup_seconds": round(serve["startup_seconds"], 2),
        "edit_seconds": round(serve["edit_seconds"], 2),
        "undo_seconds": round(serve["undo_seconds"], 2),
        "serve_peak_memory_mb": round(serve["peak_memory_mb"], 1),
        "edited": serve["edited"],
        "edited_page": serve["page"],
        "rebuilds": serve["rebuilds"],
        "peak_memory_mb": round(peak, 1),
        "machine": f"{os.cpu_count()} CPU, Python {sys.version.split()[0]}, {os.uname().sysname} {os.uname().machine}",
    }
    f = results["floor_seconds"] or 1e-9
    results["ratios"] = {
        "build_over_floor": round((results["ingest_seconds"] + results["build_seconds"]) / f, 2),
        "edit_over_floor": round(max(results["edit_seconds"], results["undo_seconds"]) / f, 2),
        "peak_memory_mb": results["peak_memory_mb"],
        "rerun_share": round(results["rerun_seconds"] / (results["ingest_seconds"] or 1e-9), 4),
    }
    r = results["ratios"]
    results["targets"] = {
        "ingest_and_build_at_most_1.5x_floor": r["build_over_floor"] <= TARGETS["build_over_floor"],
        "edit_at_most_0.2x_floor": r["edit_over_floor"] <= TARGETS["edit_over_floor"],
        "peak_memory_at_most_700_mb": r["peak_memory_mb"] <= TARGETS["peak_memory_mb"],
        "rerun_under_5_percent": r["rerun_share"] < TARGETS["rerun_share"],
    }
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return results


def table(results: dict) -> str:
    r = results["ratios"]
    rows = [
        ("集合", f"{results['files']} 个文件，{results['collection_mb']} MB，{results['articles']} 篇文章，{results['pages']} 个页面"),
        ("整理（冷启动）", f"{results['ingest_seconds']} 秒，内存峰值 {results['ingest_peak_memory_mb']} MB"),
        ("站点构建（钩子，含搜索索引）", f"{results['build_seconds']} 秒，内存峰值 {results['build_peak_memory_mb']} MB"),
        ("无变化重跑", f"{results['rerun_seconds']} 秒（整理的 {r['rerun_share'] * 100:.1f}%）"),
        ("参照：纯 MkDocs 构建同样的页面", f"{results['floor_seconds']} 秒"),
        ("预览：启动到可访问", f"{results['serve_startup_seconds']} 秒"),
        ("预览：改一篇文章到页面更新", f"{results['edit_seconds']} 秒（改回：{results['undo_seconds']} 秒），内存峰值 {results['serve_peak_memory_mb']} MB"),
        ("（整理 + 构建）÷ 纯 MkDocs", f"{r['build_over_floor']}（之前 {BEFORE['build_over_floor']}，目标 ≤ {TARGETS['build_over_floor']}）"),
        ("改一篇到预览 ÷ 纯 MkDocs", f"{r['edit_over_floor']}（之前 {BEFORE['edit_over_floor']}，目标 ≤ {TARGETS['edit_over_floor']}）"),
        ("内存峰值", f"{r['peak_memory_mb']} MB（之前 {BEFORE['peak_memory_mb']} MB，目标 ≤ {TARGETS['peak_memory_mb']} MB）"),
    ]
    width = max(len(k) for k, _v in rows) + 2
    lines = [f"{k.ljust(width, '　')}{v}" for k, v in rows]
    lines += [f"目标 {k}: {'达到' if ok else '未达到'}" for k, ok in results["targets"].items()]
    return "\n".join(lines)
