"""The PDF loader keeps PDFium's characters in PDFium's order, on every PDF the tests reach.

Raw ``get_text_range()`` of a page is the reference: PDFium orders a page's characters as
its content stream draws them, which for these files (word processors, reportlab, XeTeX)
is reading order. The loader's body text, joined over the document with all whitespace
taken out, must be a subsequence of the raw text joined the same way, and every raw
character it leaves out must be accounted for by what the loader says it set aside: page
furniture and watermarks (their text is in the notes), table cells (in ``Text.tables``),
and simulated-bold copies (the same character drawn again; counted, not listed). A loader
that interleaved two lines, or lost or invented a character, fails here.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from policyparse.errors import LoadError
from policyparse.loaders.pdf import load
from policyparse.settings import ParseOptions
from policyparse.text import Text

from .conftest import CORPUS, FIXTURES

# PDFium's own marks in raw text: 0x02 ends a line at a hyphen it keeps as "-" later,
# U+FFFE and other controls are not text.
_NOT_TEXT = {chr(c) for c in range(0x20)} | {"\ufffe", "\ufeff", "\u200b"}


def _reachable() -> list[Path]:
    found = sorted(FIXTURES.rglob("*.pdf"))
    if CORPUS.is_dir():
        found += sorted(p for p in CORPUS.rglob("*.pdf") if "hostile" not in p.parts)
    return found


def _squeeze(text: str) -> str:
    return "".join(c for c in text if not c.isspace() and c not in _NOT_TEXT)


def _raw(data: bytes) -> str:
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return _squeeze("".join(pages)).replace("\u00ad", "-")
    finally:
        document.close()


def _set_aside(text: Text) -> Counter[str]:
    """Characters the loader reports as dropped or moved out of the body."""
    kept: Counter[str] = Counter()
    for note in text.notes:
        kept.update(_squeeze(note.text or ""))
    for table in text.tables:
        for row in table.rows:
            for cell in row:
                if not cell.continued:
                    kept.update(_squeeze(cell.text))
    return kept


def is_ideograph(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def unaccounted(body: str, raw: str, set_aside: Counter[str]) -> tuple[str, Counter[str]]:
    """``(body text where the order breaks, or "")`` and the raw characters the body and
    ``set_aside`` leave unaccounted for.

    Ideographs must come in PDFium's order. Other characters are compared as a multiset:
    writers draw quotes, brackets and digits in runs of their own (another font), after
    the ideographs they stand between, so their place in raw text is no reading order.
    """
    ideographs = "".join(c for c in raw if is_ideograph(c))
    at = 0
    leftover: Counter[str] = Counter()
    for index, char in enumerate(body):
        if not is_ideograph(char):
            continue
        found = ideographs.find(char, at)
        if found < 0:
            return body[max(0, index - 10) : index + 10], Counter()
        leftover.update(ideographs[at:found])
        at = found + 1
    leftover.update(ideographs[at:])
    others = Counter(c for c in raw if not is_ideograph(c))
    others.subtract(c for c in body if not is_ideograph(c))
    invented = -others
    if invented:
        return f"not in the PDF: {''.join(sorted(invented.elements()))}", Counter()
    leftover.update(+others)
    return "", leftover - set_aside


def order_check(data: bytes, name: str) -> tuple[str, Counter[str], str]:
    """The order break (or ""), the unaccounted raw characters, and the body text."""
    text = load(data, name=name, options=ParseOptions())
    body = _squeeze("".join(line.text for line in text.lines))
    broken, leftover = unaccounted(body, _raw(data), _set_aside(text))
    return broken, leftover, body


def _is_copy_of_kept(leftover: Counter[str], body: str) -> bool:
    """Simulated-bold copies: each left-over character also stands in the body."""
    present = set(body)
    return all(char in present for char in leftover)


@pytest.mark.parametrize("path", _reachable(), ids=lambda p: p.name)
def test_loader_keeps_pdfium_characters_in_order(path: Path) -> None:
    data = path.read_bytes()
    import pypdfium2

    pages = len(pypdfium2.PdfDocument(data))
    if len(_squeeze(_raw(data))) < 20 * pages:
        # A scan (perhaps with a scanner app's stamp): no text layer to compare; with the
        # OCR extra its text comes from recognition, which tests/test_ocr.py checks.
        return
    try:
        load(data, name=path.name, options=ParseOptions())
    except LoadError as error:  # a scan: no text layer to compare
        assert "no text layer" in str(error), error
        return
    out_of_order, leftover, body = order_check(data, path.name)
    assert out_of_order == "", f"body text not in PDFium's order near {out_of_order!r}"
    assert _is_copy_of_kept(leftover, body), f"raw characters unaccounted for: {leftover}"
    assert sum(leftover.values()) <= max(10, len(body) // 100), leftover


def test_the_check_catches_interleaved_lines() -> None:
    """The check itself, on the garbling WPS PDFs met: two lines' characters interleaved
    fail it, the lines in order with their quotes drawn late pass."""
    raw = "各街道办事处，区直各单位：坪山区人民政府办公室“”"
    in_order = "各街道办事处，区直各单位：坪山区人民“政府”办公室"
    assert unaccounted(in_order, raw, Counter()) == ("", Counter())
    assert unaccounted("各坪街山道区办人事民处政", raw, Counter())[0].startswith("各坪街山道")
    rest = "区直各单位：坪山区人民政府办公室，“”"
    assert unaccounted("各街道办事处", raw, Counter()) == ("", Counter(rest))
    assert unaccounted("各街道办事处", raw, Counter(rest)) == ("", Counter())
    assert unaccounted("各街道办事处。", raw, Counter())[0] == "not in the PDF: 。"
