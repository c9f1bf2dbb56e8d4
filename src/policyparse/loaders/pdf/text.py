"""PDF pages as positioned glyphs, read with pypdfium2 (PDFium's text layer).

Per page, every drawn character becomes a :class:`Glyph`: its Unicode, its *loose* box (the
glyph's advance and the font's ascent/descent, so that the gap between two boxes is real
white space, not the side bearing of a narrow glyph such as 〕), its baseline, size and font.
Coordinates are display points: x grows to the right and y downwards from the top of the
page's crop box, after the page's /Rotate.

Left out on purpose:

- line ends and the spaces PDFium makes up at gaps (it puts one at every font switch,
  ``〔2020〕19 号``): :mod:`.pdf_lines` judges spacing from the gaps themselves and from the
  spaces the PDF really draws, which are kept as glyphs (full-width ones too);
- text that does not run with the page (diagonal watermarks, vertical margin notes).

Also per page: the glyphs PDFium could not map to Unicode (U+FFFD, controls, private use),
counted, and the ruling lines of its paths (:mod:`.pdf_paths`), for the table finder.
"""

from __future__ import annotations

import ctypes
import math
import re
import struct
from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ...errors import LoadError
from . import ffi, paths
from .paths import Segment, display

# 黑体/楷体 faces by PostScript or family name: SimHei, STHeiti, Microsoft YaHei, FZHTK and
# FZDHTK (方正黑体, 大黑), KaiTi, STKaiti, FZKTK (方正楷体) — not HeiseiMin, a Japanese Song.
# A face counts only where the body is set in another (:mod:`.pdf_layout`), so a document
# set wholly in 黑体 has no heading face.
_HEADING_FACE = re.compile(r"hei(?!sei)|kai|黑|楷|FZHTK|FZDHTK|FZKTK", re.I)
_BOLD_FACE = re.compile(r"bold|black|heavy|semibold|demi|,B\b", re.I)
_RENDER_FILL_STROKE = 2  # PDF text rendering mode 2: fill then stroke, a simulated bold
_ANGLE_TOLERANCE = 0.09  # radians, about 5°
_SPACES = frozenset((0x20, 0xA0, 0x3000))
_INVISIBLE = frozenset((0xFEFF, 0x200B, 0xFFFE))
SPACE = " "  # a drawn space: kept as a glyph, so that lines can tell a typed space
# A loose box is the font's ascent and descent. A font the PDF does not embed gives them
# from its descriptor, where some writers put 0 or values many ems apart; a box outside
# this range of ems is replaced by one of a typical CJK face (ascent 0.88 em) around the
# baseline, so that line heights and the gaps between lines stay real.
ODD_BOX = (0.5, 2.0)
ASCENT = 0.88
# The box tops of a horizontal run differ by their glyphs' shapes; a vertical run's step by
# a glyph's height. More than this many ems apart: vertical.
STEP = 0.5


@dataclass(frozen=True, slots=True)
class Font:
    name: str
    heading: bool  # a 黑体/楷体 face by name
    bold: bool  # bold by name or weight, or drawn filled and stroked


@dataclass(slots=True)
class Glyph:
    char: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float  # the baseline's y (loose boxes follow each font's own descent)
    size: float
    font: int  # index into the document's font list


@dataclass(slots=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    glyphs: list[Glyph]
    rules: list[Segment]  # straight horizontal and vertical pieces of its paths
    unmapped: int  # glyphs PDFium gave no Unicode for
    turned: str = ""  # text left out because it does not run with the page (watermarks)
    # Text objects PDFium read no character from at all: a lone glyph in a font without
    # widths (a non-embedded CID font) vanishes that way. The page is read again.
    lost: int = 0
    objects: int = 0  # page objects of every kind: what a second reading would cost
    turned_page: bool = False  # its text runs a quarter turn off the page and was read so


_LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_FORMAT: "damaged or truncated (PDFium: data format error)",
    pdfium_c.FPDF_ERR_FILE: "cannot be read (PDFium: file error)",
    pdfium_c.FPDF_ERR_PAGE: "no readable page (PDFium: page error)",
    pdfium_c.FPDF_ERR_UNKNOWN: "cannot be opened (PDFium: unknown error)",
}


