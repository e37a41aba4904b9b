"""The ``opskb`` command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .write import OutputConflict


def _ingest(args: argparse.Namespace) -> int:
    from .pipeline import ingest

    try:
        ingest(Path(args.seeds), Path(args.out), Path(args.report) if args.report else None,
               echo=print, show_progress=sys.stderr.isatty())
    except (FileNotFoundError, OutputConflict) as exc:
        print(f"opskb: {exc}", file=sys.stderr)
        return 2
    return 0


def _bench(args: argparse.Namespace) -> int:
    from .bench import bench, table

    results = bench(args.articles, Path(args.json) if args.json else None)
    print(table(results))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="opskb", description="运营知识库：把采集的文章清理成知识库页面")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="读取 seeds/ 下的每个文件，生成 docs/ 下的页面")
    p.add_argument("--seeds", default="seeds", help="种子目录（默认 seeds/）")
    p.add_argument("--out", default="docs", help="输出目录（默认 docs/）")
    p.add_argument("--report", help="把每个文件的处理结果写成 JSON")
    p.set_defaults(func=_ingest)
    b = sub.add_parser("bench", help="生成合成语料，测量整理和构建的速度、内存和去重效果")
    b.add_argument("--articles", type=int, default=1000, help="语料文章数（默认 1000）")
    b.add_argument("--json", help="把结果写成 JSON")
    b.set_defaults(func=_bench)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
