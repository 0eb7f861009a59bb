"""Small server-rendered SVG charts that read without JavaScript.

Every text that reaches the markup (labels, series names, hover titles) is escaped
here, so a requester called "<script>" is drawn as text, never as markup. Colours
come from CSS classes (static/css/vouch.css), not inline styles, to suit the CSP.
Each chart carries a <title> and <desc> for assistive technology, and each bar its
own <title> as hover text; the pages show the same figures as a table too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import count

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_ids = count(1)


@dataclass(frozen=True)
class Series:
    key: str  # used in the CSS class "series-<key>"
    label: str


def _num(value: float) -> str:
    """Return a coordinate with at most one decimal."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _css_key(key: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in key)[:40]


def _nice_max(value: float) -> float:
    """Return a round number at least `value`, for the top of an axis."""
    if value <= 0:
        return 1
    step = 1
    while step * 10 <= value:
        step *= 10
    for factor in (1, 2, 5, 10):
        if factor * step >= value:
            return factor * step
    return 10 * step


def _open(title: str, desc: str, width: int, height: int, extra_class: str = "") -> list[str]:
    uid = f"chart{next(_ids)}"
    css = f"chart {extra_class}".strip()
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{uid}-t {uid}-d" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{uid}-t">{escape(title)}</title>',
        f'<desc id="{uid}-d">{escape(desc)}</desc>',
    ]


def stacked_bars(
    *,
    title: str,
    desc: str,
    columns: Sequence[tuple[str, dict[str, int]]],
    series: Sequence[Series],
    width: int = 720,
    height: int = 260,
) -> SafeString:
    """Return an SVG of one stacked bar per column: [(label, {series key: count})].

    Each bar shows its total above it and each segment has a hover title; a legend
    names the series. Zero-height segments are left out.
    """
    left, right, top, bottom, legend = 40, 10, 18, 24, 22
    plot_w, plot_h = width - left - right, height - top - bottom - legend
    totals = [sum(values.get(s.key, 0) for s in series) for _label, values in columns]
    axis_max = _nice_max(max(totals, default=0))
    out = _open(title, desc, width, height, "stacked")
    for tick in (0, axis_max / 2, axis_max):
        y = top + plot_h - plot_h * tick / axis_max
        out.append(
            f'<line class="grid" x1="{left}" x2="{width - right}" y1="{_num(y)}" y2="{_num(y)}"/>'
        )
        out.append(
            f'<text class="axis" x="{left - 4}" y="{_num(y + 4)}" text-anchor="end">'
            f"{escape(_num(tick))}</text>"
        )
    slot = plot_w / max(len(columns), 1)
    bar_w = max(slot * 0.7, 1)
    for index, ((label, values), total) in enumerate(zip(columns, totals, strict=True)):
        x = left + index * slot + (slot - bar_w) / 2
        y = top + plot_h
        out.append('<g class="bar">')
        for s in series:
            value = values.get(s.key, 0)
            if value <= 0:
                continue
            h = plot_h * value / axis_max
            y -= h
            out.append(
                f'<rect class="series-{_css_key(s.key)}" x="{_num(x)}" y="{_num(y)}" '
                f'width="{_num(bar_w)}" height="{_num(h)}">'
                f"<title>{escape(f'{label}: {s.label} {value}')}</title></rect>"
            )
        out.append(
            f'<text class="value" x="{_num(x + bar_w / 2)}" y="{_num(y - 3)}" '
            f'text-anchor="middle">{total}</text>'
        )
        out.append(
            f'<text class="label" x="{_num(x + bar_w / 2)}" y="{_num(top + plot_h + 14)}" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
        out.append("</g>")
    x = left
    y = height - 6
    for s in series:
        out.append(
            f'<rect class="series-{_css_key(s.key)}" x="{x}" y="{y - 9}" width="10" height="10"/>'
        )
        out.append(f'<text class="legend" x="{x + 14}" y="{y}">{escape(s.label)}</text>')
        x += 28 + 7 * len(s.label)
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped


def horizontal_bars(
    *,
    title: str,
    desc: str,
    rows: Sequence[tuple[str, float]],
    value_format: str = "{:g}",
    max_value: float | None = None,
    css_class: str = "series-bar",
    width: int = 720,
    row_height: int = 22,
    label_width: int = 260,
) -> SafeString:
    """Return an SVG with one labelled horizontal bar per row: [(label, value)].

    The value is written at the end of each bar; `max_value` fixes the scale
    (for example 1 for shares), otherwise the largest value fills the width.
    """
    right = 60
    height = max(len(rows), 1) * row_height + 8
    top_value = max_value if max_value is not None else max((v for _l, v in rows), default=0)
    top_value = top_value or 1
    plot_w = width - label_width - right
    out = _open(title, desc, width, height, "hbars")
    if not rows:
        out.append(f'<text class="label" x="0" y="{row_height - 6}">—</text>')
    for index, (label, value) in enumerate(rows):
        y = 4 + index * row_height
        shown = label if len(label) <= 40 else label[:39] + "…"
        text = value_format.format(value)
        w = max(plot_w * min(value, top_value) / top_value, 0)
        out.append('<g class="bar">')
        out.append(f"<title>{escape(f'{label}: {text}')}</title>")
        out.append(
            f'<text class="label" x="{label_width - 6}" y="{y + row_height - 8}" '
            f'text-anchor="end">{escape(shown)}</text>'
        )
        out.append(
            f'<rect class="{escape(css_class)}" x="{label_width}" y="{y + 2}" '
            f'width="{_num(w)}" height="{row_height - 6}"/>'
        )
        out.append(
            f'<text class="value" x="{_num(label_width + w + 4)}" y="{y + row_height - 8}">'
            f"{escape(text)}</text>"
        )
        out.append("</g>")
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped
