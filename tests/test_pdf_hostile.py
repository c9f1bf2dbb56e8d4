"""PDFs built to break the loader (issue 16): each reads correctly or fails in one line,
with work bounded by the file's size, never by how often its text is drawn over itself."""

from __future__ import annotations

import pytest

from policyparse.loaders.pdf import fallback, load
from policyparse.settings import ParseOptions

from .test_pdf import _raw_pdf

OPTIONS = ParseOptions()
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _overprinted(copies: int, spread: int = 200) -> bytes:
    """One line of Helvetica (not embedded) drawn ``copies`` times, each a point lower, at
    ``spread`` heights in turn: PDFium folds most copies into the ones before them."""
    content = b"\n".join(
        b"BT /F1 10 Tf 72 %d Td (Hello World 123) Tj ET" % (800 - k % spread) for k in range(copies)
    )
    return _raw_pdf(content, HELVETICA, [])


class _Opened:
    """Counts pdfplumber.open calls (the costly second reading)."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, *args: object, **kwargs: object) -> None:
        self.calls += 1
        raise IndexError("pdfplumber fails on this file")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> _Opened:
    import pdfplumber

    counter = _Opened()
    monkeypatch.setattr(pdfplumber, "open", counter)
    return counter


def test_text_drawn_over_itself_is_read_once_and_not_read_again(opened: _Opened) -> None:
    copies = fallback.REREAD_MAX_OBJECTS + 1000
    text = load(_overprinted(copies), name="over.pdf", options=OPTIONS)
    assert [line.text for line in text.lines] == ["Hello World 123"]
    assert opened.calls == 0  # past the object budget: no pdfminer pass over the page
    # PDFium reads a few of the copies (how many is its own business), not nearly all
    [(code, message)] = [(n.code, n.message) for n in text.notes]
    assert code == "unreliable-text"
    assert copies * 0.9 < int(message.split(" text object")[0]) < copies


def test_a_few_overprinted_copies_are_read_again_and_a_failing_reread_is_harmless(
    opened: _Opened,
) -> None:
    text = load(_overprinted(50), name="over.pdf", options=OPTIONS)
    assert opened.calls == 1  # under the budget: pdfplumber tried, raised, PDFium stands
    assert [line.text for line in text.lines] == ["Hello World 123"]


def test_ten_times_the_copies_ten_times_the_objects_one_line() -> None:
    from policyparse.loaders.pdf.text import read_pages

    small, _ = read_pages(_overprinted(100, spread=1))
    large, _ = read_pages(_overprinted(1000, spread=1))
    assert (small[0].objects, large[0].objects) == (100, 1000)
    for pdf in (_overprinted(100, spread=1), _overprinted(1000, spread=1)):
        lines = load(pdf, name="over.pdf", options=OPTIONS).lines
        assert [line.text for line in lines] == ["Hello World 123"]


def test_a_tounicode_map_to_lone_surrogates_gives_replacement_characters() -> None:
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"3 beginbfchar <41> <D800> <42> <DFFF> <43> <4E00> endbfchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    pdf = _raw_pdf(
        b"BT /F1 12 Tf 72 700 Td (ABC DEF) Tj ET",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 5 0 R >>",
        [b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"],
    )
    text = load(pdf, name="surrogate.pdf", options=OPTIONS)
    assert [line.text for line in text.lines] == ["\ufffd\ufffd一 DEF"]
    text.lines[0].text.encode("utf-8")  # nothing a writer cannot encode


def test_pdfplumber_surrogates_count_as_unmapped() -> None:
    from policyparse.loaders.pdf.fallback import _glyphs
    from policyparse.loaders.pdf.text import FontTable

    chars = [
        {"text": t, "x0": x, "x1": x + 12, "top": 90.0, "bottom": 102.0, "size": 12.0}
        for t, x in (("中", 72.0), ("\ud800", 84.0), ("文", 96.0))
    ]
    glyphs, unmapped = _glyphs(chars, (0.0, 0.0, 595.0, 842.0), FontTable())
    assert ([g.char for g in glyphs], unmapped) == (["中", "\ufffd", "文"], 1)
