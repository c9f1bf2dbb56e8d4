"""PDFs built to break the loader (issue 16): each reads correctly or fails in one line,
with work bounded by the file's size, never by how often its text is drawn over itself.

The second reading (pdfplumber) is what costs: boundedness is shown by counting the pages
pdfplumber builds, never by seconds.

Lost glyphs are drawn in ``SimSun``, a CID font the PDF does not embed and gives no
bounding box for (``/FontBBox [0 0 0 0]``), 1000 units wide (``/DW``): a text object of one
glyph then has no width, and PDFium's text page skips it, while a text object of two
glyphs spans the first glyph's advance and is read. pdfminer reads all of them.
"""

from __future__ import annotations

from typing import Any

import pytest

from policyparse.loaders.pdf import fallback, load
from policyparse.loaders.pdf.text import read_pages
from policyparse.settings import ParseOptions

from .conftest import corpus_path
from .test_pdf import _raw_pdf, pdf_file

OPTIONS = ParseOptions()
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
STEMS = "甲乙丙丁戊己庚辛壬癸"  # CIDs 1–10 map to these, in order


def _overprinted(copies: int, spread: int = 200) -> bytes:
    """One line of Helvetica (not embedded) drawn ``copies`` times, each a point lower, at
    ``spread`` heights in turn: PDFium folds most copies into the ones before them."""
    content = b"\n".join(
        b"BT /F1 10 Tf 72 %d Td (Hello World 123) Tj ET" % (800 - k % spread) for k in range(copies)
    )
    return _raw_pdf(content, HELVETICA, [])


def _lost_glyphs(text: str) -> bytes:
    """``text`` on one line, 12 pt from x = 72: its first two characters each a text
    object of one glyph (lost to PDFium), the rest one text object (read)."""
    cids = [STEMS.index(char) + 1 for char in text]
    objects = [
        b"BT /F1 12 Tf %d 700 Td <%04X> Tj ET" % (72 + 12 * k, cid)
        for k, cid in enumerate(cids[:2])
    ]
    objects.append(b"BT /F1 12 Tf 96 700 Td <%s> Tj ET" % b"".join(b"%04X" % c for c in cids[2:]))
    return b"\n".join(objects)


def _pages(contents: list[bytes], boxes: dict[int, bytes] | None = None) -> bytes:
    """A PDF of these pages (``boxes``: a page's /MediaBox by 1-based number), all in the
    non-embedded SimSun: catalog 1, page tree 2, font 3, page k at 2k + 2 with its content
    at 2k + 3, then the font's ToUnicode map, CID font and descriptor."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def\n"
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        b"10 beginbfchar\n"
        + b"".join(b"<%04X> <%04X>\n" % (k + 1, ord(c)) for k, c in enumerate(STEMS))
        + b"endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end"
    )
    after = 3 + 2 * len(contents)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (2 * k + 2) for k in range(1, len(contents) + 1)), len(contents)),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H"
        b" /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (after + 2, after + 1),
    ]
    for number, content in enumerate(contents, 1):
        box = (boxes or {}).get(number, b"[0 0 595 842]")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents %d 0 R"
            b" /Resources << /Font << /F1 3 0 R >> >> >>" % (box, 2 * number + 3)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects += [
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo"
        b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        b" /FontDescriptor %d 0 R /DW 1000 >>" % (after + 3),
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 0 0 0]"
        b" /ItalicAngle 0 /Ascent 0 /Descent 0 /CapHeight 0 /StemV 80 >>",
    ]
    return pdf_file(objects)


# One line a page, none repeated (a line on every page would be a running header).
LINES = ["甲乙丙丁", "戊己庚辛", "壬癸甲乙", "丙丁戊己"]
LINES += ["庚辛壬癸", "甲丙戊庚", "乙丁己辛", "壬甲癸乙"]


class _Built:
    """Counts the pages pdfplumber builds (each is a pdfminer pass over the page)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import pdfplumber.page

        self.numbers: list[int] = []
        built = self.numbers
        original = pdfplumber.page.Page

        class Counted(original):  # type: ignore[misc, valid-type]
            def __init__(self, pdf: Any, page_obj: Any, page_number: int, **kw: Any) -> None:
                built.append(page_number)
                super().__init__(pdf, page_obj, page_number=page_number, **kw)

        monkeypatch.setattr(pdfplumber.page, "Page", Counted)


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> _Built:
    return _Built(monkeypatch)


