"""``parse``: one document from bytes to a validated :class:`Document`.

A pure function: no module state is read or written, so it runs unchanged in a process
pool or on a cluster worker. ``parse_record`` is the same without pydantic: the record
as JSON data, for the command line, whose start-up must not pay pydantic's ~80 ms.
``parse_with_text`` also hands back the loader's :class:`Text`, the source lines that
``source_span`` numbers refer to (what ``policyparse report`` shows beside the tree).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .assemble import Parsed, assemble
from .budget import check_record
from .errors import InputError, LoadError, PolicyParseError, ResourceError, describe
from .formats import detect, parse_format_name
from .inputs import display_name, read_input
from .loaders import get_loader
from .normalise import normalise
from .provisions import Record
from .scrub import scrub
from .settings import ParseOptions
from .structure import read_structure
from .text import InputFormat, Text

if TYPE_CHECKING:
    from .models import Document

Source = str | os.PathLike[str] | bytes


def parse(
    source: Source,
    *,
    format: InputFormat | str | None = None,
    name: str | None = None,
    options: ParseOptions | Mapping[str, Any] | None = None,
) -> Document:
    """Parse a document given as a path or as its bytes, into a validated record.

    ``format`` overrides detection (an :class:`InputFormat` or a name such as ``"html"``);
    ``name`` is the path to report for bytes input (default ``"-"``); ``options`` a
    :class:`~policyparse.settings.ParseOptions` or a dict of its fields.
    Raises :class:`~policyparse.errors.PolicyParseError` subclasses, each naming the file.
    """
    from .models import Document

    record = parse_record(source, format=format, name=name, options=options)
    return Document.model_validate(record)


def parse_record(
    source: Source,
    *,
    format: InputFormat | str | None = None,
    name: str | None = None,
    options: ParseOptions | Mapping[str, Any] | None = None,
) -> Record:
    """:func:`parse` without the pydantic model: the same record as plain JSON data.

    What the command line and batch workers use, so that they never import pydantic.
    """
    return parse_with_text(source, format=format, name=name, options=options)[0]


def parse_with_text(
    source: Source,
    *,
    format: InputFormat | str | None = None,
    name: str | None = None,
    options: ParseOptions | Mapping[str, Any] | None = None,
) -> tuple[Record, Text]:
    """:func:`parse_record`, and the :class:`Text` the loader read from the source."""
    settings = ParseOptions.resolve(options)
    if isinstance(source, bytes):
        data, path = source, name or "-"
    else:
        path = name or os.fspath(source)
        data = read_input(source)
    try:
        return _parse_bytes(data, path, format, settings)
    except PolicyParseError as error:
        raise error.with_path(path) from error.__cause__
    except (RecursionError, MemoryError) as error:
        what = "Python's recursion limit" if isinstance(error, RecursionError) else "memory"
        raise ResourceError(
            f"the document exhausted {what} ({type(error).__name__})", path=path
        ) from error
    except Exception as error:  # the safety net: hostile bytes must not escape as a crash
        raise LoadError(_unexpected(error), path=path) from error


_MAX_DETAIL = 200  # characters of the exception's own message kept in the reason


def _unexpected(error: Exception) -> str:
    """The reason for an exception no stage expected, in one line: its type, which says
    where to look (``zipfile``'s ``ValueError``, an ``lxml`` error), and its message."""
    return "cannot read the file: unexpected " + describe(error, limit=_MAX_DETAIL, qualified=True)


def _parse_bytes(
    data: bytes, path: str, format: InputFormat | str | None, settings: ParseOptions
) -> tuple[Record, Text]:
    if not data.strip():
        raise InputError("empty file")
    if isinstance(format, str):
        fmt = parse_format_name(format)
    else:
        fmt = format or detect(data, None if path == "-" else path)
    # Every loader's Text passes here: the one place lone surrogates are replaced.
    text = scrub(get_loader(fmt)(data, name=path, options=settings))
    normalised = normalise(text)
    structure = read_structure(normalised.paras)
    record = assemble(
        Parsed(
            path=display_name(path),  # undecodable bytes of a name written \xff, as the CLI does
            data=data,
            text=text,
            nodes=structure.nodes,
            draft=structure.draft,
            notes=[*normalised.notes, *structure.notes],
        ),
        settings,
    )
    check_record(record, len(data))
    return record, text