def open_document(data: bytes) -> pdfium.PdfDocument:
    """The document, or a :class:`LoadError` that says why it cannot be read."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise LoadError(
                "encrypted PDF (password protected); decrypt it first (e.g. qpdf --decrypt)"
            ) from error
        if error.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise LoadError("encrypted PDF with an unsupported security handler") from error
        reason = _LOAD_ERRORS.get(error.err_code or 0, f"cannot be opened ({error})")
        raise LoadError(f"corrupt PDF: {reason}") from error


def read_pages(data: bytes) -> tuple[list[Page], FontTable]:
    """Every page of the document, and the fonts their glyphs refer to."""
    document = open_document(data)
    fonts = FontTable()
    try:
        return [read_page(document, index, fonts) for index in range(len(document))], fonts
    except pdfium.PdfiumError as error:  # a page PDFium cannot load or read
        raise LoadError(f"corrupt PDF: {error}") from error
    finally:
        document.close()


class FontTable:
    """Fonts met so far, each once; glyphs refer to them by index."""

    def __init__(self) -> None:
        self.fonts: list[Font] = []
        self._index: dict[tuple[str, bool], int] = {}
        # PDFium keeps one font object per font resource while the document is open.
        self._by_address: dict[tuple[int, bool], int] = {}
        self._buffer = ctypes.create_string_buffer(256)

    def of(self, textobj: int) -> int:
        """The index of a text object's font (given by address)."""
        address = ffi.font_of(textobj) or 0
        stroked = ffi.render_mode(textobj) == _RENDER_FILL_STROKE
        index = self._by_address.get((address, stroked))
        if index is None:
            name, weight = "", 400
            if address:
                font = ctypes.cast(address, pdfium_c.FPDF_FONT)
                length = pdfium_c.FPDFFont_GetBaseFontName(font, self._buffer, len(self._buffer))
                if length <= 1:
                    pdfium_c.FPDFFont_GetFamilyName(font, self._buffer, len(self._buffer))
                name = self._buffer.value.decode("utf-8", "replace")
                weight = pdfium_c.FPDFFont_GetWeight(font)
            index = self._by_address[(address, stroked)] = self.named(name, stroked, weight)
        return index

    def unknown(self) -> int:
        """The index of "no font" (a glyph PDFium cannot tie to a text object)."""
        return self.named("")

    def named(self, name: str, stroked: bool = False, weight: int = 400) -> int:
        """The index of a font known by name only (pdfplumber's reading)."""
        key = (name, stroked)
        index = self._index.get(key)
        if index is None:
            bold = stroked or weight >= 600 or bool(_BOLD_FACE.search(name))
            index = len(self.fonts)
            self.fonts.append(Font(name, bool(_HEADING_FACE.search(name)), bold))
            self._index[key] = index
        return index


def read_page(document: pdfium.PdfDocument, index: int, fonts: FontTable) -> Page:
    page = document[index]
    try:
        left, bottom, right, top = page.get_cropbox()
        box = (left, bottom, right, top)
        rotation = page.get_rotation() % 360
        textpage = page.get_textpage()
        seen: set[int] = set()
        try:
            glyphs, unmapped, turned, quarters = _glyphs(textpage, fonts, box, rotation, seen)
            quarter = _turned_page(glyphs, quarters)
            if quarter is not None:
                # The page's text runs a quarter turn off the page (a landscape table set
                # on a portrait page without /Rotate): read it the way it runs.
                rotation = (360 - 90 * quarter) % 360
                seen.clear()
                glyphs, unmapped, turned, _ = _glyphs(textpage, fonts, box, rotation, seen)
            objects = pdfium_c.FPDFPage_CountObjects(page.raw)
            lost, drawn = _walk_objects(page, seen, objects)
        finally:
            textpage.close()
        rules = paths.rules(drawn, box, rotation)
    finally:
        page.close()
    width, height = right - left, top - bottom
    if rotation in (90, 270):
        width, height = height, width
    return Page(
        index + 1, width, height, glyphs, rules, unmapped, turned, lost, objects,
        turned_page=quarter is not None,
    )  # fmt: skip


