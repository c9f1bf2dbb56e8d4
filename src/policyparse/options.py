"""Click options declared once and shared by the commands that take them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from .writers import FORMATS

F = TypeVar("F", bound=Callable[..., Any])

output_format = click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="json",
    show_default=True,
    help="Output format: a Document per input (json), a provision per line (jsonl), "
    "or a provision per row for Excel (csv).",
)
input_format = click.option(
    "--input-format",
    metavar="FMT",
    default=None,
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
