"""A page's content (GB/T 33190 §11): every TextObject's characters as positioned glyphs.

A ``TextObject`` has a ``Boundary`` (x y w h, in mm on the page), an optional ``CTM``
(a b c d e f, from the object's space into the boundary's), a font (``Font``, an ID in a
resource file), a ``Size`` and an ``HScale``. Its ``TextCode`` children place runs of
characters: ``X``/``Y`` is the first character's baseline origin, ``DeltaX``/``DeltaY`` the
steps to each next one, where ``g N d`` stands for N steps of d. Where a step is missing,
the character's own width (an em for CJK, half an em else) is the step. A ``TextCode``
without ``X``/``Y`` goes on from where the previous one ended.

Glyph boxes are the advance (the step to the next character, at most the width), from
the baseline up 0.88 em and down 0.12 em, as PDF's loose boxes are. Text that does not run
with the page (a CTM that turns or mirrors it: a seal's ring of characters, a diagonal
watermark) is set apart, as the PDF loader does.

Layers, page blocks and composite objects are walked in document order; a template page
is read before the page (``Background``, the default) or after it (``Foreground``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..pdf.lines import is_cjk
from ..pdf.text import SPACE, Glyph
from .package import MM, local

if TYPE_CHECKING:
    from lxml.etree import _Element

ASCENT, DESCENT = 0.88, 0.12
_TURNED = 0.09  # radians, about 5°
_SPACES = frozenset(" \u00a0\u3000")
_NUMBER = re.compile(r"g|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


@dataclass(slots=True)
class PageGlyphs:
    glyphs: list[Glyph] = field(default_factory=list)
    turned: list[str] = field(default_factory=list)
    images: int = 0


FontOf = Callable[[str, bool], int]  # font ID, bold → index into the font table
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def read_content(root: _Element, out: PageGlyphs, font_of: FontOf) -> None:
    """Add the glyphs of a page (or template page) element to ``out``."""
    for element in root.iter():
        name = local(element)
        if name == "TextObject":
            _text_object(element, out, font_of)
        elif name == "ImageObject":
            out.images += 1


def steps(value: str | None, limit: int = 100_000) -> list[float]:
    """``DeltaX``/``DeltaY``: numbers, ``g N d`` repeating d N times; at most ``limit``
    (a run needs one fewer than it has characters: a hostile ``g 999999999 1`` expands no
    further).

    >>> steps("5.6 g 3 2.8 5.6")
    [5.6, 2.8, 2.8, 2.8, 5.6]
    """
    if not value:
        return []
    tokens = _NUMBER.findall(value)
    out: list[float] = []
    k = 0
    while k < len(tokens) and len(out) < limit:
        if tokens[k] == "g" and k + 2 < len(tokens):
            count = min(_number(tokens[k + 1]), limit - len(out))
            out.extend([_number(tokens[k + 2])] * max(0, int(count)))
            k += 3
        elif tokens[k] != "g":
            out.append(_number(tokens[k]))
            k += 1
        else:
            break
    return out


def _number(token: str, default: float = 0.0) -> float:
    """A finite number, or ``default``: 1e999 parses as infinity, which no position is."""
    try:
        value = float(token)
    except ValueError:
        return default
    return value if math.isfinite(value) else default


def _floats(value: str | None, count: int) -> list[float] | None:
    try:
        parts = [float(v) for v in (value or "").replace(",", " ").split()]
    except ValueError:
        return None
    if len(parts) != count or not all(math.isfinite(v) for v in parts):
        return None
    return parts


def _text_object(obj: _Element, out: PageGlyphs, font_of: FontOf) -> None:
    boundary = _floats(obj.get("Boundary"), 4) or [0.0, 0.0, 0.0, 0.0]
    ctm = tuple(_floats(obj.get("CTM"), 6) or _IDENTITY)
    a, b, c, d, e, f = ctm
    scale = math.sqrt(abs(a * d - b * c)) or 1.0
    turned = abs(math.atan2(b, a)) > _TURNED or a * d - b * c < 0
    size = _number(obj.get("Size") or "", 0.0)
    size = size if 0 < size < 1000 else 3.5  # mm; 3.5 is 小五
    hscale = _number(obj.get("HScale") or "1", 1.0) or 1.0
    bold = _number(obj.get("Weight") or "400", 400) >= 700
    font = font_of(obj.get("Font", ""), bold)
    em = size * scale * MM
    x = y = 0.0
    for code in obj:
        if local(code) != "TextCode":
            continue
        text = code.text or ""
        x = _number(code.get("X") or "", x)
        y = _number(code.get("Y") or "", y)
        dx, dy = steps(code.get("DeltaX"), len(text)), steps(code.get("DeltaY"), len(text))
        for k, char in enumerate(text):
            width = size * (1.0 if is_cjk(char) else 0.5) * hscale
            step = dx[k] if k < len(dx) else width
            if turned:
                out.turned.append(char)
            else:
                px = boundary[0] + a * x + c * y + e
                py = boundary[1] + b * x + d * y + f
                advance = min(width, step) if step > 0 else width
                x0, base = px * MM, py * MM
                glyph_char = SPACE if char in _SPACES else char
                out.glyphs.append(
                    Glyph(
                        glyph_char,
                        x0,
                        x0 + max(advance * scale * MM, 0.01),
                        base - ASCENT * em,
                        base + DESCENT * em,
                        base,
                        em,
                        font,
                    )
                )
            x += step
            y += dy[k] if k < len(dy) else 0.0
