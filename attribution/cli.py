"""The `attribution` command: a thin shell that reads arguments, calls `pipeline`, writes output.

Nothing here decides anything the library could; each command is read → pipeline → render →
write → exit code.
"""

from __future__ import annotations

import contextlib
import enum
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from typer.core import TyperGroup

from attribution import __version__, pipeline
from attribution.classify import Policy
from attribution.config import Config, find_config, load_config
from attribution.errors import AttributionError
from attribution.model import Report, Severity
from attribution.report import render_html, render_json, render_markdown

T = TypeVar("T")
# One article is one step, so its bar would only jump from empty to full: none for it.
PROGRESS_MIN_ARTICLES = 2


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


class _OneLineErrors(TyperGroup):
    """Prints usage errors as one line on standard error, exit 2, instead of a boxed panel.

    Typer renders its errors as a multi-line rich panel; a CI log or a CMS hook wants one
    line it can show as it is.
    """

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            rv = super().main(
                args=args,
                prog_name=prog_name,
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
        except typer.TyperException as err:
            if not standalone_mode:
                raise
            ctx = getattr(err, "ctx", None)
            if type(err).__name__ == "NoArgsIsHelpError" and ctx is not None:
                typer.echo(ctx.get_help())
                sys.exit(2)
            message = " ".join(err.format_message().split())
            typer.echo(f"Error: {message[:1].lower()}{message[1:]}", err=True)
            sys.exit(getattr(err, "exit_code", 2))
        except typer.Abort:
            if not standalone_mode:
                raise
            typer.echo("Aborted.", err=True)
            sys.exit(1)
        if standalone_mode:
            sys.exit(rv if isinstance(rv, int) else 0)
        return rv


app = typer.Typer(
    cls=_OneLineErrors,
    name="attribution",
    help="Find every quotation in news articles, who it is credited to, and how it drifted "
    "between printings.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the report to FILE instead of standard output.",
        dir_okay=False,
        metavar="FILE",
    ),
]
CountSpelling = Annotated[
    bool,
    typer.Option(
        "--count-spelling/--ignore-spelling",
        help="Count US/UK and transliteration variants (organize/organise, Qasem/Qassem) as "
        "minor findings instead of none.",
    ),
]
CountEditorial = Annotated[
    bool,
    typer.Option(
        "--count-editorial/--ignore-editorial",
        help="Count marked omissions (…) and \\[bracketed] insertions as info findings, or not "
        "at all.",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"attribution {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Find every quotation in news articles, who it is credited to, and how it drifted.

    Example: attribution compare seeds/iraq-joint-operations.us-reprint.txt
    seeds/iraq-joint-operations.uk-reprint.txt
    """


@app.command()
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
    format: FormatOption = Format.MARKDOWN,
    output: OutputOption = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding is at or above this severity (default: never).",
            case_sensitive=False,
        ),
    ] = None,
    count_spelling: CountSpelling = False,
    count_editorial: CountEditorial = True,
) -> None:
    """Pair every quote of the reference with its counterpart in the others; report the drift.

    Example: attribution compare seeds/iraq-joint-operations.us-reprint.txt
    seeds/iraq-joint-operations.uk-reprint.txt --fail-on major
    """
    policy = Policy.from_options(count_spelling=count_spelling, count_editorial=count_editorial)
    with _progress_bar(len(articles)) as progress:
        report = _run(lambda: pipeline.compare(*articles, policy=policy, progress=progress))
    _finish(report, format, output, fail_on)


@app.command()
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
    format: FormatOption = Format.MARKDOWN,
    output: OutputOption = None,
) -> None:
    """List every quote with its speaker, cue verb, kind and position.

    Example: attribution extract seeds/iraq-joint-operations.uk-reprint.txt --format json
    """
    with _progress_bar(len(articles)) as progress:
        report = _run(lambda: pipeline.extract(*articles, progress=progress))
    _finish(report, format, output, None)


@app.command()
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
    format: FormatOption = Format.MARKDOWN,
    output: OutputOption = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding is at or above this severity (default: the "
            "configuration file's fail-on, else major).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    house_spelling: Annotated[
        HouseSpelling | None,
        typer.Option(
            "--house-spelling",
            help="The house spelling: a quote respelled the other way (organize/organise) is "
            "a minor finding (default: the configuration file's, else none).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    count_editorial: CountEditorial = True,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Read settings from FILE instead of the attribution.toml or pyproject.toml "
            "(\\[tool.attribution]) found from the working folder upward.",
            dir_okay=False,
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check every quote in a draft against its sources before publication.

    Each quote must be in a source, in the same words, credited to the same speaker.
    Exit 1 when a finding is at or above --fail-on (major by default).

    Example: attribution check draft.md --source transcript.txt --source statement:release.txt
    """
    settings = _run_config(config)
    sources = source or list(settings.sources)
    threshold = Severity(fail_on.value) if fail_on is not None else settings.fail_on
    threshold = threshold or Severity.MAJOR
    house = house_spelling.value if house_spelling is not None else settings.house_spelling
    if format in (Format.JSON, Format.HTML) and len(drafts) > 1:
        _fail(f"--format {format.value} reports on one draft at a time; got {len(drafts)} drafts")
    policy = Policy.from_options(count_editorial=count_editorial)
    reports = _run(
        lambda: pipeline.check_drafts(
            drafts, sources, policy=policy, house_spelling=house, fail_on=threshold
        )
    )
    if format is Format.JSON:
        text = render_json(reports[0])
    elif format is Format.HTML:
        text = render_html(reports[0])
    else:
        text = "\n".join(render_markdown(r) for r in reports)
    for report in reports:
        for warning in report.warnings:
            typer.echo(f"warning: {warning}", err=True)
    _write(text, output)
    if any(report.worst >= threshold for report in reports):
        raise typer.Exit(1)


# --- shared steps -------------------------------------------------------------------------


def _run(job: Callable[[], T]) -> T:
    """Run a pipeline call; a user-fixable error becomes one line on stderr and exit 2."""
    try:
        return job()
    except AttributionError as err:
        _fail(str(err))


def _run_config(path: Path | None) -> Config:
    """The configuration that applies: the file given, else the one found from here upward."""
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
def _progress_bar(articles: int) -> Iterator[pipeline.Progress | None]:
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


def _fail(message: str) -> NoReturn:
    typer.echo(f"Error: {' '.join(message.split())}", err=True)
    raise typer.Exit(2)


def _finish(report: Report, format: Format, output: Path | None, fail_on: FailOn | None) -> None:
    renderers = {Format.JSON: render_json, Format.HTML: render_html}
    text = renderers.get(format, render_markdown)(report)
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    _write(text, output)
    if fail_on is not None and report.worst >= Severity(fail_on.value):
        raise typer.Exit(1)


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
    app()
