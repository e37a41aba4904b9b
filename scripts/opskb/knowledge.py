"""Knowledge pages built from the articles (home page for now)."""

from __future__ import annotations

from .records import Article
from .render import front_matter


def knowledge_pages(articles: list[Article]) -> dict[str, str]:
    home = front_matter({"title": "运营知识库"}) + f"# 运营知识库\n\n共 {len(articles)} 篇来源文章，见[来源](sources/index.md)。\n"
    return {"index.md": home}
