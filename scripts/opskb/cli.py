"""The ``opskb`` command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .ingest.write import OutputConflict
from .knowledge.curation import CurationError


def _ingest(args: argparse.Namespace) -> int:
    from .pipeline import ingest

    try:
        if getattr(args, "curation", None):
            import os

            os.environ["OPSKB_CURATION"] = args.curation
        ingest(Path(args.seeds), Path(args.out), Path(args.report) if args.report else None,
               echo=print, show_progress=sys.stderr.isatty())
    except (FileNotFoundError, OutputConflict, CurationError) as exc:
        print(f"opskb: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"opskb: 已中断；{args.out} 可能只写了一部分，再运行一次 opskb ingest 即可自动恢复", file=sys.stderr)
        return 130
    return 0


def _serve(args: argparse.Namespace) -> int:
    from .site.preview import serve

    serve(args.rest)
    return 0  # not reached: the process is mkdocs serve now


def _index(args: argparse.Namespace) -> int:
    from .site.searchindex import build

    site = Path(args.site)
    if not site.is_dir():
        print(f"opskb: {site}：站点目录不存在（先运行 mkdocs build 或 zensical build）", file=sys.stderr)
        return 2
    figures = build(site)
    print(f"搜索索引：{figures['pages']} 个页面，{figures['tokens']} 个词，{figures['shards']} 个分片，"
          f"{figures['bytes'] / 1e6:.1f} MB，用时 {figures['seconds']:.2f} 秒")
    return 0


def _bench(args: argparse.Namespace) -> int:
    from .bench import bench, table

    try:
        if args.collection:
            from .benchcollection import bench_collection
            from .benchcollection import table as collection_table

            folders = [Path(f) for f in args.collection]
            out = Path(args.collection_json) if args.collection_json else None
            if args.collection_only:
                print(collection_table(bench_collection(folders, out or (Path(args.json) if args.json else None))))
                return 0
        results = bench(args.articles, Path(args.json) if args.json else None, site_dir=Path(args.site) if args.site else None)
        print(table(results))
        if args.collection:
            print()
            print(collection_table(bench_collection(folders, out)))
    except (FileExistsError, FileNotFoundError) as exc:
        print(f"opskb: {exc}", file=sys.stderr)
        return 2
    return 0


def _search_eval(args: argparse.Namespace) -> int:
    import json

    from .searcheval import describe, run

    for folder in (args.seeds, args.articles):
        if not Path(folder).is_dir():
            print(f"opskb: {folder}：目录不存在", file=sys.stderr)
            return 2
    result = run(Path(args.seeds), Path(args.articles))
    print(describe(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


def _eval(args: argparse.Namespace) -> int:
    import json

    from .evaluate import evaluate, table

    try:
        results = evaluate(Path(args.folder), Path(args.labels) if args.labels else None,
                           baseline=not args.no_baseline and not args.as_text and not args.as_excerpt,
                           as_text=args.as_text, as_excerpt=args.as_excerpt)
    except FileNotFoundError as exc:
        print(f"opskb: {exc}", file=sys.stderr)
        return 2
    print(table(results, verbose=args.verbose))
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="opskb", description="运营知识库：把采集的文章清理成知识库页面")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="读取 seeds/ 下的每个文件，生成 docs/ 下的页面")
    p.add_argument("--seeds", default="seeds", help="种子目录（默认 seeds/）")
    p.add_argument("--out", default="docs", help="输出目录（默认 docs/）")
    p.add_argument("--report", help="把每个文件的处理结果写成 JSON")
    p.add_argument("--curation", help="维护者的修正文件（默认 scripts/opskb/data/curation.yaml，或环境变量 OPSKB_CURATION）")
    p.set_defaults(func=_ingest)
    v = sub.add_parser("serve", help="预览站点：mkdocs serve，临时站点目录尽量放在内存盘上（其余参数原样交给 mkdocs serve）",
                       add_help=False)
    v.set_defaults(func=_serve)
    x = sub.add_parser("index", help="为构建好的站点生成搜索索引（MkDocs 构建时由钩子自动完成；Zensical 构建后手动运行）")
    x.add_argument("site", nargs="?", default="site", help="构建好的站点目录（默认 site/）")
    x.set_defaults(func=_index)
    b = sub.add_parser("bench", help="生成合成语料，测量整理和构建的速度、内存和去重效果")
    b.add_argument("--articles", type=int, default=1000, help="语料文章数（默认 1000）")
    b.add_argument("--json", help="把结果写成 JSON")
    b.add_argument("--site", help="把构建好的语料站点保留在这个目录")
    b.add_argument("--collection", action="append", metavar="DIR",
                   help="另测一个真实文章集合（可多次给出，文件合在一起）：冷启动整理、站点构建、纯 MkDocs 参照、"
                        "预览中改一篇文章到页面更新、内存峰值，以及与目标的比值")
    b.add_argument("--collection-json", help="把真实集合的结果写成 JSON")
    b.add_argument("--collection-only", action="store_true", help="只测真实集合，不跑合成语料")
    b.set_defaults(func=_bench)
    se = sub.add_parser("search-eval", help="用文章自带的标签当查询，评估站内搜索，并与 BM25 对比")
    se.add_argument("articles", help="带 **Tags:** 行的文章目录（如 ../shared/devcollection/articles）")
    se.add_argument("--seeds", default="seeds", help="一起构建的种子目录（默认 seeds/）")
    se.add_argument("--json", help="把逐个查询的结果写成 JSON")
    se.set_defaults(func=_search_eval)
    e = sub.add_parser("eval", help="在标注过的真实网页上评估清理效果，并与单用 trafilatura 对比")
    e.add_argument("folder", help="标注目录：网页在 pages/ 下（或直接在目录中），标注在 labels.json")
    e.add_argument("--labels", help="标注文件（默认 FOLDER/labels.json）")
    e.add_argument("--json", help="把逐个文件的结果写成 JSON")
    e.add_argument("--verbose", "-v", action="store_true", help="列出丢失的正文行和残留的杂项行")
    e.add_argument("--no-baseline", action="store_true", help="不运行 trafilatura 对比")
    e.add_argument("--as-text", action="store_true", help="把每个 HTML 网页换成它的全文复制件（整页文字，含导航和页脚）再评估，标注不变")
    e.add_argument("--as-excerpt", action="store_true",
                   help="把每个 HTML 网页换成从全文复制件里截取的片段（标题和正文，上下各带几行网站内容）再评估，只计片段里的杂项")
    e.set_defaults(func=_eval)
    args, rest = parser.parse_known_args(argv)
    if rest and args.command != "serve":
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    args.rest = rest
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