def _turned_page(glyphs: list[Glyph], quarters: Counter[int]) -> int | None:
    """The quarter turn (0–3) most of a page's text runs at, where that text outweighs the
    text that runs with the page; None for an ordinary page (a watermark is the smaller
    part)."""
    if not quarters:
        return None
    quarter, count = quarters.most_common(1)[0]
    return quarter if count > len(glyphs) else None


def _walk_objects(page: pdfium.PdfPage, seen: set[int], count: int) -> tuple[int, list[int]]:
    """One pass over the page's objects: how many text objects were lost (below), and the
    path and form objects, for :mod:`.paths` to find the page's rules in.

    Lost: text objects of the page no character came from because they have no width: a lone
    glyph of a font the PDF does not embed and gives no widths or bounding box for, which
    PDFium's text page skips (``CPDF_TextPage::ProcessTextObject`` drops an object
    narrower than 0.01 pt). pdfminer still reads those; :mod:`.fallback` asks it to.

    Not lost: empty text objects in embedded fonts (LibreOffice writes one for a trailing
    space), and copies of a text drawn over itself, which PDFium folds into the copy before
    (``IsSameAsPreTextObject``). A copy keeps its width, so it is told from a lost glyph by
    its bounds; were copies counted, a page of a million of them would be read again."""
    raw = ctypes.cast(page.raw, ctypes.c_void_p).value
    bounds = (ctypes.c_float * 4)()  # left, bottom, right, top
    at_left = ctypes.addressof(bounds)
    at_bottom, at_right, at_top = (at_left + 4 * k for k in (1, 2, 3))
    lost = 0
    drawn: list[int] = []
    object_at, object_type = ffi.object_at, ffi.object_type
    for k in range(count):
        obj = object_at(raw, k)
        if obj in seen:
            continue
        kind = object_type(obj)
        if kind != _TEXT:
            if kind in (_PATH, _FORM):
                drawn.append(obj)
            continue
        if not ffi.bounds(obj, at_left, at_bottom, at_right, at_top):
            continue  # no glyph at all (an empty string)
        if bounds[2] - bounds[0] >= _NO_WIDTH:
            continue  # a copy PDFium folded into the text it covers
        font = ffi.font_of(obj)
        if font and not ffi.is_embedded(font):
            lost += 1
    return lost, drawn


_NO_WIDTH = 0.01  # PDFium's kSizeEpsilon: a text object narrower than this gives no char
# PDFium's FS_RECTF and FS_MATRIX, read back in one call
_FOUR_FLOATS, _SIX_FLOATS = struct.Struct("4f").unpack_from, struct.Struct("6f").unpack_from
_TEXT, _PATH, _FORM = (
    pdfium_c.FPDF_PAGEOBJ_TEXT,
    pdfium_c.FPDF_PAGEOBJ_PATH,
    pdfium_c.FPDF_PAGEOBJ_FORM,
)


