"""The command line. Thin: read options, call the library, hand records to a writer.

Data goes to stdout (or ``-o``), everything meant for a person to stderr. Library errors
become ``policyparse: error: <file>: <reason>`` and exit 1; click's usage errors exit 2.
Heavy modules (pydantic models, rich, loaders) are imported inside the commands, so
``policyparse --help`` starts fast.
"""

from __future__ import annotations

import contextlib
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
    from .batch.pool import Limits
    from .provisions import Record


def _fail(message: str) -> None:
    from .inputs import display_name, one_line

    click.echo(f"policyparse: error: {one_line(display_name(message))}", err=True)


class _Main(click.Group):
    """The command group; Ctrl-C ends any command with 130 (128 + SIGINT), as a shell
    expects, instead of click's "Aborted!" and 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("policyparse: interrupted", err=True)
            sys.exit(130)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policyparse")
def main() -> None:
    """Turn Chinese government policy documents into structured records."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE|- [FILE…]")
@options.output_format
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    default=None,
    help="Write to this file (atomically; '-' is stdout); the format follows its extension "
    "(.json .jsonl .csv .xlsx .sqlite .db) unless -f says otherwise.",
)
@options.table
@click.option(
    "--array", is_flag=True, help="With -f json: an array even for one input (for scripts)."
)
@options.input_format
@options.encoding
@options.keywords
@options.zip_limit
@options.max_size
@options.force
@options.quiet
def extract(
    inputs: tuple[str, ...],
    output_format: str | None,
    output: str | None,
    table: str | None,
    array: bool,
    input_format: str | None,
    encoding: str | None,
    keywords: bool,
    zip_limit: int,
    max_size: int,
    force: bool,
    quiet: bool,
) -> None:
    """Parse documents and print their records (json, jsonl, csv, xlsx or sqlite).

    Several inputs: the output holds every one that parsed (a complete JSON array, every
    line), the others are one line each on stderr, and the exit code is 1."""
    from . import output as destination
    from .writers import FILE_FORMATS, format_for

    fmt = output_format or (None if output in (None, "-") else format_for(str(output))) or "json"
    if table is not None and fmt not in ("csv", "jsonl"):
        holds = "every table" if fmt in FILE_FORMATS else "whole documents"
        raise click.UsageError(f"--table needs -f csv or jsonl ({fmt} holds {holds})")
    if output not in (None, "-"):
        _check_output(Path(str(output)), inputs, force)
    elif fmt in FILE_FORMATS and destination.stdout_is_terminal():
        raise click.UsageError(f"{fmt} is binary; name a file with -o (or redirect stdout)")
    settings = _settings(keywords, zip_limit, encoding)
    run = _Inputs(inputs, input_format, quiet, settings, max_bytes=max_size * 1024 * 1024)
    documents = run.documents()
    first = next(documents, None)
    if first is None:
        sys.exit(1)
    from .errors import WriteError

    with (
        destination.quiet_broken_pipe(),
        _one_line_on(WriteError),
        destination.write_errors(output),
    ):
        if fmt in FILE_FORMATS:
            destination.write_file(output, fmt, _chain(first, documents))
        else:
            from .writers import get_writer

            writer = get_writer(fmt, many=array or len(inputs) > 1, table=table or "provisions")

            def write_all(stream: TextIO) -> None:
                writer.begin(stream)
                for doc in _chain(first, documents):
                    writer.document(doc, stream)
                writer.end(stream)

            destination.write_text(output, write_all)
    sys.exit(1 if run.failures else 0)


@contextlib.contextmanager
def _one_line_on(*errors: type[Exception]) -> Iterator[None]:
    """These library errors as ``policyparse: error: …`` and exit 1."""
    try:
        yield
    except errors as error:
        _fail(str(error))
        sys.exit(1)


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
    read_records: bool = False  # read policyparse's own JSON outputs as the records they are
    failures: int = 0
    max_bytes: int | None = None  # None: inputs.DEFAULT_MAX_BYTES

    def documents(self) -> Iterator[Record]:
        """Records, one per input that parses (pydantic is never imported here)."""
        from .errors import PolicyParseError
        from .inputs import DEFAULT_MAX_BYTES, display_name, read_input, read_stdin
        from .pipeline import parse_record
        from .readback import own_records

        budget = self.max_bytes or DEFAULT_MAX_BYTES
        for name in self.names:
            regular = name != "-" and os.path.isfile(name)  # a FIFO named .json never blocks
            records = own_records(Path(name)) if regular else None
            if records is not None and self.read_records:
                yield from records
                continue
            if records is not None:
                _fail(
                    f"{name}: is policyparse's own JSON output, not a document "
                    "(policyparse units reads it)"
                )
                self.failures += 1
                continue
            try:
                data = read_stdin(budget) if name == "-" else read_input(name, max_bytes=budget)
                doc = parse_record(
                    data, format=self.input_format, name=display_name(name), options=self.options
                )
                _check_serialisable(doc)
            except PolicyParseError as error:
                _fail(str(error))
                self.failures += 1
                continue
            except Exception as error:  # a bug: this input fails, the others go on
                _fail(f"{name}: internal error: {type(error).__name__}: {error}")
                self.failures += 1
                continue
            if not self.quiet:
                _summarise(doc)
            yield doc


