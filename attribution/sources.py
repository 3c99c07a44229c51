"""Sources for `check`: tell an article from a transcript or a statement, and credit its words.

Separate from extraction because a source credits its words in one of three ways: an article
only inside its quote marks (as `extract` finds them), a transcript turn by turn to the
speaker its label names, a statement or press release as a whole to its issuer. Each source
becomes an `Article` whose quotes are those credited passages, so reports and JSON treat every
source alike. Pure functions over text already read; `pipeline.py` reads the files.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from attribution.errors import BadOption, unknown_choice
from attribution.extract import canonical_speaker, countable, extract_quotes, trim_span
from attribution.model import Article, Quote, QuoteKind, SourceKind

KINDS = tuple(k.value for k in SourceKind)

# `KIND:PATH` or `KIND=NAME:PATH`. The name holds no colon, so the first colon after it ends
# the prefix; a path of its own may hold colons.
_SPEC_RE = re.compile(r"(?P<kind>[A-Za-z]{2,})(?:=(?P<name>[^:\n]*))?:(?P<path>.*)", re.S)

# A speaker label is looked for in this many characters at a line's start; bounding the
# input keeps every label pattern linear whatever a line holds.
LABEL_SCAN = 120
# A timestamp: 12:31, 00:12:31, 1:02:03.5, optionally in [ ] or ( ).
_TIMESTAMP = r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?"
# A stage direction some transcripts print before the next label on its line:
# "(APPLAUSE) RUBIO: Well, here we go." Letters only, so speech in parentheses is no prefix.
_STAGE_PREFIX = r"[\[(][A-Za-z][A-Za-z ,.'\-]{0,38}[\])]"
# A line that opens a turn: an optional timestamp, then up to six capitalised words (lower
# case particles like `de`, `al` allowed inside; a number last, as in `SPEAKER 2`), an
# optional note in parentheses such as a party, and a colon followed by a space or the
# line's end. Each word is a run of one class
# ended by one space, so the pattern cannot backtrack over the same characters twice.
_LABEL_RE = re.compile(
    rf"[ \t]*(?:{_TIMESTAMP}[ \t]+)?(?:{_STAGE_PREFIX}[ \t]*)?"
    r"(?P<label>(?:(?:[A-Z][\w'\u2019.\-]*|[a-z]{1,3})[ \t]){0,5}(?:[A-Z][\w'\u2019.\-]*|\d{1,3}))"
    r"(?:[ \t]*\((?P<note>[^()\n]{1,40})\))?"
    r"[ \t]*:(?=[ \t\r]|$)"
)
# A timestamp that starts a line, or one in brackets anywhere: never anyone's words.
_LINE_TIMESTAMP_RE = re.compile(rf"^[ \t]*{_TIMESTAMP}(?=[ \t\r]|$)", re.M)
# Square brackets in a transcript hold the transcriber's notes: [applause], [inaudible],
# [00:12:31], [crosstalk]. Bounded so an unclosed bracket cannot swallow a turn.
_BRACKET_NOTE_RE = re.compile(r"\[[^\[\]\n]{1,80}\]")
# Parentheses hold speech as often as notes, so only these words make one a stage direction.
_PAREN_RE = re.compile(r"\(([^()\n]{1,40})\)")
_STAGE_WORDS = frozenset(
    """applause laughter laughs laughing inaudible unintelligible indiscernible crosstalk
    cross-talk coughs coughing pause silence music cheers cheering boos booing chuckles
    sighs off-mic mic audio video break recess""".split()  # noqa: SIM905 - a word list reads better as text
)
# First words of a line's `Word:` that introduce metadata, not a speaker.
_NOT_SPEAKER_LABELS = frozenset(
    """note notes update updated correction contact contacts media press date dates time
    location place source sources subject re transcript transcription copyright posted
    published where when watch video audio photo photos related tags tag by headline
    dateline editor editors editor's warning caption credit credits file url link email
    e-mail phone tel telephone fax web website from to cc sent attachment summary topic
    topics keywords category event venue duration length speakers participants present
    attendees agenda also read more see background embargoed embargo for breaking exclusive
    live opinion analysis editorial sponsored advertisement listen follow share updates
    correction clarification""".split()  # noqa: SIM905
)
# Labels naming a role rather than a person; `Q:` is the questioner.
_QUESTIONER_LABELS = frozenset({"q", "question", "questioner", "reporter", "reporters"})
_ANSWER_LABELS = frozenset({"a", "answer"})
_ROLE_LABELS = frozenset(
    """moderator host co-host cohost operator announcer narrator interviewer panelist
    panellist caller audience crowd chair chairman chairwoman clerk presenter anchor
    correspondent translator interpreter""".split()  # noqa: SIM905
)
_UNKNOWN_LABELS = frozenset({"unidentified", "unknown", "crosstalk", "voice", "voices", "speaker"})
# Who a `Q:` turn is credited to: a question is nobody's statement to quote.
QUESTIONER = "a reporter"
# A transcript needs this many labelled turns, by at least two speakers (`Q:` and `A:`
# count as two), to be recognised without being named one: a short interview is two turns,
# and the label rules (`_speaker_lines`) already keep a stray "Note:" or "Look:" out.
MIN_TRANSCRIPT_TURNS = 2

# Lines that mark a statement or press release; checked in its first lines (and `###`, the
# wire services' end mark, anywhere).
_RELEASE_MARK_RE = re.compile(
    r"^[ \t]*(?:for immediate release|(?:press|news|media) release|statement|"
    r"(?:joint )?statement (?:from|by|of)\b.*|embargoed\b.*)[ \t.:]*$",
    re.I | re.M,
)
_END_MARK_RE = re.compile(r"^[ \t]*(?:#{3}|-30-|- 30 -|ENDS)[ \t]*$", re.M)
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t\r]*\n")
_CONTACT_RE = re.compile(r"^[ \t]*(?:media |press )?contacts?[ \t]*:.*$", re.I | re.M)
# Header lines that name the issuer or give the date: no one's words.
_HEADER_LINE_RE = re.compile(
    r"^[ \t]*(?:(?:the )?office of \S.*|(?:joint )?statement (?:from|by|of) \S.*|"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4})[ \t]*$",
    re.I | re.M,
)
# How many lines from the top a release's header may take.
HEADER_LINES = 12
# An issuer named in a header line: "Statement from Gov. Laura Petersen on the budget".
_STATEMENT_FROM_RE = re.compile(r"^[ \t]*(?:joint )?statement (?:from|by|of) ", re.I)
_OFFICE_OF_RE = re.compile(r"^[ \t]*(?:the )?office of ", re.I)
# Words that end an issuer's name in a header line: "Statement from X on the budget".
_ISSUER_END_RE = re.compile(
    r"\s(?:on|about|regarding|concerning|following|in response to|after|upon)\s|[,;:(]"
)
# "Gov. Laura Petersen issued the following statement": up to six capitalised words.
_ISSUED_RE = re.compile(
    r"(?P<name>(?:[A-Z][\w'\u2019.\-]*[ \t]){0,5}[A-Z][\w'\u2019\-]*)[ \t]+"
    r"(?:today[ \t]+)?(?:issued|released|made)[ \t]+the[ \t]+following[ \t]+statement"
)
# "Remarks by Gov. Laura Petersen", "Interview with Dr. Amara Nwosu": who answers as `A:`.
_PRINCIPAL_RE = re.compile(
    r"(?i:remarks|briefing|conference|interview|address|speech|conversation|town hall|"
    r"q&a|hearing|testimony)[ \t]+(?i:by|with|of|from)[ \t]+"
    r"(?P<name>(?:[A-Z][\w'\u2019.\-]*[ \t]){0,5}[A-Z][\w'\u2019\-]*)"
)


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """A source as named on the command line: `PATH`, `KIND:PATH` or `KIND=NAME:PATH`.

    `kind` is None when it is to be detected from the text; `name` is a statement's issuer
    or the speaker of a transcript's `A:` turns.
    """

    path: str
    kind: SourceKind | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """A source read for `check`: its article, whose quotes are the passages it credits.

    `spoken` is the article's text with every character no one is credited with (labels,
    timestamps, stage directions, narration around an article's quotes, a release's
    boilerplate) replaced by a space, so offsets into it are offsets into the text.
    """

    article: Article
    kind: SourceKind
    spoken: str
    # Whom the whole of a statement, or a transcript's `A:` turns, is credited to.
    speaker: str | None = None
    # What the reader should know about how the source was read (an issuer not found, ...).
    notes: tuple[str, ...] = ()


def parse_source_spec(spec: str) -> SourceSpec:
    """Split a source argument into its path, and the kind and name it may set.

    Args:
        spec: `PATH`, `KIND:PATH` or `KIND=NAME:PATH`, KIND one of article, transcript or
            statement. A path that itself starts with a word and a colon is written `./x:y`.

    Returns:
        The parsed spec.

    Raises:
        BadOption: an unknown kind, an empty name or path, or a name given to an article.
    """
    m = _SPEC_RE.fullmatch(spec)
    if m is None:
        if not spec.strip():
            raise BadOption("a source needs a path")
        return SourceSpec(spec)
    kind_word = m["kind"].lower()
    if kind_word not in KINDS:
        raise BadOption(
            f"unknown source kind {m['kind']!r} in {spec!r}; use article, transcript or "
            f"statement (write ./{spec} for a file of that name)"
        )
    kind = SourceKind(kind_word)
    name = m["name"]
    if name is not None:
        name = " ".join(name.split())
        if not name:
            raise BadOption(f"empty name in {spec!r}; write {kind_word}=NAME:PATH")
        if kind is SourceKind.ARTICLE:
            raise BadOption(
                f"a name is given to a statement (its issuer) or a transcript (who answers "
                f"as A:), not to an article: {spec!r}"
            )
    path = m["path"]
    if not path.strip():
        raise BadOption(f"no path in {spec!r}")
    return SourceSpec(path, kind, name)


def parse_kind(value: str) -> SourceKind:
    """A source kind from its name.

    Raises:
        BadOption: not one of article, transcript or statement.
    """
    try:
        return SourceKind(value.strip().lower())
    except ValueError:
        raise unknown_choice("source kind", value, KINDS) from None


def detect_kind(text: str) -> SourceKind:
    """Tell what a source is from its text.

    Rules, first that applies: speaker labels opening at least `MIN_TRANSCRIPT_TURNS` lines,
    for two or more speakers (`NAME:`, `Gov. Laura Petersen:`, `Q:` and `A:`, after an
    optional timestamp or stage direction, under any heading), make a transcript; a release
    mark (`FOR IMMEDIATE RELEASE`, `Statement from ...`, the `###` end mark) makes a
    statement; anything else is an article.

    Args:
        text: the whole source.

    Returns:
        The kind.
    """
    labels = [label for _, _, label in _speaker_lines(text)]
    if len(labels) >= MIN_TRANSCRIPT_TURNS and len({_label_key(x) for x in labels}) >= 2:
        return SourceKind.TRANSCRIPT
    head = "\n".join(text.lstrip("\ufeff").splitlines()[:HEADER_LINES])
    if _RELEASE_MARK_RE.search(head) or _END_MARK_RE.search(text):
        return SourceKind.STATEMENT
    return SourceKind.ARTICLE


def parse_source(
    article_id: str,
    name: str,
    text: str,
    *,
    kind: SourceKind | None = None,
    speaker: str | None = None,
) -> Source:
    """Read a source's text into the passages it credits to someone.

    Args:
        article_id: the id its article gets in the report (`s1`, `s2`, ...).
        name: where it was read from, as given (shown in the report).
        text: its decoded text.
        kind: what it is; detected from the text when None.
        speaker: a statement's issuer, or who answers as `A:` in a transcript; found in the
            text when None.

    Returns:
        The source, its quotes in text order with ids `<article id>:q1`, `:q2`, ...
    """
    kind = kind or detect_kind(text)
    article = Article(id=article_id, source=name, text=text)
    if kind is SourceKind.TRANSCRIPT:
        source = _transcript(article, speaker)
    elif kind is SourceKind.STATEMENT:
        source = _statement(article, speaker)
    else:
        source = _article(article)
    if not countable(source.article.quotes):
        # Silence would make every draft quote "unsupported" with no hint why.
        note = (
            f"{name}: read as {kind.value}, it holds nothing anyone is credited with: "
            "no quotes and no speaker turns, so no draft quote can be found in it; "
            f"if it is a transcript or a statement, write transcript:{name} or "
            f"statement=NAME:{name}"
        )
        source = dataclasses.replace(source, notes=(*source.notes, note))
    return source


# --- articles -----------------------------------------------------------------------------


def _article(article: Article) -> Source:
    """An article's words are credited only where it quotes them; its terms credit no one."""
    quotes = extract_quotes(article)
    article = dataclasses.replace(article, quotes=quotes)
    spoken = mask(article.text, [s for q in countable(quotes) for s in q.spans])
    return Source(article, SourceKind.ARTICLE, spoken)