def _chars(raw: ctypes.c_void_p, count: int) -> str | list[str]:
    """Every char's character: one FPDFText_GetText call, or one call per char where the
    UTF-16 text does not line up with the char list (characters outside the BMP)."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(raw, 0, count, buffer) - 1
    if written == count:
        text = ctypes.string_at(buffer, 2 * count).decode("utf-16-le", "surrogatepass")
        if len(text) == count:  # a surrogate pair would have made one character of two
            return text
    return [chr(pdfium_c.FPDFText_GetUnicode(raw, k)) for k in range(count)]


_SPACE_CHARS = frozenset(chr(code) for code in _SPACES)
_INVISIBLE_CHARS = frozenset(chr(code) for code in _INVISIBLE)
_HARMLESS_CONTROLS = frozenset("\x00\x02\t\n\r")  # 2: PDFium's mark for a line-end hyphen


def _glyphs(
    textpage: pdfium.PdfTextPage,
    fonts: FontTable,
    box: tuple[float, float, float, float],
    rotation: int,
    seen: set[int],
) -> tuple[list[Glyph], int, str, Counter[int]]:
    """The page's upright glyphs, how many are unmapped, the text that does not run with
    the page, and how many of its characters run at each quarter turn from upright."""
    raw = textpage.raw
    address_of_raw = ffi.address(raw)
    left, _, _, top = box
    # PDFium measures a char's angle clockwise; text upright on a page turned clockwise by
    # /Rotate runs that much counter-clockwise in page space.
    want_angle = math.radians((360 - rotation) % 360)
    # Filled by PDFium, read back in one go (cheaper than ctypes fields one by one).
    loose = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    origin = (ctypes.c_double * 2)()
    at_loose, at_x = ctypes.addressof(loose), ctypes.addressof(origin)
    at_y = at_x + ctypes.sizeof(ctypes.c_double)
    em = _Em()
    glyphs: list[Glyph] = []
    append = glyphs.append
    unmapped = 0
    turned: list[str] = []
    quarters: Counter[int] = Counter()
    quarter: int | None = None
    current: int | None = None
    font, size, upright, odd, steady, base, run_top, step = (
        0,
        0.0,
        True,
        False,
        False,
        0.0,
        0.0,
        0.0,
    )
    # the per-char functions as locals: looked up once, not per char
    text_object_at, loose_box, origin_at = ffi.text_object_at, ffi.loose_box, ffi.origin
    for k, char in enumerate(_chars(raw, pdfium_c.FPDFText_CountChars(raw))):
        bad = False
        if not "\u3000" < char < "\ud800":  # most CJK text is inside: nothing to check
            if char in _SPACE_CHARS:
                if ffi.is_generated(address_of_raw, k):
                    continue  # PDFium's guess at a gap: spacing is judged from the gap
                char = SPACE
            elif char < " " or char in _INVISIBLE_CHARS:
                if char not in _HARMLESS_CONTROLS:
                    unmapped += 1  # a control character: a glyph without a Unicode mapping
                seen.add(text_object_at(address_of_raw, k) or 0)  # read, if as nothing
                continue
            elif "\ud800" <= char <= "\udfff":  # a lone surrogate (a broken ToUnicode map)
                char, bad = "\ufffd", True
            elif char == "\xad":
                char = "-"  # a drawn soft hyphen is a hyphen
            else:
                bad = char == "\ufffd" or "\ue000" <= char <= "\uf8ff"
        address = text_object_at(address_of_raw, k)
        loose_box(address_of_raw, k, at_loose)
        box_left, box_top, box_right, box_bottom = _FOUR_FLOATS(loose)
        if address != current:
            # Font, size, direction and baseline hold for a whole text object: asked once
            # per object, not per glyph.
            current = address
            if address:
                seen.add(address)
            font = fonts.of(address) if address else fonts.unknown()
            size, angle, horizontal = em(address_of_raw, k)
            if angle == want_angle:  # most objects: no turn to measure
                upright, quarter = True, None
            else:
                turn = abs(angle - want_angle) % (2 * math.pi)
                upright = angle < 0 or min(turn, 2 * math.pi - turn) < _ANGLE_TOLERANCE
                quarter = None if upright else _quarter(angle)
            height = box_top - box_bottom
            if size <= 0:
                size = height
            odd = not ODD_BOX[0] * size <= height <= ODD_BOX[1] * size
            # The glyphs of a text object set horizontally share the baseline of its first
            # glyph: the others are not asked for their origins. A vertically written
            # object (a CID font in WMode 1, which PDFium does not report) is told by its
            # glyphs' boxes stepping down the page; from there its glyphs are asked.
            steady = not rotation and horizontal
            if steady:
                origin_at(address_of_raw, k, at_x, at_y)
                base, run_top, step = top - origin[1], box_top, STEP * size
        elif steady and abs(box_top - run_top) > step:
            steady = False
        if not upright:
            turned.append(char)
            if quarter is not None:
                quarters[quarter] += 1
            continue
        if bad:
            unmapped += 1
        if rotation:
            origin_at(address_of_raw, k, at_x, at_y)
            x0, y0, x1, y1 = _rotate(box_left, box_top, box_right, box_bottom, box, rotation)
            base = display((origin[0], origin[1]), box, rotation)[1]
        else:
            if not steady:
                origin_at(address_of_raw, k, at_x, at_y)
                base = top - origin[1]
            x0, x1, y0, y1 = box_left - left, box_right - left, top - box_top, top - box_bottom
        if odd:
            y0, y1 = base - ASCENT * size, base + (1 - ASCENT) * size  # see ODD_BOX
        append(Glyph(char, x0, x1 if x1 > x0 else x0 + 0.01, y0, y1, base, size, font))
    return glyphs, unmapped, "".join(turned).strip(), quarters


def _quarter(angle: float) -> int | None:
    """0–3 where PDFium's angle of a char (clockwise) is that many quarter turns."""
    if angle < 0:
        return None
    quarter = round(angle / (math.pi / 2))
    off = abs(angle - quarter * math.pi / 2)
    return quarter % 4 if off < _ANGLE_TOLERANCE else None