def _check_serialisable(doc: Record) -> None:
    """Refuse here a record no writer could write, so that a bad document never leaves a
    JSON array or a CSV half-written."""
    from .errors import PolicyParseError
    from .output import unwritable

    reason = unwritable(doc)
    if reason is not None:
        raise PolicyParseError(reason, path=doc["source"]["path"])


def _summarise(doc: Record) -> None:
    if not sys.stderr.isatty():
        return
    count = len(doc["provisions"])
    warnings = len(doc["warnings"])
    path = doc["source"]["path"]
    click.echo(f"policyparse: {path}: {count} provision(s), {warnings} warning(s)", err=True)


def _check_output(output: Path, inputs: tuple[str, ...], force: bool) -> None:
    """Usage errors (exit 2) for an output that would clobber something; a device or a
    pipe (/dev/null, a FIFO) is written in place, never replaced, so needs no --force."""
    try:
        _check_output_path(output, inputs, force)
    except OSError as error:  # a name too long, a loop of links: no file could be made
        _fail(f"{output}: cannot write: {error.strerror or error}")
        sys.exit(1)


def _check_output_path(output: Path, inputs: tuple[str, ...], force: bool) -> None:
    from .output import is_special

    hint = "'-o' / '--output'"
    resolved = output.resolve()
    for name in inputs:
        if name != "-" and Path(name).resolve() == resolved:
            raise click.BadParameter(
                f"{output}: is one of the inputs; refusing to overwrite it", param_hint=hint
            )
    if output.is_dir():
        raise click.BadParameter(f"{output}: is a folder", param_hint=hint)
    if output.exists() and not is_special(output) and not force:
        raise click.BadParameter(
            f"{output}: already exists (use --force to overwrite)", param_hint=hint
        )


@main.command()
@click.argument(
    "root", metavar="DIR", type=click.Path(exists=True, file_okay=False, path_type=Path)
)
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
    help="Every record of the whole tree into this one file instead: provisions "
    "(.jsonl, .csv) or every table (.xlsx, .sqlite, .db); the format follows its extension.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=300,
    show_default=True,
    metavar="SECONDS",
    help="Give up on a file after this many seconds (its worker is killed and replaced); "
    "0: no limit.",
)
@click.option(
    "--max-memory",
    type=click.IntRange(min=1),
    default=None,
    metavar="MB",
    help="Cap each worker's memory at this many megabytes; a file past it fails alone.",
)
@click.option(
    "--retry-failed",
    is_flag=True,
    help="Try again the files an earlier run failed on (by default a rerun skips a file "
    "that failed and has not changed since).",
)
@options.encoding
@options.keywords
@options.zip_limit
@options.max_size
@options.force
@options.quiet
def batch(
    root: Path,
    outdir: Path,
    output_format: str | None,
    jobs: int | None,
    pattern: str | None,
    executor: str,
    scheduler: str | None,
    combine: Path | None,
    timeout: float,
    max_memory: int | None,
    retry_failed: bool,
    encoding: str | None,
    keywords: bool,
    zip_limit: int,
    max_size: int,
    force: bool,
    quiet: bool,
) -> None:
    """Convert every document under DIR into OUTDIR, in parallel.

    Every file is isolated: a crash, a timeout or a dead worker fails that file alone
    (OUTDIR/errors.jsonl) and the batch goes on. A rerun redoes exactly the files whose
    input or options changed (stamps in OUTDIR/.policyparse-stamps) and skips those that
    failed unchanged (--retry-failed tries them); --force redoes every file."""
    from .batch.failures import Failures
    from .batch.pool import Limits
    from .batch.progress import reporter_for
    from .batch.runner import plan, run_batch
    from .batch.stamps import Stamps, settings_digest
    from .batch.summary import print_summary
    from .errors import PolicyParseError
    from .formats import SUPPORTED_EXTENSIONS
    from .inputs import display_name
    from .writers import format_for

    if output_format is None:
        output_format = (format_for(combine) if combine is not None else None) or "json"
    if combine is not None and output_format == "json":
        raise click.UsageError("--combine needs -f jsonl, csv, xlsx or sqlite")
    if scheduler is not None and executor != "dask":
        raise click.UsageError("--scheduler needs --executor dask")
    if combine is not None and _is_an_input(combine, root, pattern):
        _fail(f"{combine}: is one of the inputs under {root}; refusing to overwrite it (--combine)")
        sys.exit(2)
    if combine is not None and combine.exists() and not force:
        raise click.BadParameter(
            f"{combine}: already exists (use --force to overwrite)", param_hint="'--combine'"
        )
    from .walk import iter_files

    if next(iter_files(root, pattern=pattern), None) is None:
        looked_for = pattern or " ".join(SUPPORTED_EXTENSIONS)
        _fail(f"{root}: no documents to convert (looked for {looked_for})")
        sys.exit(1)
    workers = jobs or os.cpu_count() or 1
    limits = Limits(timeout or None, max_memory * 1024 * 1024 if max_memory else None)
    try:
        run = _executor(executor, scheduler, workers, limits)
    except PolicyParseError as error:
        _fail(str(error))
        sys.exit(2)
    total = sum(1 for _ in iter_files(root, pattern=pattern))  # a cheap first walk, for the ETA
    settings = _settings(keywords, zip_limit, encoding)
    _prepare_outdir(outdir, combine)
    digest = settings_digest(output_format, settings)
    stamps = None if combine else Stamps(outdir, root, digest)
    failures = Failures(outdir, root, digest, {"timeout": limits.timeout, "max_memory": max_memory})
    todo = plan(
        root,
        iter_files(root, pattern=pattern),
        outdir,
        output_format,
        settings,
        force=force,
        combine=combine is not None,
        stamps=stamps,
        max_bytes=max_size * 1024 * 1024,
    )
    with _one_line_on(PolicyParseError), _outdir_errors(outdir):
        summary = run_batch(
            todo,
            total,
            run,
            reporter_for(quiet),
            combine=combine,
            output_format=output_format,
            outdir=outdir,
            stamps=stamps,
            failures=None if retry_failed else failures,
        )
    for failure in summary.failures:
        again = " (failed before; --retry-failed tries again)" if failure.earlier else ""
        _fail(f"{display_name(failure.source)}: {failure.message}{again}")
    if not quiet:
        print_summary(summary, outdir)
    for line in summary.unwritten:
        _fail(line)
    sys.exit(1 if summary.failures or summary.unwritten else 0)