# --- transcripts --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Turn:
    label: str  # as printed, without its note
    start: int  # first character after the label's colon
    end: int  # where the next turn's line starts


def _transcript(article: Article, principal: str | None) -> Source:
    text = article.text
    lines = _speaker_lines(text)
    principal = canonical_speaker(principal) if principal else None
    notes: list[str] = []
    turns = [
        _Turn(label, colon, lines[i + 1][0] if i + 1 < len(lines) else len(text))
        for i, (_, colon, label) in enumerate(lines)
    ]
    if not turns:
        # No labels at all: one speaker's words (a speech), credited to the name given.
        turns = [_Turn("", 0, len(text))]
        if principal is None:
            notes.append(
                f"{article.source}: no speaker labels found and no speaker given; "
                f"write transcript=NAME:{article.source} to credit its words"
            )
    header = text[: lines[0][0]] if lines else ""
    names = _NameBook([label for _, _, label in lines], header, [principal] if principal else [])
    if principal is None and any(_label_key(t.label) in _ANSWER_LABELS for t in turns):
        principal = names.principal()
        if principal is None:
            notes.append(
                f"{article.source}: who answers as A: is not named; "
                f"write transcript=NAME:{article.source}"
            )
    blanks = _transcript_notes(text)
    spoken_turns: list[tuple[list[tuple[int, int]], str | None, str | None]] = []
    for turn in turns:
        pieces = _pieces(text, turn.start, turn.end, blanks)
        if not pieces:
            continue
        if turn.label:
            speaker = names.speaker(turn.label, principal)
            mention: str | None = turn.label
        else:
            speaker, mention = principal, principal
        resumed = _resumed(spoken_turns, speaker, text)
        if resumed is not None:
            resumed.extend(pieces)
        else:
            spoken_turns.append((list(pieces), speaker, mention))
    quotes = [
        _passage(article.id, n, text, pieces, speaker, mention)
        for n, (pieces, speaker, mention) in enumerate(spoken_turns, 1)
    ]
    article = dataclasses.replace(article, quotes=tuple(quotes))
    spoken = mask(text, [s for q in quotes for s in q.spans])
    return Source(article, SourceKind.TRANSCRIPT, spoken, principal, tuple(notes))


