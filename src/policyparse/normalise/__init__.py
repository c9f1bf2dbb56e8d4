"""Source lines → clean paragraphs, each remembering the source lines it came from.

Per line: drop junk (page numbers, web chrome, tag soup) into warnings, strip inline tags
and list bullets, remove spurious CJK spaces. Then join lines a wrap or page break split.
The text keeps its original width (（一） stays （一）); matching folds it separately.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon.furniture import Drop, classify_junk, strip_bullet, strip_tags
from ..text import LineHint, Note, SourceLine, Table, Text
from .rejoin import continues, join
from .spacing import remove_spurious_spaces
from .unflatten import FLAT_MIN, RUN_IN_MIN, split_flattened


@dataclass(slots=True)
class Para:
    """A logical paragraph: cleaned text plus the span of source lines behind it."""

    text: str
    start_line: int
    end_line: int
    page: int | None = None
    hint: LineHint | None = None
    table: Table | None = None  # a table in its place; the segmenter reads it
    # Comes from a line whose breaks were lost: labels may follow inside it (see unflatten).
    run_in: bool = False


@dataclass(slots=True)
class Normalised:
    paras: list[Para]
    notes: list[Note]


def normalise(text: Text) -> Normalised:
    notes: list[Note] = list(text.notes)
    cleaner = _LineCleaner(notes)
    paras: list[Para] = []
    open_para: Para | None = None
    for line in _in_body_order(text):
        if isinstance(line, Table):
            open_para = None
            paras.append(Para("", line.line, line.line, line.page, LineHint.CELL, line))
            continue
        pieces = split_flattened(line.text) if len(line.text) >= FLAT_MIN else None
        if pieces is not None:
            paras.extend(_flattened_paras(line, pieces, cleaner, notes))
            open_para = None
            continue
        cleaned = cleaner.clean(line)
        if cleaned is None:  # junk: it neither ends nor continues a paragraph
            continue
        if not cleaned:
            continue  # a blank line; wraps may still cross it
        if (
            text.reflow
            and open_para is not None
            and open_para.hint is None
            and line.hint is None
            and continues(open_para.text, cleaned)
        ):
            open_para.text = join(open_para.text, cleaned)
            open_para.end_line = line.last or line.number
            continue
        end = line.last or line.number
        open_para = Para(cleaned, line.number, end, line.page, line.hint)
        open_para.run_in = len(cleaned) >= RUN_IN_MIN
        paras.append(open_para)
    cleaner.finish()
    return Normalised(paras, notes)


def _flattened_paras(
    line: SourceLine, pieces: list[str], cleaner: _LineCleaner, notes: list[Note]
) -> list[Para]:
    """A flattened line's paragraphs: each piece cleaned on its own, none rejoined."""
    notes.append(
        Note(
            "flattened-text",
            f"line {line.number} held {len(pieces)} paragraphs run together (its line breaks "
            "were lost); read as paragraphs split at their indents and before their labels",
            line.number,
        )
    )
    paras = []
    for piece in pieces:
        cleaned = cleaner.clean(SourceLine(piece, line.number, line.page, line.hint, line.last))
        if cleaned:
            end = line.last or line.number
            paras.append(Para(cleaned, line.number, end, line.page, run_in=True))
    return paras


def _in_body_order(text: Text) -> list[SourceLine | Table]:
    """Source lines with each table in its place (a table sits before the line numbered
    after it)."""
    if not text.tables:
        return list(text.lines)
    merged: list[tuple[int, int, SourceLine | Table]] = [(ln.number, 1, ln) for ln in text.lines]
    merged += [(table.line, 0, table) for table in text.tables]
    merged.sort(key=lambda item: (item[0], item[1]))
    return [item for _, _, item in merged]


# Spaces of other widths (NBSP, EN SPACE U+2002 that pads WPS signatures and dates, U+202F …)
# read as plain spaces, so every rule that knows " " and U+3000 knows them too.
_OTHER_SPACES = {code: " " for code in (0x00A0, *range(0x2000, 0x200B), 0x202F, 0x205F)}


class _LineCleaner:
    """Cleans one line at a time and keeps the warnings about what it removed."""

    def __init__(self, notes: list[Note]) -> None:
        self._notes = notes
        self._junk_run: tuple[Drop, list[str], int, int] | None = None
        self._bullets: list[tuple[int, str]] = []
        self._tags: list[tuple[int, str]] = []

    def clean(self, line: SourceLine) -> str | None:
        raw = line.text.translate(_OTHER_SPACES)
        if not raw.strip():
            return ""
        drop = classify_junk(raw)
        if drop is not None:
            self._add_junk(drop, raw.strip(), line.number)
            return None
        self._close_junk_run()
        text, tags = strip_tags(raw)
        if tags:
            self._tags.append((line.number, tags))
        text, bullet = strip_bullet(text)
        if bullet:
            self._bullets.append((line.number, bullet))
        return remove_spurious_spaces(text).strip(" \t\u3000\u00a0\u200b\ufeff")

    def _add_junk(self, drop: Drop, text: str, number: int) -> None:
        run = self._junk_run
        if run is not None and run[0] is drop:
            run[1].append(text)
            self._junk_run = (drop, run[1], run[2], number)
            return
        self._close_junk_run()
        self._junk_run = (drop, [text], number, number)

    def _close_junk_run(self) -> None:
        if self._junk_run is None:
            return
        drop, texts, first, last = self._junk_run
        where = f"line {first}" if first == last else f"lines {first}–{last}"
        message = f"dropped {drop.reason} at {where}"
        self._notes.append(Note(drop.code, message, first, "\n".join(texts)))
        self._junk_run = None

    def finish(self) -> None:
        self._close_junk_run()
        if self._tags:
            lines = ", ".join(str(n) for n, _ in self._tags[:10])
            self._notes.append(
                Note(
                    "markup-junk",
                    f"removed HTML tags from {len(self._tags)} line(s): {lines}",
                    self._tags[0][0],
                    "".join(t for _, t in self._tags),
                )
            )
        if self._bullets:
            lines = ", ".join(str(n) for n, _ in self._bullets[:10])
            more = "…" if len(self._bullets) > 10 else ""
            self._notes.append(
                Note(
                    "list-bullet",
                    f"removed {len(self._bullets)} list bullet(s) at line(s) {lines}{more}",
                    self._bullets[0][0],
                    " ".join(b for _, b in self._bullets),
                )
            )