def _settings(keywords: bool, zip_limit_mb: int, encoding: str | None = None) -> dict[str, object]:
    """The parse options the command-line flags set (see settings.ParseOptions)."""
    settings: dict[str, object] = {
        "keywords": keywords,
        "max_unzipped_bytes": zip_limit_mb * 1024 * 1024,
    }
    if encoding is not None:  # absent unless given, so batch stamps of old runs still match
        settings["encoding"] = encoding
    return settings


def _executor(name: str, scheduler: str | None, workers: int, limits: Limits) -> Executor:
    if name == "dask":
        from .batch.dask_executor import dask_executor

        return dask_executor(scheduler, workers)
    from .batch.executors import local_executor

    return local_executor(workers, limits)


def _is_an_input(combine: Path, root: Path, pattern: str | None) -> bool:
    """``combine`` is a file the walk of ``root`` reads: --force must not replace it."""
    from .inputs import is_within
    from .walk import iter_files

    if not combine.exists() or not is_within(combine.resolve(), root.resolve()):
        return False
    target = combine.stat()
    for path in iter_files(root, pattern=pattern):
        with contextlib.suppress(OSError):  # a dangling link is no input
            if os.path.samestat(target, path.stat()):
                return True
    return False


def _prepare_outdir(outdir: Path, combine: Path | None) -> None:
    """OUTDIR made, the temporary files a killed run left swept away, and proved
    writable — or one line and exit 1 (read-only, full, a file where a folder should be)."""
    from .atomic import locked_temporary, sweep_temporaries

    with _outdir_errors(outdir):
        outdir.mkdir(parents=True, exist_ok=True)
        sweep_temporaries(outdir, recursive=True)
        if combine is not None:
            sweep_temporaries(combine.parent, name=combine.name)
        with locked_temporary(outdir, "policyparse-probe"):
            pass


@contextlib.contextmanager
def _outdir_errors(outdir: Path) -> Iterator[None]:
    try:
        yield
    except OSError as error:
        _fail(f"{outdir}: cannot write: {error.strerror or error}")
        sys.exit(1)