# A turn this short that cuts into someone's answer, or is cut off itself ("Mr. Trump --",
# "Let him --"), is an interjection: the answer goes on after it. A question is not.
INTERJECTION_WORDS = 8
# How a transcript marks words cut off: a dash or an ellipsis at the end of a turn.
_CUT_OFF_RE = re.compile(r"(?:--|[\u2014\u2013]|\.\.\.|\u2026)\W*$")
# At most this many interjections in a row: more is an exchange, not an interruption.
MAX_INTERJECTIONS = 2


def _resumed(
    turns: Sequence[tuple[list[tuple[int, int]], str | None, str | None]],
    speaker: str | None,
    text: str,
) -> list[tuple[int, int]] | None:
    """The pieces of the speaker's turn that this one resumes after an interjection, or None.

    A debate transcript gives a turn to whoever cuts in ("TRUMP: We will build ...
    MODERATOR: Mr. Trump -- TRUMP: And Mexico will pay"). The speaker's words run on
    across it, and a draft that prints them as one quote leaves nothing of theirs out:
    the two turns are one passage, the interjection its own.
    """
    if speaker is None:
        return None
    for back in range(1, min(MAX_INTERJECTIONS, len(turns) - 1) + 1):
        between = turns[len(turns) - back :]
        if any(
            s == speaker or s is None or _words(text, p) > INTERJECTION_WORDS for p, s, _ in between
        ):
            return None
        pieces, earlier, _ = turns[len(turns) - back - 1]
        if earlier != speaker:
            continue
        # Someone was cut off (the answer, or the one cutting in), and nobody asked a
        # question: an interruption, not an exchange.
        cut = [_last_words(text, p) for p in (pieces, *(p for p, _, _ in between))]
        if any(_CUT_OFF_RE.search(w) for w in cut) and not any(
            w.rstrip(" \"'\u201d\u2019)]").endswith("?") for w in cut[1:]
        ):
            return pieces
        return None
    return None