class _Em:
    """The size of a char as drawn, in points, and its angle (clockwise, as
    FPDFText_GetCharAngle gives it, from the same matrix): the font size of its text
    object times the vertical scale of the char's matrix (text matrix and CTM).

    PDFium's font size is the ``Tf`` operand alone. Writers split the size between ``Tf``
    and the matrices as they please: ``/F1 1 Tf 16 0 0 16 x y Tm``, a ``0.75 … cm`` with
    the size in pixels, or WPS 文字's large ``Tf`` under a shrinking matrix. Taken for the
    size, a ``Tf`` of 100 drawn at 16 pt makes half an em 50 pt, which takes two or three
    neighbouring lines for one (their characters interleaved by x).

    Also whether the matrix has no rotation or skew (b = c = 0): a glyph's origin is the
    matrix applied to its advance along the run (PDFium's ``CPDF_TextObject::GetItemInfo``),
    so the glyphs of such an object, written horizontally, share one baseline.
    """

    def __init__(self) -> None:
        self._matrix = (ctypes.c_float * 6)()  # FS_MATRIX: a, b, c, d, e, f
        self._at = ctypes.addressof(self._matrix)

    def __call__(self, address_of_raw: int, k: int) -> tuple[float, float, bool]:
        size: float = ffi.font_size(address_of_raw, k)
        if not ffi.char_matrix(address_of_raw, k, self._at):
            return size, ffi.char_angle(address_of_raw, k), False
        a, b, c, d, _, _ = _SIX_FLOATS(self._matrix)
        scale = math.hypot(c, d)
        if scale > 0:
            size *= scale
        angle = math.atan2(c, a)
        return size, angle + 2 * math.pi if angle < 0 else angle, b == c == 0


def _rotate(
    left: float,
    top: float,
    right: float,
    bottom: float,
    box: tuple[float, float, float, float],
    rotation: int,
) -> tuple[float, float, float, float]:
    """A box from page space to display space (/Rotate turns the page clockwise)."""
    ax, ay = display((left, bottom), box, rotation)
    cx, cy = display((right, top), box, rotation)
    return min(ax, cx), min(ay, cy), max(ax, cx), max(ay, cy)