@main.command()
@click.argument("input_path", metavar="FILE|-")
@options.input_format
@options.encoding
def inspect(input_path: str, input_format: str | None, encoding: str | None) -> None:
    """Show the provision tree with units, deadlines and amounts highlighted (stdout)."""
    from .models import Document
    from .output import quiet_broken_pipe
    from .render import render_tree

    settings = {"encoding": encoding} if encoding else None
    record = next(_Inputs((input_path,), input_format, True, settings).documents(), None)
    if record is None:
        sys.exit(1)
    with quiet_broken_pipe():
        render_tree(Document.model_validate(record))
        sys.stdout.flush()


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE|DIR|GLOB…")
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(("tsv", "csv", "jsonl", "json")),
    default="tsv",
    show_default=True,
    help="The long matrix on stdout: one row per unit, role and provision.",
)
@click.option(
    "--table",
    "show_table",
    is_flag=True,
    help="Also show the matrix per unit for people, on stderr.",
)
@options.input_format
@options.encoding
def units(
    inputs: tuple[str, ...],
    output_format: str,
    show_table: bool,
    input_format: str | None,
    encoding: str | None,
) -> None:
    """Who leads and who supports what: one row per unit, role, document and provision.

    Reads documents, folders, quoted globs ('notices/**/*.pdf') and batch's JSON outputs."""
    from .matrix import long_rows
    from .output import quiet_broken_pipe
    from .walk import expand_globs
    from .writers.matrix_writer import write_long, write_table

    names, missing = expand_globs(inputs)
    for pattern in missing:
        _fail(f"{pattern}: no file matches")
    settings = {"encoding": encoding} if encoding else None
    run = _Inputs(tuple(names), input_format, True, settings, read_records=True)
    documents = list(run.documents())
    if not documents:
        if not run.failures and not missing:
            _fail(f"{' '.join(inputs)}: no documents found")
        sys.exit(1)
    rows = long_rows(documents)
    with quiet_broken_pipe():
        write_long(rows, output_format)
    if show_table:
        write_table(rows)
    sys.exit(1 if run.failures or missing else 0)


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE|DIR|GLOB…")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="The HTML file to write (one self-contained page).",
)
@click.option("--title", default=None, help="The page's title (default: the document's own).")
@options.input_format
@options.encoding
@options.force
def report(
    inputs: tuple[str, ...],
    output: Path,
    title: str | None,
    input_format: str | None,
    encoding: str | None,
    force: bool,
) -> None:
    """Write one HTML file to read documents in a browser: each provision tree beside its
    source text, and for several documents a table, the responsibility matrix, deadlines
    on a timeline and totals. A document that fails is listed with its reason (exit 1)."""
    from .report import write_report
    from .walk import expand_globs

    names, missing = expand_globs(inputs)
    for pattern in missing:
        _fail(f"{pattern}: no file matches")
    if not names:
        if not missing:
            _fail(f"{' '.join(inputs)}: no documents found")
        sys.exit(1)
    _check_output(output, tuple(names), force)
    settings = {"encoding": encoding} if encoding else None
    result = write_report(names, output, title=title, input_format=input_format, options=settings)
    for failure in result.failures:
        _fail(failure.line)
    failed = f", {len(result.failures)} failed" if result.failures else ""
    click.echo(f"policyparse: wrote {output}: {result.documents} document(s){failed}", err=True)
    sys.exit(1 if result.failures or missing else 0)


@main.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(("text", "json", "jsonl", "html")),
    default=None,
    help="text for people (the default), json or jsonl for scripts, html for one "
    "self-contained page; without -f, from the -o file's extension.",
)
@click.option("-o", "--output", metavar="FILE", default=None, help="Write here (atomically).")
@click.option(
    "--by",
    type=click.Choice(("text", "id")),
    default="text",
    show_default=True,
    help="Align provisions by place and text, or by written numbering only.",
)
@options.input_format
@options.encoding
@options.force
def diff(
    old: str,
    new: str,
    output_format: str | None,
    output: str | None,
    by: str,
    input_format: str | None,
    encoding: str | None,
    force: bool,
) -> None:
    """What changed between two versions of a policy, provision by provision."""
    from . import output as destination
    from .diff import diff_records
    from .diff.outputs import SUFFIXES, write

    suffix = Path(output).suffix.lower() if output not in (None, "-") else ""
    fmt = output_format or SUFFIXES.get(suffix, "text")
    if output not in (None, "-"):
        _check_output(Path(str(output)), (old, new), force)
    settings = {"encoding": encoding} if encoding else None
    run = _Inputs((old, new), input_format, True, settings, read_records=True)
    records = list(run.documents())
    if run.failures or len(records) != 2:
        if not run.failures:
            _fail(f"{old} {new}: each input must hold exactly one document")
        sys.exit(1)
    result = diff_records(records[0], records[1], by=by)
    colour = fmt == "text" and output is None and destination.stdout_is_terminal()
    colour = colour and not os.environ.get("NO_COLOR")
    with destination.quiet_broken_pipe():
        destination.write_text(output, lambda stream: write(result, fmt, stream, colour=colour))


@main.command()
def schema() -> None:
    """Print the JSON Schema of the Document record."""
    import json

    from .models import Document

    click.echo(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))