def _words(text: str, pieces: Sequence[tuple[int, int]]) -> int:
    return sum(len(text[s:e].split()) for s, e in pieces)


def _last_words(text: str, pieces: Sequence[tuple[int, int]]) -> str:
    s, e = pieces[-1]
    return text[s:e]


def _speaker_lines(text: str) -> list[tuple[int, int, str]]:
    """The lines that open a turn, without one-off words that only look like labels.

    A single mixed-case word before a colon ("Look: we will ...") opens a turn only when
    it does so more than once, or is the last name of a longer label (`Petersen:` after
    `Laura Petersen:`); labels in capitals, Q: and A: always do.
    """
    lines = list(_label_lines(text))
    keys = [_label_key(label) for _, _, label in lines]
    surnames = {k.split()[-1] for k in keys if len(k.split()) > 1}
    return [
        line
        for line, key in zip(lines, keys, strict=True)
        if " " in key
        or line[2].isupper()
        or key in _QUESTIONER_LABELS | _ANSWER_LABELS
        or keys.count(key) > 1
        or key in surnames
    ]


def _label_lines(text: str) -> Iterable[tuple[int, int, str]]:
    """(line start, offset after the label's colon, label) for every line opening a turn."""
    pos = 0
    for line in text.splitlines(keepends=True):
        m = _LABEL_RE.match(line[:LABEL_SCAN])
        if m is not None and _is_speaker_label(m["label"]):
            yield pos, pos + m.end(), m["label"]
        pos += len(line)


