"""Reading: encodings, line ends, odd spaces, binary files, the size limit, and bad input."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attribution import inputs, read_article
from attribution.cli import app
from attribution.errors import InputTooLarge, UnreadableInput
from attribution.inputs import decode_input, read_input, read_text

QUOTE = "\u201cWe are ready,\u201d the coach said."
runner = CliRunner()


@pytest.mark.parametrize(
    ("data", "text", "warned"),
    [
        pytest.param(QUOTE.encode(), QUOTE, False, id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + QUOTE.encode(), QUOTE, False, id="utf-8-bom"),
        pytest.param(b"\xff\xfe" + QUOTE.encode("utf-16-le"), QUOTE, False, id="utf-16-le-bom"),
        pytest.param(b"\xfe\xff" + QUOTE.encode("utf-16-be"), QUOTE, False, id="utf-16-be-bom"),
        pytest.param(
            b"\xff\xfe\x00\x00" + QUOTE.encode("utf-32-le"), QUOTE, False, id="utf-32-le-bom"
        ),
        pytest.param(QUOTE.encode("cp1252"), QUOTE, True, id="windows-1252"),
        pytest.param(
            b"Caf\xe9 owner said \x93no\x94.",
            "Caf\u00e9 owner said \u201cno\u201d.",
            True,
            id="windows-1252-accents",
        ),
        pytest.param(
            b"\x81\x8d\x8f\x90\x9d ok", "\x81\x8d\x8f\x90\x9d ok", True, id="cp1252-holes"
        ),
        pytest.param(b"", "", False, id="empty"),
    ],
)
def test_encodings_decode_to_the_same_text(data: bytes, text: str, warned: bool) -> None:
    read = decode_input(data, "a.txt")
    assert read.text == text
    assert bool(read.warnings) is warned
    if warned:
        assert "read as Windows-1252" in read.warnings[0]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Intro.\r\n\r\n" + QUOTE + "\r\n", id="crlf"),
        pytest.param("Intro.\r\r" + QUOTE + "\r", id="lone-cr"),
        pytest.param(
            "Intro.\n\n\u201cWe\u00a0are\u00a0ready,\u201d the\u00a0coach said.", id="nbsp"
        ),
        pytest.param(
            "\u00ab\u202fNous sommes pr\u00eats\u202f\u00bb, a dit l\u2019entra\u00eeneur.",
            id="narrow-nbsp-guillemets",
        ),
        pytest.param(
            "\u3000\u201cWe\u2009are\u2002ready,\u201d\u205fthe coach\u200a said.", id="odd-spaces"
        ),
        pytest.param("\u200b\u201cWe are\u00adready,\u201d the coach said.", id="invisibles"),
    ],
)
def test_offsets_stay_true_to_the_decoded_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    article = read_article(str(path), "a")
    assert len(article.text) == len(text)  # one character for one: offsets match the file
    assert article.quotes
    for quote in article.quotes:
        assert " ".join(article.text[s:e] for s, e in quote.spans) == quote.text
        assert "ready" in quote.text or "pr\u00eats" in quote.text


def test_crlf_paragraphs_split_and_lone_cr_becomes_a_line_feed() -> None:
    assert read_text_of(b"a\r\n\r\nb") == "a\r\n\r\nb"
    assert read_text_of(b"a\rb\r\n") == "a\nb\r\n"


def read_text_of(data: bytes) -> str:
    return read_text("-", stdin=io.BytesIO(data))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image", id="jpeg"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document", id="pdf"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive", id="docx"),
        pytest.param(b"\x89PNG\r\n\x1a\n", "a PNG image", id="png"),
        pytest.param(b"text\x00with a nul", "binary data", id="nul"),
        pytest.param(bytes(range(1, 32)) * 40, "too many control characters", id="controls"),
        pytest.param(b"\xef\xbb\xbf\xff\xfe bad", "not valid UTF-8 although", id="bad-utf-8-bom"),
        pytest.param(b"\xff\xfe\x00\xd8", "not valid UTF-16", id="bad-utf-16"),
    ],
)
def test_binary_or_broken_input_is_refused_with_its_reason(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableInput, match=reason):
        decode_input(data, "x.bin")


def test_a_few_control_characters_are_still_text() -> None:
    text = "\x1b[1m" + QUOTE + " " * 200 + "\x0c"
    assert read_text_of(text.encode()) == text


def test_input_over_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", 1024 * 1024)
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (1024 * 1024 // 5 + 1))
    with pytest.raises(InputTooLarge, match="1 MB is larger than 1 MB"):
        read_text(str(big))
    with pytest.raises(InputTooLarge, match="larger than 1 MB"):
        read_text("-", stdin=io.BytesIO(big.read_bytes()))
    exact = tmp_path / "exact.txt"
    exact.write_bytes(b"a" * (1024 * 1024))
    assert len(read_text(str(exact))) == 1024 * 1024


def test_the_size_limit_is_what_the_readme_says() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"{inputs.MAX_INPUT_BYTES // (1024 * 1024)} MB" in readme


def test_a_device_that_never_ends_is_cut_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero on this system")
    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", 4096)
    with pytest.raises(InputTooLarge):
        read_text("/dev/zero")


def test_a_windows_1252_file_warns_on_stderr_and_in_the_report(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(QUOTE.encode("cp1252"))
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0
    assert f"warning: {path}: not UTF-8" in result.stderr
    assert "## Warnings" in result.stdout and "Windows-1252" in result.stdout
    assert "the coach" in result.stdout


def test_read_input_reports_no_warning_for_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(QUOTE, encoding="utf-8")
    assert read_input(str(path)).warnings == ()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda d: str(d / "missing.txt"), "file not found", id="missing"),
        pytest.param(lambda d: str(d), "it is a folder, not a file", id="folder"),
        pytest.param(
            lambda d: _write(d / "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"),
            "a JPEG image, not text",
            id="binary",
        ),
        pytest.param(lambda d: _write(d / "paper.pdf", b"%PDF-1.4\n"), "a PDF document", id="pdf"),
        pytest.param(
            lambda d: _write(d / "bad.txt", b"\xef\xbb\xbf\xc3("), "not valid UTF-8", id="bad-bom"
        ),
    ],
)
def test_unreadable_input_is_one_line_exit_2_for_every_command(
    tmp_path: Path,
    make,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    source = make(tmp_path)
    good = _write(tmp_path / "good.txt", QUOTE.encode())
    for args in (["extract", source], ["compare", good, source], ["compare", source, good]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        (line,) = result.stderr.splitlines()
        assert line == f"Error: cannot read {source!r}: " + line.split(": ", 2)[2]
        assert message in line
        assert "Traceback" not in result.output


def test_too_large_input_is_one_line_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", 10)
    path = _write(tmp_path / "a.txt", QUOTE.encode())
    result = runner.invoke(app, ["extract", path])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "split it into articles" in line


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["extract", "x.txt", "--format", "pdf"],
            "unknown format 'pdf'; use markdown, json or html",
            id="format",
        ),
        pytest.param(
            ["extract", "x.txt", "-f", ""],
            "unknown format ''; use markdown, json or html",
            id="empty-format",
        ),
        pytest.param(
            ["compare", "x", "y", "--fail-on", "high"],
            "unknown severity 'high'; use info",
            id="fail-on",
        ),
        pytest.param(["extract", "x.txt", "--output"], "requires an argument", id="output-missing"),
        pytest.param(["nonsense"], "no such command", id="command"),
    ],
)
def test_unknown_option_values_are_one_line_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: ") and message in line.lower()


def test_an_empty_or_blank_article_is_valid_and_has_no_quotes(tmp_path: Path) -> None:
    for name, data in (
        ("empty.txt", b""),
        ("blank.txt", b" \n\r\n\t\n"),
        ("bom.txt", b"\xef\xbb\xbf"),
    ):
        path = _write(tmp_path / name, data)
        result = runner.invoke(app, ["extract", path, "--format", "json"])
        assert result.exit_code == 0, result.output
        assert '"quotes": []' in result.stdout


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_a_file_name_that_is_not_utf8_does_not_break_the_report(tmp_path: Path) -> None:
    path = tmp_path / os.fsdecode(b"caf\xe9.txt")  # how Python passes such a name on
    path.write_text(QUOTE, encoding="utf-8")
    for form in ("markdown", "json"):
        result = runner.invoke(app, ["extract", str(path), "--format", form])
        assert result.exit_code == 0, result.output
        assert "caf\ufffd.txt" in result.stdout
