"""Click options declared once and shared by the commands that take them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from .writers import FORMATS, TABLE_NAMES

F = TypeVar("F", bound=Callable[..., Any])

output_format = click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format: a Document per input (json), a provision per line (jsonl), a "
    "provision per row for Excel (csv), or every table in a workbook (xlsx) or a database "
    "(sqlite). Default: from the output file's extension, else json.",
)


def _input_format(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Check --input-format once, before any file is read (not once per file)."""
    if value is None:
        return None
    from .errors import UnsupportedFormat
    from .formats import parse_format_name

    try:
        parse_format_name(value)
    except UnsupportedFormat as error:
        raise click.BadParameter(error.reason) from None
    return value


def _encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from .lexicon.charsets import text_codec

    if text_codec(value) is None:  # unknown, or not a text encoding (rot13, base64)
        raise click.BadParameter(f"unknown encoding {value!r}")
    return value


input_format = click.option(
    "--input-format",
    metavar="FMT",
    default=None,
    callback=_input_format,
    help="Read inputs as this format (txt, md, html, docx, pdf, doc, ofd, png, jpeg, tiff) "
    "instead of sniffing; "
    "needed for '-' when the bytes do not tell.",
)
force = click.option("--force", is_flag=True, help="Overwrite existing outputs.")
zip_limit = click.option(
    "--zip-limit",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    metavar="MB",
    help="Refuse a .docx whose parts expand beyond this many megabytes (zip bombs).",
)
keywords = click.option(
    "--keywords",
    is_flag=True,
    help="Fill each provision's keywords (jieba; loading its dictionary costs about a "
    "second once per process).",
)


def quiet(f: F) -> F:
    return click.option("-q", "--quiet", is_flag=True, help="Print nothing on stderr but errors.")(
        f
    )


encoding = click.option(
    "--encoding",
    metavar="CODEC",
    default=None,
    callback=_encoding,
    help="Decode text inputs (.txt, .md, .html) as this encoding (big5, gb18030, utf-16 …) "
    "instead of detecting it or taking the page's charset.",
)
table = click.option(
    "--table",
    type=click.Choice(TABLE_NAMES),
    default=None,
    help="With -f csv or jsonl: which table to write (default: provisions); xlsx and "
    "sqlite hold them all.",
)

max_size = click.option(
    "--max-size",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    metavar="MB",
    help="Refuse an input larger than this many megabytes (and read only regular files: "
    "a FIFO or a device is refused).",
)