def _is_speaker_label(label: str) -> bool:
    """A label names a speaker unless it is metadata (`Note:`, `Contact:`) or a sentence."""
    words = label.split()
    first = words[0].lower().rstrip(".")
    if first in _NOT_SPEAKER_LABELS:
        return False
    # A mixed-case label of more than four words is more likely a sentence ending in ":".
    return label.isupper() or len(words) <= 4


def _label_key(label: str) -> str:
    return " ".join(label.lower().split())


def _transcript_notes(text: str) -> list[tuple[int, int]]:
    """Spans of a transcript no one said: timestamps, [notes] and (stage directions)."""
    spans = [(m.start(), m.end()) for m in _LINE_TIMESTAMP_RE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _BRACKET_NOTE_RE.finditer(text)]
    for m in _PAREN_RE.finditer(text):
        words = set(re.split(r"[\s,;]+", m[1].lower()))
        if words & _STAGE_WORDS:
            spans.append((m.start(), m.end()))
    return sorted(spans)


class _NameBook:
    """The names a transcript gives its speakers, so `PETERSEN:` is `Laura Petersen`.

    Not a dataclass: a private lookup built once per transcript.
    """

    def __init__(self, labels: Sequence[str], header: str, extra: Sequence[str]) -> None:
        self.people: list[str] = []
        for label in [*labels, *extra]:
            key = _label_key(label)
            if key in _QUESTIONER_LABELS or key in _ANSWER_LABELS or _role(key) is not None:
                continue
            if key.split()[0] in _UNKNOWN_LABELS:
                continue
            self.people.append(canonical_speaker(_as_name(label)))
        header_names = [m["name"] for m in _PRINCIPAL_RE.finditer(header)]
        self.header_names = [canonical_speaker(n) for n in header_names]

    def speaker(self, label: str, principal: str | None) -> str | None:
        """The canonical speaker of a turn with this label."""
        key = _label_key(label)
        if key in _QUESTIONER_LABELS:
            return QUESTIONER
        if key in _ANSWER_LABELS:
            return principal
        if key.split()[0] in _UNKNOWN_LABELS:
            return None
        role = _role(key)
        if role is not None:
            return role
        return self.fullest(canonical_speaker(_as_name(label)))

    def fullest(self, name: str) -> str:
        """The longest form of a name that shares its last word, among labels and header."""
        last = name.split()[-1].lower() if name.split() else ""
        best = name
        for other in [*self.people, *self.header_names]:
            words = other.split()
            if words and words[-1].lower() == last and len(words) > len(best.split()):
                best = other
        return best

    def principal(self) -> str | None:
        """Who answers as `A:`: the one person labelled by name, else the one the header names."""
        people = {p.lower(): p for p in (self.fullest(p) for p in self.people)}
        if len(people) == 1:
            return next(iter(people.values()))
        if len(set(self.header_names)) == 1:
            return self.fullest(self.header_names[0])
        return None