def test_a_lone_glyph_of_a_font_without_widths_is_lost_and_read_again(built: _Built) -> None:
    pdf = _pages([_lost_glyphs("甲乙丙丁")])
    [page], _ = read_pages(pdf)
    assert ("".join(g.char for g in page.glyphs), page.lost, page.objects) == ("丙丁", 2, 3)
    text = load(pdf, name="lost.pdf", options=OPTIONS)
    assert [line.text for line in text.lines] == ["甲乙丙丁"]
    assert (text.notes, built.numbers) == ([], [1])


@pytest.mark.parametrize("copies", [50, fallback.REREAD_MAX_OBJECTS + 1000])
def test_text_drawn_over_itself_is_no_lost_text_and_is_not_read_again(
    copies: int, built: _Built
) -> None:
    pdf = _overprinted(copies)
    [page], _ = read_pages(pdf)
    assert (page.lost, page.objects) == (0, copies)
    text = load(pdf, name="over.pdf", options=OPTIONS)
    assert [line.text for line in text.lines] == ["Hello World 123"]
    assert (text.notes, built.numbers) == ([], [])


def test_ten_times_the_copies_ten_times_the_objects_one_line() -> None:
    small, _ = read_pages(_overprinted(100, spread=1))
    large, _ = read_pages(_overprinted(1000, spread=1))
    assert (small[0].objects, large[0].objects) == (100, 1000)
    for pdf in (_overprinted(100, spread=1), _overprinted(1000, spread=1)):
        lines = load(pdf, name="over.pdf", options=OPTIONS).lines
        assert [line.text for line in lines] == ["Hello World 123"]


