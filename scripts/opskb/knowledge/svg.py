"""Small diagrams drawn at build time as standalone SVG (no script, no remote font)."""

from __future__ import annotations

from xml.sax.saxutils import escape

_FONT = 'font-family="system-ui, -apple-system, &quot;PingFang SC&quot;, &quot;Microsoft YaHei&quot;, sans-serif"'
_COLORS = ("#00897b", "#26a69a", "#80cbc4", "#b2dfdb", "#e0f2f1")


def pyramid(levels: list[str], title: str) -> str:
    """A layered pyramid, top level first."""
    n = len(levels)
    width, row, top = 420, 56, 36
    height = top + n * row + 12
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
        f'<title>{escape(title)}</title>',
        f'<rect width="{width}" height="{height}" rx="8" fill="#fafafa"/>',  # readable in dark mode too
        f'<text x="{width / 2}" y="22" text-anchor="middle" font-size="15" {_FONT} fill="#37474f">{escape(title)}</text>',
    ]
    cx = width / 2
    for i, label in enumerate(levels):
        y0, y1 = top + i * row, top + (i + 1) * row - 4
        w0, w1 = 60 + i * (300 / n), 60 + (i + 1) * (300 / n)
        pts = f"{cx - w0 / 2:.1f},{y0} {cx + w0 / 2:.1f},{y0} {cx + w1 / 2:.1f},{y1} {cx - w1 / 2:.1f},{y1}"
        out.append(f'<polygon points="{pts}" fill="{_COLORS[i % len(_COLORS)]}"/>')
        out.append(
            f'<text x="{cx}" y="{(y0 + y1) / 2 + 5:.1f}" text-anchor="middle" font-size="14" {_FONT} '
            f'fill="#ffffff">{escape(label)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def bars(items: list[tuple[str, float]], title: str) -> str:
    """Horizontal bars for shares given in percent."""
    width, row, top, label_w = 420, 34, 36, 96
    height = top + len(items) * row + 8
    scale = (width - label_w - 56) / max((v for _l, v in items), default=1)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
        f'<title>{escape(title)}</title>',
        f'<rect width="{width}" height="{height}" rx="8" fill="#fafafa"/>',  # readable in dark mode too
        f'<text x="{width / 2}" y="22" text-anchor="middle" font-size="15" {_FONT} fill="#37474f">{escape(title)}</text>',
    ]
    for i, (label, value) in enumerate(items):
        y = top + i * row
        out.append(f'<text x="{label_w - 8}" y="{y + 19}" text-anchor="end" font-size="13" {_FONT} fill="#37474f">{escape(label)}</text>')
        out.append(f'<rect x="{label_w}" y="{y + 4}" width="{value * scale:.1f}" height="22" rx="3" fill="{_COLORS[i % len(_COLORS)]}"/>')
        out.append(f'<text x="{label_w + value * scale + 6:.1f}" y="{y + 19}" font-size="13" {_FONT} fill="#37474f">{value:g}%</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