def _role(key: str) -> str | None:
    """`MODERATOR` gives `the moderator`; `AUDIENCE MEMBER 2` gives `the audience member`."""
    words = [w for w in key.split() if not w.isdigit()]
    if words and words[0] in _ROLE_LABELS:
        return "the " + " ".join(words)
    return None


def _as_name(label: str) -> str:
    """A label as a name: `GOV. LAURA O'NEILL` reads `Gov. Laura O'Neill`."""
    if not label.isupper():
        return label
    return " ".join(w.title() if len(w) > 1 else w for w in label.split())


# --- statements ---------------------------------------------------------------------------


def _statement(article: Article, issuer: str | None) -> Source:
    text = article.text
    notes: list[str] = []
    if issuer is None:
        issuer = find_issuer(text)
        if issuer is None:
            notes.append(
                f"{article.source}: no issuer named in the statement; "
                f"write statement=NAME:{article.source} to credit it"
            )
    speaker = canonical_speaker(issuer) if issuer else None
    # Quotes inside a release are credited to whom it credits them (“...,” said the mayor);
    # one without a speaker is the issuer's own.
    quotes = [
        dataclasses.replace(q, speaker=q.speaker or speaker)
        for q in countable(extract_quotes(article))
    ]
    boilerplate = _boilerplate(text)
    quoted = [(s - 1, e + 1) for q in quotes for s, e in q.spans]  # with their marks
    body = _pieces(text, 0, len(text), sorted(boilerplate + quoted))
    # The pieces of a statement split around its attribution stay linked; the issuer's own
    # text is a statement of its own, numbered after the quotes'.
    passages = [(q.spans, q.speaker, q.speaker_mention, q.statement) for q in quotes]
    if body:
        passages.append((tuple(body), speaker, issuer, f"{article.id}:s{len(quotes) + 1}"))
    passages.sort(key=lambda p: p[0][0])
    out = tuple(
        dataclasses.replace(
            _passage(article.id, n, text, pieces, who, mention), statement=statement
        )
        for n, (pieces, who, mention, statement) in enumerate(passages, 1)
    )
    spoken = mask(text, [s for q in out for s in q.spans])
    article = dataclasses.replace(article, quotes=out)
    return Source(article, SourceKind.STATEMENT, spoken, speaker, tuple(notes))


