"""The grammar of a responsibility clause: tokens, then named rules over them.

Tokens (matched on :func:`~policyparse.lexicon.roles.role_fold`, so any width and the
traditional spellings): a role marker with its colon (``牵头考核单位：``), a person field
(``责任领导：``), a time field (``完成时限：``), a separator (，,；;。 or a run of spaces) and
the text between them. Markers inside a name's own brackets are text (各市政府（含定州，下同）).

    clause  := part (SEP part)*
    part    := MARKER? body
    body    := standing-rule | carry-on | list 会同 list VERB? | list VERB? | list
    list    := name (、|及|和 … name)*          (clauses/units.py)

Each part is read by the first rule of :data:`~policyparse.clauses.parts.PART_RULES` that
takes it; the rule's name travels with every unit it yields (:class:`Reading`), so
fixtures and warnings can say which rule read what. A marker gives its role to every
unit up to the next marker (牵头单位 → lead, 配合单位 → support, 责任单位 → plain); without
one, the verb closing the part does (A、B牵头 → lead, C配合 → support, D按职责分工负责 →
plain). :func:`resolve` then decides lead and support for the clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon.organs import EXPLAINING_OPENERS, NAME_CLOSING, NAME_OPENING
from ..lexicon.roles import (
    PERSON_PARTS,
    PERSON_WORD,
    ROLE_PARTS,
    ROLE_QUALIFIERS,
    ROLE_WORD,
    TIME_FIELDS,
    TIME_WORD,
    Role,
    first_chars,
    role_fold,
    role_of_marker,
)
from .parts import PART_RULES, TIME_HINT, ClauseReading, Reading, unique

__all__ = [
    "ClauseReading",
    "Reading",
    "Token",
    "names_only",
    "read",
    "resolve",
    "tokenize",
    "unique",
]

_COLON = r"[ \t]*[:∶]"
_ROLE_PARTS = [part for parts in ROLE_PARTS.values() for part in parts]
_TOKEN = re.compile(
    first_chars(PERSON_PARTS, list(ROLE_QUALIFIERS), _ROLE_PARTS, TIME_FIELDS, ["【", "["])
    + r"(?:"
    + rf"(?P<person>{PERSON_WORD.pattern}){_COLON}"
    rf"|(?P<role>(?:{ROLE_WORD.pattern}){_COLON}|[【\[](?:{ROLE_WORD.pattern})[】\]](?:{_COLON})?)"
    rf"|(?P<time>{TIME_WORD.pattern}){_COLON})"
    r"|(?P<sep>[,;。，；]+)"
    r"|(?P<space>\s+)"
)
_BRACKET = re.compile("[" + re.escape(NAME_OPENING + NAME_CLOSING) + "]+")
_STOPS = frozenset(";；。")
_PERSON = "person"
_TIME = "time"


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # role, person, time, sep, text
    text: str
    role: Role | None = None


def tokenize(body: str) -> list[Token]:
    """Tokens of a clause body, as written; markers inside brackets stay text.

    >>> [t.kind for t in tokenize("牵头单位：A；配合单位：B、C")]
    ['role', 'text', 'sep', 'role', 'text']
    """
    folded = role_fold(body)
    tokens: list[Token] = []
    depth = 0
    cursor = 0  # start of the pending text
    scanned = 0  # bracket depth is known up to here
    for m in _TOKEN.finditer(folded):
        for run in _BRACKET.finditer(folded, scanned, m.start()):  # only brackets move depth
            for ch in run.group():
                depth += ch in NAME_OPENING
                depth -= ch in NAME_CLOSING and depth > 0
        scanned = m.start()
        if depth:
            continue
        if m.start() > cursor:
            tokens.append(Token("text", body[cursor : m.start()]))
        kind = "sep" if m.lastgroup in (None, "space") else m.lastgroup
        role = role_of_marker(m.group()) if kind == "role" else None
        tokens.append(Token(kind, body[m.start() : m.end()], role))
        cursor = scanned = m.end()
    if cursor < len(body):
        tokens.append(Token("text", body[cursor:]))
    return tokens


def read(body: str, tokens: list[Token] | None = None) -> ClauseReading:
    """Read a clause body (without its brackets) part by part; ``tokens`` when the caller
    has them already."""
    out = ClauseReading()
    marker: Role | str | None = None
    for token in tokenize(body) if tokens is None else tokens:
        if token.kind == "role":
            marker = token.role
            out.markers += 1
        elif token.kind in (_PERSON, _TIME):
            marker = token.kind
        elif token.kind == "sep":
            if marker == _TIME or (marker == _PERSON and _STOPS.intersection(token.text)):
                marker = None  # a time value ends at any separator, a person field at ；
        elif marker in (_PERSON, _TIME):
            continue  # persons are not units; the deadline reader takes the time
        else:
            _read_part(token.text, marker if isinstance(marker, Role) else None, out)
    return out


def _read_part(text: str, marker: Role | None, out: ClauseReading) -> None:
    part = text.strip(" \t\u3000")
    if not part:
        return
    folded = role_fold(part)
    for rule in PART_RULES:
        if rule(part, folded, marker, out):
            return


def names_only(body: str, tokens: list[Token] | None = None) -> ClauseReading | None:
    """The reading of ``body`` if it is nothing but units, with or without role verbs and
    a time limit — a bracket that names who, not one that explains (（以下简称…）,
    （包括…）, （站））."""
    stripped = role_fold(body.strip(" \t\u3000。."))
    if not stripped or stripped.startswith(EXPLAINING_OPENERS):
        return None
    reading = read(body, tokens)
    if not reading.readings or reading.markers:
        return None
    if not all(TIME_HINT.search(note) for note in reading.notes):
        return None  # （2023年底前完成） may stand beside the units; prose may not
    return reading


def resolve(readings: list[Reading], first_leads: bool) -> tuple[list[str], list[str]]:
    """Lead and support of one clause (named rules: ``named-lead``, ``first-leads``,
    ``all-lead``).

    A clause that names a lead (牵头, 会同, 牵头单位：) makes everyone else support.
    Otherwise the plain units lead — all of them, or only the first when a standing rule
    says so — and units that only carry the work out (负责落实) lead when nobody else is
    named, support when someone is.
    """
    lead = unique(r.unit for r in readings if r.role is Role.LEAD)
    if not lead:
        plain = unique(r.unit for r in readings if r.role is Role.PLAIN)
        candidates = plain or unique(r.unit for r in readings if r.role is Role.WEAK)
        lead = candidates[:1] if first_leads else candidates
    taken = set(lead)
    return lead, unique((r.unit for r in readings), taken)
