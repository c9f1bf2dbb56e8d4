"""The command line. Thin: read options, call the library, hand records to a writer.

Data goes to stdout (or ``-o``), everything meant for a person to stderr. Library errors
become ``policyparse: error: <file>: <reason>`` and exit 1; click's usage errors exit 2.
Heavy modules (pydantic models, rich, loaders) are imported inside the commands, so
``policyparse --help`` starts fast.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from . import __version__, options

if TYPE_CHECKING:
    from .batch.executors import Executor
    from .provisions import Record


def _fail(message: str) -> None:
    click.echo(f"policyparse: error: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policyparse")
def main() -> None:
    """Turn Chinese government policy documents into structured records."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE|- [FILE…]")
@options.output_format
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file (atomically) instead of stdout.",
)
@options.input_format
@options.keywords
@options.zip_limit
@options.force
@options.quiet
def extract(
    inputs: tuple[str, ...],
    output_format: str,
    output: Path | None,
    input_format: str | None,
    keywords: bool,
    zip_limit: int,
    force: bool,
    quiet: bool,
) -> None:
    """Parse documents and print their records (json, jsonl or csv)."""
    if output is not None:
        _check_output(output, inputs, force)
    settings = _settings(keywords, zip_limit)
    run = _Inputs(inputs, input_format, quiet, settings)
    documents = run.documents()
    first = next(documents, None)
    if first is None:
        sys.exit(1)
    from .writers import get_writer

    writer = get_writer(output_format, many=len(inputs) > 1)

    def write_all(stream: TextIO) -> None:
        writer.begin(stream)
        for doc in _chain(first, documents):
            writer.document(doc, stream)
        writer.end(stream)

    try:
        if output is None:
            stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
            write_all(stdout)
            stdout.flush()
            stdout.detach()
        else:
            from .atomic import atomic_text_writer

            with atomic_text_writer(output, newline="") as stream:
                write_all(stream)
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    sys.exit(1 if run.failures else 0)


def _chain(first: Record, rest: Iterator[Record]) -> Iterator[Record]:
    yield first
    yield from rest


@dataclass
class _Inputs:
    """The inputs of one command: parsed one by one, failures reported and counted."""

    names: tuple[str, ...]
    input_format: str | None
    quiet: bool
    options: Mapping[str, object] | None = None
    failures: int = 0

    def documents(self) -> Iterator[Record]:
        """Records, one per input that parses (pydantic is never imported here)."""
        from .errors import PolicyParseError
        from .pipeline import parse_record

        for name in self.names:
            try:
                if name == "-":
                    data = sys.stdin.buffer.read()
                    doc = parse_record(
                        data, format=self.input_format, name="-", options=self.options
                    )
                else:
                    doc = parse_record(name, format=self.input_format, options=self.options)
            except PolicyParseError as error:
                _fail(str(error))
                self.failures += 1
                continue
            if not self.quiet:
                _summarise(doc)
            yield doc


def _summarise(doc: Record) -> None:
    if not sys.stderr.isatty():
        return
    count = len(doc["provisions"])
    warnings = len(doc["warnings"])
    path = doc["source"]["path"]
    click.echo(f"policyparse: {path}: {count} provision(s), {warnings} warning(s)", err=True)


def _check_output(output: Path, inputs: tuple[str, ...], force: bool) -> None:
    resolved = output.resolve()
    for name in inputs:
        if name != "-" and Path(name).resolve() == resolved:
            _fail(f"{output}: is one of the inputs; refusing to overwrite it")
            sys.exit(1)
    if output.exists() and not force:
        _fail(f"{output}: already exists (use --force to overwrite)")
        sys.exit(1)


