"""The `attribution` command: a thin shell that reads arguments, calls `pipeline`, writes output.

Nothing here decides anything the library could; each command is read → pipeline → render →
write → exit code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import functools
import gc
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from attribution import cli_help, parallel
from attribution.articles import Progress
from attribution.articles import extract as extract_articles
from attribution.errors import AttributionError, unknown_choice
from attribution.model import Report, Severity

if TYPE_CHECKING:
    from attribution.config import Config

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)
# One article is one step, so its bar would only jump from empty to full: none for it.
PROGRESS_MIN_ARTICLES = 2
# The collector's thresholds for a run: the youngest generation is collected after this
# many new objects (Python's default is 700), the older ones as by default.
GC_THRESHOLDS = (100_000, 10, 10)


class Format(enum.StrEnum):
    """Output formats: markdown or an HTML page for people, JSON (`attribution/report-v1`)
    for programs."""

    MARKDOWN = "markdown"
    JSON = "json"
    HTML = "html"


class FailOn(enum.StrEnum):
    """The lowest severity that makes the command exit 1."""

    INFO = "info"
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"


class HouseSpelling(enum.StrEnum):
    """A newsroom's spelling: a quote respelled the other way is a minor finding."""

    US = "us"
    UK = "uk"


# Every usage error typer raises (a missing argument, an unknown option or command) is a
# subclass of the class just below Exception in BadParameter's ancestry: click's
# ClickException, or typer's own base where typer carries click inside it. Found from the
# public `typer.BadParameter`, so no private class name is needed on any typer version.
_ANCESTRY = typer.BadParameter.__mro__
_USAGE_ERROR: type[Exception] = _ANCESTRY[_ANCESTRY.index(Exception) - 1]
# The exit code of bad usage (docs/commands.md): the same for typer's errors and the tool's.
USAGE_EXIT = 2