def find_issuer(text: str) -> str | None:
    """Who issued a statement, as it names itself.

    Rules, first that applies, on the header's lines: `Statement from|by|of NAME [on ...]`;
    `Office of NAME` (the office is the issuer); `NAME issued the following statement` in the
    text's first paragraphs.

    Args:
        text: the whole statement.

    Returns:
        The issuer as printed, or None when the statement does not say.
    """
    lines = [line.strip() for line in text.lstrip("\ufeff").splitlines() if line.strip()]
    for line in lines[:HEADER_LINES]:
        line = line[: LABEL_SCAN * 2]
        m = _STATEMENT_FROM_RE.match(line)
        if m is not None:
            name = _ISSUER_END_RE.split(line[m.end() :], maxsplit=1)[0].strip(" .")
            if name:
                return name
        m = _OFFICE_OF_RE.match(line)
        if m is not None:
            name = _ISSUER_END_RE.split(line[m.end() :], maxsplit=1)[0].strip(" .")
            if name:
                return "the Office of " + name
    for line in lines[: HEADER_LINES * 2]:
        m = _ISSUED_RE.search(line[: LABEL_SCAN * 4])
        if m is not None:
            return m["name"]
    return None


def _boilerplate(text: str) -> list[tuple[int, int]]:
    """A release's marks, header lines (issuer, date) and contact lines, and all after its end."""
    spans = [(m.start(), m.end()) for m in _CONTACT_RE.finditer(text)]
    head_end = _line_offset(text, HEADER_LINES)
    for pattern in (_RELEASE_MARK_RE, _HEADER_LINE_RE):
        spans += [(m.start(), m.end()) for m in pattern.finditer(text, 0, head_end)]
    end = _END_MARK_RE.search(text)
    if end is not None:
        spans.append((end.start(), len(text)))
    return sorted(spans)


def _line_offset(text: str, lines: int) -> int:
    pos = 0
    for _ in range(lines):
        nxt = text.find("\n", pos)
        if nxt < 0:
            return len(text)
        pos = nxt + 1
    return pos


# --- shared -------------------------------------------------------------------------------


def _pieces(
    text: str, start: int, end: int, blanks: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The parts of text[start:end] outside `blanks`, each trimmed, those without words left out.

    Paragraph breaks split pieces too, so a passage reads one paragraph at a time.
    """
    cuts = [(s, e) for s, e in blanks if e > start and s < end]
    cuts += [(m.start(), m.end()) for m in _PARAGRAPH_BREAK_RE.finditer(text, start, end)]
    out: list[tuple[int, int]] = []
    pos = start
    for s, e in sorted(cuts):
        if s > pos:
            out.append(trim_span(text, pos, min(s, end)))
        pos = max(pos, e)
    if pos < end:
        out.append(trim_span(text, pos, end))
    return [(s, e) for s, e in out if s < e and any(ch.isalnum() for ch in text[s:e])]


def _passage(
    article_id: str,
    n: int,
    text: str,
    pieces: Sequence[tuple[int, int]],
    speaker: str | None,
    mention: str | None,
) -> Quote:
    """A passage credited to a speaker, as a quote of the source (it carries no marks)."""
    return Quote(
        id=f"{article_id}:q{n}",
        text=" ".join(text[s:e] for s, e in pieces),
        start=pieces[0][0],
        end=pieces[-1][1],
        speaker=speaker,
        speaker_mention=mention,
        cue=None,
        kind=QuoteKind.DIRECT,
        spans=tuple(pieces),
    )


def mask(text: str, keep: Iterable[tuple[int, int]]) -> str:
    """The text with every character outside the `keep` spans replaced by a space.

    Offsets and length are unchanged, so a position found in the masked text is a position
    in the text.
    """
    out: list[str] = []
    pos = 0
    for s, e in sorted(keep):
        s, e = max(s, pos), min(e, len(text))
        if e <= s:
            continue
        out.append(" " * (s - pos))
        out.append(text[s:e])
        pos = e
    out.append(" " * (len(text) - pos))
    return "".join(out)