@main.command()
@click.argument("root", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the outputs; the input tree is mirrored in it.",
)
@options.output_format
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: the number of cores).",
)
@click.option("--glob", "pattern", default=None, help="Only files matching this pattern.")
@click.option(
    "--executor",
    type=click.Choice(("local", "dask")),
    default="local",
    show_default=True,
    help="Run on this machine's cores, or on a Dask cluster (pip install 'policyparse[dask]').",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="With --executor dask: the scheduler (tcp://host:8786); default: a LocalCluster.",
)
@click.option(
    "--combine",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="With -f jsonl or csv: every provision of the whole tree into this one file.",
)
@options.keywords
@options.zip_limit
@options.force
@options.quiet
def batch(
    root: Path,
    outdir: Path,
    output_format: str,
    jobs: int | None,
    pattern: str | None,
    executor: str,
    scheduler: str | None,
    combine: Path | None,
    keywords: bool,
    zip_limit: int,
    force: bool,
    quiet: bool,
) -> None:
    """Convert every document under DIR into OUTDIR, in parallel."""
    from .batch.progress import reporter_for
    from .batch.runner import plan, run_batch
    from .batch.summary import print_summary
    from .errors import PolicyParseError
    from .walk import iter_files

    if combine is not None and output_format not in ("jsonl", "csv"):
        raise click.UsageError("--combine needs -f jsonl or -f csv")
    if scheduler is not None and executor != "dask":
        raise click.UsageError("--scheduler needs --executor dask")
    if not root.is_dir():
        _fail(f"{root}: no such folder")
        sys.exit(1)
    if combine is not None and combine.exists() and not force:
        _fail(f"{combine}: already exists (use --force to overwrite)")
        sys.exit(1)
    workers = jobs or os.cpu_count() or 1
    try:
        run = _executor(executor, scheduler, workers)
    except PolicyParseError as error:
        _fail(str(error))
        sys.exit(2)
    total = sum(1 for _ in iter_files(root, pattern=pattern))  # a cheap first walk, for the ETA
    settings = _settings(keywords, zip_limit)
    todo = plan(
        root,
        iter_files(root, pattern=pattern),
        outdir,
        output_format,
        settings,
        force=force,
        combine=combine is not None,
    )
    outdir.mkdir(parents=True, exist_ok=True)
    summary = run_batch(
        todo,
        total,
        run,
        reporter_for(quiet),
        combine=combine,
        output_format=output_format,
        outdir=outdir,
    )
    for failure in summary.failures:
        _fail(f"{failure.source}: {failure.message}")
    if not quiet:
        print_summary(summary, outdir)
    sys.exit(1 if summary.failures else 0)


def _settings(keywords: bool, zip_limit_mb: int) -> dict[str, object]:
    """The parse options the command-line flags set (see settings.ParseOptions)."""
    return {"keywords": keywords, "max_unzipped_bytes": zip_limit_mb * 1024 * 1024}


def _executor(name: str, scheduler: str | None, workers: int) -> Executor:
    if name == "dask":
        from .batch.dask_executor import dask_executor

        return dask_executor(scheduler, workers)
    from .batch.executors import local_executor

    return local_executor(workers)


@main.command()
@click.argument("input_path", metavar="FILE|-")
@options.input_format
def inspect(input_path: str, input_format: str | None) -> None:
    """Show the provision tree with units, deadlines and amounts highlighted."""
    from .models import Document
    from .render import render_tree

    record = next(_Inputs((input_path,), input_format, quiet=True).documents(), None)
    if record is None:
        sys.exit(1)
    render_tree(Document.model_validate(record))


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE|DIR…")
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(("table", "csv", "json")),
    default="table",
    show_default=True,
    help="A table for people (stderr), or csv / json data (stdout).",
)
@options.input_format
def units(inputs: tuple[str, ...], output_format: str, input_format: str | None) -> None:
    """Who leads and who supports what: every responsible unit across the documents."""
    from .matrix import build_matrix
    from .walk import expand

    run = _Inputs(tuple(expand(inputs)), input_format, quiet=True)
    rows = build_matrix(run.documents())
    from .writers.matrix_writer import write_matrix

    write_matrix(rows, output_format)
    sys.exit(1 if run.failures else 0)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the Document record."""
    import json

    from .models import Document

    click.echo(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))