class _Group(TyperGroup):
    """The `attribution` group, speaking in the tool's own words: a bare `attribution`
    prints a short usage once, a usage error is one line on standard error, exit 2, and help
    is laid out by `cli_help` instead of typer's boxed panels (which also name types)."""

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(args) if args is not None else sys.argv[1:]
        _plain_coercion(self)
        # The command's name in usage and errors, also under `python -m attribution`.
        prog_name = prog_name or "attribution"
        if not argv:
            typer.echo(self._short_usage(prog_name), err=True, nl=False)
            sys.exit(USAGE_EXIT)
        try:
            rv = super().main(
                args=argv,
                prog_name=prog_name,
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
        except _USAGE_ERROR as err:
            if not standalone_mode:
                raise
            typer.echo(f"Error: {_usage_message(err)}", err=True)
            sys.exit(USAGE_EXIT)
        except typer.Abort:
            if not standalone_mode:
                raise
            typer.echo("Aborted.", err=True)
            sys.exit(1)
        if standalone_mode:
            sys.exit(rv if isinstance(rv, int) else 0)
        return rv

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        return _plain(option) if option is not None else None

    def format_help(self, ctx: Any, formatter: Any) -> None:
        text = cli_help.parse_doc(self.help)
        commands = [
            cli_help.Entry(name, cli_help.parse_doc(cmd.help).summary)
            for name, cmd in self.commands.items()
        ]
        page = cli_help.render(
            f"{ctx.command_path} [OPTIONS] COMMAND [ARGS]...",
            text,
            [("Commands", commands), ("Options", _option_entries(self, ctx))],
            footer=f"Run '{ctx.command_path} COMMAND --help' for a command's options and an "
            "example.",
        )
        formatter.write(page)

    def _short_usage(self, prog: str) -> str:
        commands = [
            cli_help.Entry(name, cli_help.parse_doc(cmd.help).summary)
            for name, cmd in self.commands.items()
        ]
        return cli_help.render(
            f"{prog} [OPTIONS] COMMAND [ARGS]...",
            cli_help.CommandText("", (), ()),
            [("Commands", commands)],
            footer=f"Run '{prog} --help' for more, or '{prog} COMMAND --help' for a command.",
        )


def _plain_coercion(group: Any) -> None:
    """Let each option and argument of the tool read its plain values itself (`_plain`)."""
    for command in [group, *getattr(group, "commands", {}).values()]:
        for param in command.params:
            _plain(param)


def _plain(param: Any) -> Any:
    """The parameter, reading its plain values itself instead of through pydantic.

    typer 0.29 converts every command-line value through a pydantic adapter, which imports
    pydantic and builds a validator per parameter: a tenth of a second on every run, longer
    than reading and extracting a news story. The tool's parameters are strings, lists of
    strings, paths, flags and a count; each such value is read here as typer reads it, and
    anything else (a value typer would refuse, another type) still goes to typer, so its
    errors are typer's own. On a typer without that machinery nothing changes.
    """
    plain = _plain_class()
    descriptor = getattr(param, "type_descriptor", None)
    if plain is not None and descriptor is not None and param._runtime_param is None:
        fallback = functools.partial(_typer_coercion, descriptor)
        param._runtime_param = plain(descriptor.parameter_info, descriptor.annotation, fallback)
    return param


@functools.cache
def _plain_class() -> Any:
    try:
        # typer before 0.29 has neither module (nor pydantic on its path); mypy there sees
        # them missing and RuntimeParam untyped.
        from typer._coercion import RuntimeParam  # type: ignore[import-not-found, unused-ignore]
        from typer._param_types import (  # type: ignore[import-not-found, unused-ignore]
            coerce_cli_path,
        )
    except ImportError:  # another typer: its own way of reading values stands
        return None

    @dataclasses.dataclass(frozen=True)
    class Plain(RuntimeParam):  # type: ignore[misc, unused-ignore]
        fallback: Any = None

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            kind = self.annotation
            info = self.parameter_info
            if kind is str and type(value) is str:
                return value
            if kind == list[str] and all(type(v) is str for v in value):
                return list(value)
            if kind is bool and type(value) is bool:
                return value
            if kind is Path and type(value) is str and value:
                # Given a Path, typer checks it (a folder where a file is wanted) itself.
                return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
            if kind is int and type(value) is str and value.isascii() and value.isdigit():
                number = int(value)
                low, high = getattr(info, "min", None), getattr(info, "max", None)
                if (low is None or number >= low) and (high is None or number <= high):
                    return number
            return self.fallback()._coerce_value(value, param=param, ctx=ctx)

    return Plain


def _typer_coercion(descriptor: Any) -> Any:
    from typer._coercion import (  # type: ignore[import-not-found, unused-ignore]
        build_runtime_param,
    )

    return build_runtime_param(descriptor)


class _Command(TyperCommand):
    """A command whose help is laid out by `cli_help`: usage, what it does, its arguments,
    its options, then an example."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        return _plain(option) if option is not None else None

    def format_help(self, ctx: Any, formatter: Any) -> None:
        params = self.get_params(ctx)
        arguments = [
            cli_help.Entry(_argument_name(p), getattr(p, "help", None) or "")
            for p in params
            if p.param_type_name == "argument"
        ]
        usage = " ".join([ctx.command_path, "[OPTIONS]", *(e.name for e in arguments)])
        page = cli_help.render(
            usage,
            cli_help.parse_doc(self.help),
            [("Arguments", arguments), ("Options", _option_entries(self, ctx))],
        )
        formatter.write(page)


def _option_entries(command: Any, ctx: Any) -> list[cli_help.Entry]:
    """Each visible option of a command as a help row, `--help` last."""
    entries = []
    for param in command.get_params(ctx):
        if param.param_type_name != "option" or getattr(param, "hidden", False):
            continue
        help_text = getattr(param, "help", None) or ""
        if param.name == "help":
            help_text = "Show this help and exit."
        metavar = None if getattr(param, "is_flag", False) else param.metavar
        name = cli_help.option_entry(param.opts, param.secondary_opts, metavar)
        entries.append(cli_help.Entry(name, help_text))
    return entries


def _argument_name(param: Any) -> str:
    return str(param.metavar or (param.name or "").upper())


def _usage_message(err: Exception) -> str:
    """typer's message for a usage error, as one line in the tool's voice, with where to
    look: `missing argument 'DRAFT...' (see 'attribution check --help')`."""
    message = " ".join(str(getattr(err, "format_message", err.__str__)()).split())
    message = message[:1].lower() + message[1:].rstrip(".")
    ctx = getattr(err, "ctx", None)
    path = getattr(ctx, "command_path", "") or "attribution"
    return f"{message} (see '{path} --help')"


def _choice(kind: type[E], value: str, what: str) -> E:
    """`value` as a member of the enum `kind`, any case; else one line and exit 2:
    `unknown format 'pdf'; use markdown, json or html`."""
    try:
        return kind(value.lower())
    except ValueError:
        _fail(str(unknown_choice(what, value, [m.value for m in kind])))


def _json_if_text(fmt: Format, include_text: bool) -> Format:
    """The format, refusing --include-text where it would be silently ignored (markdown)."""
    if include_text and fmt is not Format.JSON:
        _fail("--include-text adds the articles' text to JSON; use it with --format json")
    return fmt


def _choices(kind: type[enum.Enum]) -> str:
    """The metavar of a choice: `markdown|json`."""
    return "|".join(str(m.value) for m in kind)


app = typer.Typer(
    cls=_Group,
    name="attribution",
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help="markdown (the default) or a self-contained html page for people; json "
        "(schema attribution/report-v1) for programs.",
        metavar=_choices(Format),
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the report to FILE instead of standard output.",
        dir_okay=False,
        metavar="FILE",
        show_default=False,
    ),
]
IncludeText = Annotated[
    bool,
    typer.Option(
        "--include-text",
        help="JSON only: put each article's text as read into the report, so a program can "
        "resolve every start and end offset.",
        show_default=False,
    ),
]
CountSpelling = Annotated[
    bool,
    typer.Option(
        "--count-spelling/--ignore-spelling",
        help="Count US/UK and transliteration variants (organize/organise, Qasem/Qassem) as "
        "minor findings, or not at all (default: ignore).",
        show_default=False,
    ),
]
CountEditorial = Annotated[
    bool,
    typer.Option(
        "--count-editorial/--ignore-editorial",
        help="Count marked omissions (…) and [bracketed] insertions as info findings, or not "
        "at all (default: count).",
        show_default=False,
    ),
]

Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        help="How many articles or drafts to work on at once, one process each (default: "
        "one per core; 1 turns it off). The report is the same whatever the number.",
        min=1,
        metavar="N",
        show_default=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        from attribution import __version__  # read from the metadata only when asked

        typer.echo(f"attribution {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Show the version and exit.",
            callback=_version,
            is_eager=True,
            show_default=False,
        ),
    ] = False,
) -> None:
    """Find every quotation in news articles, who it is credited to, and how its wording or
    attribution drifted between printings.

    Example:
        attribution compare seeds/iraq-joint-operations.us-reprint.txt \\
          seeds/iraq-joint-operations.uk-reprint.txt
    """


@app.command(cls=_Command)
def compare(
    articles: Annotated[
        list[str],
        typer.Argument(
            help="Two or more articles (text, markdown or HTML files, http(s) URLs, or - for "
            "standard input); the first is the reference the others are compared with.",
            metavar="REFERENCE OTHER...",
            show_default=False,
        ),
    ],
    format: FormatOption = Format.MARKDOWN.value,
    output: OutputOption = None,
    include_text: IncludeText = False,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding is at or above this severity (default: never).",
            metavar=_choices(FailOn),
            show_default=False,
        ),
    ] = None,
    count_spelling: CountSpelling = False,
    count_editorial: CountEditorial = True,
    jobs: Jobs = None,
) -> None:
    """Pair every quote of the reference with its counterpart in the others, and report how
    each one's wording and attribution drifted.

    Example:
        attribution compare us.txt uk.txt https://example.org/story --fail-on major
    """
    fmt = _json_if_text(_choice(Format, format, "format"), include_text)
    threshold = _choice(FailOn, fail_on, "severity") if fail_on is not None else None
    # Comparison is imported here, when it runs: `extract` never pays for it at start-up.
    from attribution import pipeline
    from attribution.classify import Policy

    policy = Policy.from_options(count_spelling=count_spelling, count_editorial=count_editorial)
    workers = _jobs(jobs)
    with _progress_bar(len(articles)) as progress:
        report = _run(
            lambda: pipeline.compare(*articles, policy=policy, progress=progress, jobs=workers)
        )
    _finish(report, fmt, output, threshold, include_text=include_text)


@app.command(cls=_Command)
def extract(
    articles: Annotated[
        list[str],
        typer.Argument(
            help="Articles to read (text, markdown or HTML files, http(s) URLs, or - for "
            "standard input).",
            metavar="ARTICLE...",
            show_default=False,
        ),
    ],
    format: FormatOption = Format.MARKDOWN.value,
    output: OutputOption = None,
    include_text: IncludeText = False,
    jobs: Jobs = None,
) -> None:
    """List every quote with its speaker, cue verb, kind and position.

    Example:
        attribution extract story.txt --format json --output quotes.json
    """
    fmt = _json_if_text(_choice(Format, format, "format"), include_text)
    with _progress_bar(len(articles)) as progress:
        report = _run(lambda: extract_articles(*articles, progress=progress, jobs=_jobs(jobs)))
    _finish(report, fmt, output, None, include_text=include_text)


@app.command(cls=_Command)
def check(
    drafts: Annotated[
        list[str],
        typer.Argument(
            help="The draft to check (a text or markdown file, or - for standard input). "
            "Several drafts are checked one by one against the same sources, as pre-commit "
            "passes them.",
            metavar="DRAFT...",
            show_default=False,
        ),
    ],
    source: Annotated[
        list[str] | None,
        typer.Option(
            "--source",
            "-s",
            help="A source to check the draft against; repeat for each. PATH detects the kind "
            "(a transcript by its speaker labels, a statement by FOR IMMEDIATE RELEASE or its "
            "### end mark, else an article). KIND:PATH sets it: article:, transcript:, "
            "statement:. statement=NAME:PATH credits a statement to NAME; transcript=NAME:PATH "
            "names who answers as A:. Default: the sources in the configuration file.",
            metavar="[KIND[=NAME]:]PATH",
            show_default=False,
        ),
    ] = None,
    format: FormatOption = Format.MARKDOWN.value,
    output: OutputOption = None,
    include_text: IncludeText = False,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding is at or above this severity (default: the "
            "configuration file's fail-on, else major).",
            metavar=_choices(FailOn),
            show_default=False,
        ),
    ] = None,
    house_spelling: Annotated[
        str | None,
        typer.Option(
            "--house-spelling",
            help="The house spelling: a quote respelled the other way (organize/organise) is "
            "a minor finding (default: the configuration file's, else none).",
            metavar=_choices(HouseSpelling),
            show_default=False,
        ),
    ] = None,
    count_editorial: CountEditorial = True,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Read settings from FILE instead of the attribution.toml or pyproject.toml "
            "([tool.attribution]) found from the working folder upward.",
            dir_okay=False,
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    jobs: Jobs = None,
) -> None:
    """Check every quote of a draft against its sources before publication.

    Each quote must be in a source, in the same words, credited to the same speaker. Exit 1
    when a finding is at or above --fail-on (major by default).

    Example:
        attribution check draft.md --source transcript.txt \\
          --source statement:release.txt
    """
    fmt = _json_if_text(_choice(Format, format, "format"), include_text)
    chosen = _choice(FailOn, fail_on, "severity") if fail_on is not None else None
    spelling = (
        _choice(HouseSpelling, house_spelling, "house spelling")
        if house_spelling is not None
        else None
    )
    settings = _run_config(config)
    sources = source or list(settings.sources)
    threshold = Severity(chosen.value) if chosen is not None else settings.fail_on
    threshold = threshold or Severity.MAJOR
    house = spelling.value if spelling is not None else settings.house_spelling
    if fmt in (Format.JSON, Format.HTML) and len(drafts) > 1:
        _fail(f"--format {fmt.value} reports on one draft at a time; got {len(drafts)} drafts")
    # Checking is imported here, when it runs: `extract` never pays for it at start-up.
    from attribution import pipeline
    from attribution.classify import Policy

    policy = Policy.from_options(count_editorial=count_editorial)
    reports = _run(
        lambda: pipeline.check_drafts(
            drafts,
            sources,
            policy=policy,
            house_spelling=house,
            fail_on=threshold,
            jobs=_jobs(jobs),
        )
    )
    text = _render(reports, fmt, include_text=include_text)
    for report in reports:
        for warning in report.warnings:
            typer.echo(f"warning: {warning}", err=True)
    _write(text, output)
    if any(report.worst >= threshold for report in reports):
        raise typer.Exit(1)


class EngineName(enum.StrEnum):
    """Where `track` runs: every core of this machine, or a Dask cluster."""

    LOCAL = "local"
    DASK = "dask"


# Skipped records named on standard error; summary.md lists every one.
MAX_PROBLEMS_SHOWN = 20


@app.command(cls=_Command)
def track(
    corpus: Annotated[
        list[str],
        typer.Argument(
            help="Folders of articles (text, markdown or HTML files; a subfolder's name is "
            "its articles' outlet), or JSON Lines / Parquet files with one article per "
            "record: id, text, and optionally outlet, published (an ISO date) and url.",
            metavar="CORPUS...",
            show_default=False,
        ),
    ],
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            help="local: every core of this machine (the default); dask: a Dask cluster, "
            "the one at --scheduler or else one started on this machine.",
            metavar=_choices(EngineName),
            show_default=False,
        ),
    ] = EngineName.LOCAL.value,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="The address of a running Dask scheduler (tcp://HOST:8786) to run on, with "
            "--engine dask.",
            metavar="ADDRESS",
            show_default=False,
        ),
    ] = None,
    jobs: Jobs = None,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The folder to write clusters.jsonl, clusters.parquet (with pyarrow) and "
            "summary.md to (default: attribution-track).",
            file_okay=False,
            metavar="DIR",
            show_default=False,
        ),
    ] = Path("attribution-track"),
) -> None:
    """Track every statement across a corpus: who printed it, in which wordings, credited
    to whom, and who changed it.

    Writes clusters.jsonl (one statement a line, schema attribution/clusters-v1), and
    summary.md: the most altered statements, misattributions, and each outlet's count of
    altered quotes.

    Example:
        attribution track news/ wire.jsonl --engine dask --scheduler tcp://10.0.0.5:8786 \\
          --output tracked/
    """
    from attribution import pipeline

    chosen = _choice(EngineName, engine, "engine")
    with _stage_progress() as progress:
        summary = _run(
            lambda: pipeline.track(
                *corpus,
                output=output,
                engine=chosen.value,
                scheduler=scheduler,
                workers=jobs,
                progress=progress,
            )
        )
    tally = summary.tally
    for problem in tally.problems[:MAX_PROBLEMS_SHOWN]:
        typer.echo(f"warning: {problem}", err=True)
    if len(tally.problems) > MAX_PROBLEMS_SHOWN:
        more = len(tally.problems) - MAX_PROBLEMS_SHOWN
        typer.echo(f"warning: and {more} more, listed in {output / 'summary.md'}", err=True)
    typer.echo(
        f"{tally.articles} articles, {tally.statements} statements, {summary.clusters} "
        f"distinct ({summary.shared} printed more than once, {summary.altered_statements} "
        f"altered, {summary.misattributed_statements} misattributed): see "
        f"{output / 'summary.md'} and {output / 'clusters.jsonl'}"
    )


# --- shared steps -------------------------------------------------------------------------


def _run(job: Callable[[], T]) -> T:
    """Run a pipeline call; a user-fixable error becomes one line on stderr and exit 2."""
    try:
        return job()
    except AttributionError as err:
        _fail(str(err))


def _jobs(jobs: int | None) -> int:
    """The number of processes to use: as given, else one per core."""
    return jobs if jobs is not None else parallel.default_jobs()


def _run_config(path: Path | None) -> Config:
    """The configuration that applies: the file given, else the one found from here upward."""
    from attribution.config import Config, find_config, load_config

    try:
        cwd = Path.cwd()
    except OSError as err:
        _fail(f"cannot find the working folder: {err.strerror or err}")
    if path is not None and not path.is_file():
        _fail(f"cannot read {str(path)!r}: file not found")
    try:
        found = path if path is not None else find_config(cwd)
        return load_config(found, cwd=cwd) if found is not None else Config()
    except AttributionError as err:
        _fail(str(err))


@contextlib.contextmanager
def _progress_bar(articles: int) -> Iterator[Progress | None]:
    """A progress bar on standard error while several articles are worked on, when standard
    error is a terminal; nothing otherwise (a log, a pipe, CI)."""
    if articles < PROGRESS_MIN_ARTICLES or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    columns = (BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("articles", total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


@contextlib.contextmanager
def _stage_progress() -> Iterator[Callable[[str, int, int | None], None]]:
    """`track`'s progress on standard error: a bar per stage on a terminal, else a line as
    each stage starts (a log shows how far a long run got)."""
    if not sys.stderr.isatty():
        started: set[str] = set()

        def line(stage: str, done: int, total: int | None) -> None:
            if stage not in started:
                started.add(stage)
                typer.echo(f"track: {stage}...", err=True)

        yield line
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        tasks: dict[str, Any] = {}

        def update(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update


def _fail(message: str) -> NoReturn:
    typer.echo(f"Error: {' '.join(message.split())}", err=True)
    raise typer.Exit(2)


def _finish(
    report: Report,
    format: Format,
    output: Path | None,
    fail_on: FailOn | None,
    *,
    include_text: bool = False,
) -> None:
    text = _render([report], format, include_text=include_text)
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    _write(text, output)
    if fail_on is not None and report.worst >= Severity(fail_on.value):
        raise typer.Exit(1)


def _render(reports: Sequence[Report], format: Format, *, include_text: bool) -> str:
    """The reports in the format asked for (JSON and HTML take one report).

    Each renderer is imported here, when it is used: a run pays only for its own format.
    """
    if format is Format.JSON:
        from attribution.report.json import render_json

        return render_json(reports[0], include_text=include_text)
    if format is Format.HTML:
        from attribution.report.html import render_html

        return render_html(reports[0])
    from attribution.report.markdown import render_markdown_all

    return render_markdown_all(reports)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        stream = getattr(sys.stdout, "buffer", None)
        if stream is not None:
            sys.stdout.flush()
            stream.write(text.encode("utf-8"))
            stream.flush()
        else:
            sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as err:
        _fail(f"cannot write {str(output)!r}: {err.strerror or err}")


def main() -> None:
    """Console-script entry point."""
    # A run imports hundreds of thousands of objects (typer's, NLTK's) that live until it
    # exits. The collector's default thresholds walk them again and again as they arrive,
    # and once more at exit: collect less often while the run works, and leave what is left
    # at the end to the process's exit. Together a fifth of a one-article run.
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        app()
    finally:
        gc.freeze()