def test_pages_are_read_again_once_each_and_only_within_the_budget(
    built: _Built, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Three objects a page: a budget of ten objects buys pages 1–3 (nine objects).
    monkeypatch.setattr(fallback, "REREAD_BUDGET", 10)
    text = load(_pages([_lost_glyphs(line) for line in LINES]), name="many.pdf", options=OPTIONS)
    assert built.numbers == [1, 2, 3]
    # Pages 4–8 keep PDFium's reading: the two characters of the last text object.
    assert [line.text for line in text.lines] == LINES[:3] + [line[2:] for line in LINES[3:]]
    assert [(n.code, n.message) for n in text.notes] == [
        (
            "unreliable-text",
            "10 text object(s) in a font the PDF does not embed gave no characters on "
            "page(s) 4–8; their text may be missing",
        ),
        (
            "unreliable-text",
            "page(s) 4–8 were not read a second time: over the budget of 5,000 objects a "
            "page and 10 in all; their text is PDFium's reading and may miss characters",
        ),
    ]


def test_a_page_over_the_object_budget_is_not_read_again(built: _Built) -> None:
    # Page 1: the line 戊己庚辛 under 5,001 lone glyphs 甲 in a grid of 2 pt cells, all lost.
    count = fallback.REREAD_MAX_OBJECTS + 1
    grid = b"\n".join(
        b"BT /F1 2 Tf %d %d Td <0001> Tj ET" % (20 + 2 * (k % 250), 820 - 2 * (k // 250))
        for k in range(count)
    )
    crowded = grid + b"\n" + _lost_glyphs("戊己庚辛")
    text = load(_pages([crowded, _lost_glyphs("甲乙丙丁")]), name="big.pdf", options=OPTIONS)
    assert built.numbers == [2]  # page 1 alone is over the budget; page 2 is read again
    assert [line.text for line in text.lines] == ["庚辛", "甲乙丙丁"]
    assert [(n.code, n.message) for n in text.notes] == [
        (
            "unreliable-text",
            f"{count + 2} text object(s) in a font the PDF does not embed gave no characters "
            "on page(s) 1; their text may be missing",
        ),
        (
            "unreliable-text",
            "page(s) 1 were not read a second time: over the budget of 5,000 objects a page "
            "and 20,000 in all; their text is PDFium's reading and may miss characters",
        ),
    ]


def test_a_page_pdfminer_fails_on_keeps_pdfiums_reading(built: _Built) -> None:
    # pdfplumber refuses page 2's /MediaBox (a name among its numbers); PDFium reads it.
    pdf = _pages([_lost_glyphs(line) for line in LINES[:3]], {2: b"[0 0 595 842 /X]"})
    text = load(pdf, name="box.pdf", options=OPTIONS)
    assert built.numbers == [1, 2, 3]
    assert [line.text for line in text.lines] == ["甲乙丙丁", "庚辛", "壬癸甲乙"]
    lost, failed = text.notes
    assert lost.message == (
        "2 text object(s) in a font the PDF does not embed gave no characters on page(s) 2; "
        "their text may be missing"
    )
    assert failed.message == (
        "the second reading (pdfminer) failed on page(s) 2; their text is PDFium's reading "
        "and may miss characters"
    )
    assert (failed.text or "").startswith("page 2: MalformedPDFException: Bounding box")


def _flag_free(pdf: bytes, number: int) -> bytes:
    """Object ``number``'s xref entry with its type byte flipped from ``n`` to ``.``:
    pdfminer takes the object for free, PDFium still reads it."""
    xref = pdf.rindex(b"\nxref\n") + 1
    lines = pdf[xref:].split(b"\n")
    lines[2 + number] = lines[2 + number].replace(b" n ", b" . ")
    return pdf[:xref] + b"\n".join(lines)


def test_a_page_pdfminer_cannot_find_keeps_pdfiums_reading(built: _Built) -> None:
    pdf = _flag_free(_pages([_lost_glyphs(line) for line in LINES[:3]]), 2 * 3 + 2)
    text = load(pdf, name="xref.pdf", options=OPTIONS)
    assert built.numbers == [1, 2]  # pdfminer's page tree ends before page 3
    assert [line.text for line in text.lines] == ["甲乙丙丁", "戊己庚辛", "甲乙"]
    assert text.notes[-1].text == "page 3: pdfminer finds no such page"


def test_a_document_pdfminer_cannot_open_keeps_pdfiums_reading(built: _Built) -> None:
    # An /Encrypt entry pointing at no object: PDFium ignores it, pdfminer gives up.
    pdf = _pages([_lost_glyphs(line) for line in LINES[:2]]).replace(
        b"trailer\n<<", b"trailer\n<< /Encrypt 99 0 R"
    )
    text = load(pdf, name="encrypt.pdf", options=OPTIONS)
    assert built.numbers == []
    assert [line.text for line in text.lines] == ["丙丁", "庚辛"]
    failed = text.notes[-1]
    assert failed.message.startswith("the second reading (pdfminer) failed on page(s) 1–2;")
    assert [line.split(":")[0] for line in (failed.text or "").split("\n")] == [
        "page 1",
        "page 2",
    ]
    assert "PdfminerException" in (failed.text or "")


@pytest.mark.parametrize(
    ("name", "lines", "failed"),
    [
        ("pdf_overprinted_text_1mb.pdf", ["Hello World 123"], None),
        ("pdf_overprinted_text_5mb.pdf", ["Hello World 123"], None),
        ("pdf_flipped_indexerror.pdf", None, "page 17: pdfminer finds no such page"),
        ("pdf_flipped_malformed_bbox.pdf", None, "page 9: MalformedPDFException"),
    ],
)
def test_hostile_corpus_pdfs_read_with_bounded_second_readings(
    name: str, lines: list[str] | None, failed: str | None, built: _Built
) -> None:
    path = corpus_path("hostile", name)
    if path is None:
        pytest.skip("../shared/corpus/hostile not present")
    pages, _ = read_pages(path.read_bytes())
    text = load(path.read_bytes(), name=name, options=OPTIONS)
    if lines is not None:
        assert [line.text for line in text.lines] == lines
    # Only the pages that lost glyphs are read again, each once.
    assert built.numbers == sorted(set(built.numbers))
    assert set(built.numbers) <= {page.number for page in pages if page.lost}
    failures = [n.text or "" for n in text.notes if n.message.startswith("the second reading")]
    if failed is None:
        assert failures == []
    else:
        assert [f for f in failures if f.startswith(failed)], failures


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
