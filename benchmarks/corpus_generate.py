"""A news corpus of any size with known ground truth, for `track`'s scale and accuracy runs.

Built from PolNeAR train and dev (read from the evaluation folder at run time; its text is
never copied into the project, and the corpus is written to a folder outside it): its
quotes and its sentences are the statements, its sentences the narrative between them, and
the names of its sources and authors the speakers. A story quotes a few statements; each
story is printed by one to a dozen outlets over a few days, and every reprint may edit a
quote (with the drift benchmark's editors: a word, a number, a negation, a fragment, an
ellipsis, punctuation...), split it around its attribution, credit it by another form of the
name, or credit it to someone else. Every planted quote's statement, speaker and edit is
written beside the corpus (truth.jsonl), with where it stands in the article.

    python -m benchmarks.corpus_generate 10000 /tmp/corpus10k
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from benchmarks import drift_edits as ed
from benchmarks.eval_common import load_folder

POLNEAR = Path("/work/shared/eval/polnear")
SPLITS = ("train", "dev")
SEED = 14
# A statement is 6 to 60 words: shorter quotes are left out of tracking as said by anyone,
# longer ones are rare in news.
MIN_WORDS, MAX_WORDS = 6, 60
# Statements per story, narrative sentences after each quote.
STORY_QUOTES = (4, 8)
NARRATIVE = (1, 3)
# How many outlets print a story: 1 + a geometric number, mean about 2.5, at most 12.
REPRINT_P = 0.4
MAX_PRINTS = 12
OUTLETS = 40
# What a reprint does to each quote of the story, with its chance (the rest: as printed).
EDITS: tuple[tuple[str, float], ...] = (
    ("name_form", 0.06),  # the speaker named another way (title, surname after a full name)
    ("punctuation", 0.03),
    ("case", 0.02),
    ("spelling", 0.02),
    ("ellipsis", 0.04),
    ("fragment", 0.06),
    ("wording", 0.05),
    ("modality", 0.02),
    ("number", 0.02),
    ("negation", 0.02),
    ("split", 0.05),  # printed in two pieces around its attribution
    ("misattributed", 0.04),  # credited to someone else
    ("dropped", 0.05),  # left out of the reprint
)
EDITORS: dict[str, Callable[[str, random.Random], str | None]] = {
    "punctuation": ed.edit_punctuation,
    "case": ed.edit_case,
    "spelling": ed.edit_spelling,
    "ellipsis": ed.edit_ellipsis,
    "fragment": ed.edit_fragment,
    "wording": ed.edit_wording,
    "modality": ed.edit_modality,
    "number": ed.edit_number,
    "negation": ed.edit_negation,
}
TITLES = ("Sen.", "Gov.", "Rep.", "Dr.", "Mayor")
_QUOTE_MARKS_RE = re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019']")
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_WORD_RE = re.compile(r"\w+")
# Statements of the truth share no run of this many words (`_new_words`).
SHARED_RUN = 5
_ABBREVIATION_END_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|U\.S|[A-Z])\.$")
_NAME_RE = re.compile(r"^(?:[A-Z][a-z]+|[A-Z]\.)(?: (?:[A-Z][a-z]+|[A-Z]\.)){1,2}$")
_NOT_PEOPLE = frozenset(
    [
        "The",
        "A",
        "An",
        "News",
        "Post",
        "Times",
        "Department",
        "Watch",
        "Hill",
        "Hedge",
        "Fox",
        "Blaze",
        "Journal",
        "Network",
        "House",
        "Party",
        "Committee",
        "Campaign",
        "Press",
        "Service",
        "Agency",
        "Institute",
        "Center",
        "Council",
        "Court",
        "Office",
        "Street",
        "Daily",
        "Magazine",
        "Union",
        "University",
        "College",
        "Foundation",
        "Associated",
        "Reuters",
    ]
)


@dataclass(frozen=True, slots=True)
class Person:
    """A speaker: the full name, and the surname printed after it in the same article."""

    name: str

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass(slots=True)
class Material:
    """What the corpus is built from: statements, narrative sentences and people."""

    statements: list[str] = field(default_factory=list)
    speakers: list[int] = field(default_factory=list)  # each statement's true speaker
    narrative: list[list[str]] = field(default_factory=list)  # sentences, by source article
    people: list[Person] = field(default_factory=list)


def load_material(root: Path = POLNEAR) -> Material:
    """PolNeAR's quotes and sentences as statements, its sentences as narrative, its named
    sources and authors as people (one per surname, so a surname names one person)."""
    articles = [a for split in SPLITS for a in load_folder(root / split)]
    names: list[str] = []
    for split in SPLITS:
        meta = (root / split / f"metadata_{split}.tsv").read_text(encoding="utf-8").splitlines()
        for line in meta[1:]:
            names.append(line.split("\t")[6].strip())
    names += [q.source.strip() for a in articles for q in a.quotes if q.source]
    first_names = _first_names()
    people: dict[str, Person] = {}
    for name in sorted(set(names)):
        words = name.split()
        if (
            _NAME_RE.match(name)
            and words[0].lower() in first_names
            and not _NOT_PEOPLE.intersection(words)
        ):
            people.setdefault(words[-1], Person(name))
    material = Material(people=sorted(people.values(), key=lambda p: p.name))
    index = {p.name: i for i, p in enumerate(material.people)}
    rng = random.Random(SEED)
    seen: set[str] = set()
    runs: set[tuple[str, ...]] = set()
    for article in articles:
        for quote in article.quotes:
            text = " ".join(article.text[quote.start : quote.end].split())
            if _usable(text) and text not in seen and _new_words(text, runs):
                seen.add(text)
                material.statements.append(text)
                source = (quote.source or "").strip()
                material.speakers.append(index.get(source, rng.randrange(len(material.people))))
        sentences = []
        for line in article.text.splitlines():
            for sentence in _SENTENCE_RE.split(line.strip()):
                sentence = " ".join(sentence.split())
                if _usable(sentence) and _ends_sentence(sentence) and sentence not in seen:
                    seen.add(sentence)
                    sentences.append(sentence)
        # Every sentence is a statement someone says in some story, and narrative in others
        # (told, not quoted, so it is never a quote there).
        for sentence in sentences:
            if _new_words(sentence, runs):
                material.statements.append(sentence)
                material.speakers.append(rng.randrange(len(material.people)))
        if len(sentences) >= 4:
            material.narrative.append(sentences)
    return material


def _new_words(text: str, runs: set[tuple[str, ...]]) -> bool:
    """True (and its runs remembered) when a statement shares no run of `SHARED_RUN` words
    with any statement before it: PolNeAR prints some sentences twice with a word changed
    (a wire story updated, a live blog's entries), and two statements of the truth must be
    two statements, not one statement edited by the corpus's authors."""
    words = [w.lower() for w in _WORD_RE.findall(text)]
    mine = {tuple(words[i : i + SHARED_RUN]) for i in range(max(1, len(words) - SHARED_RUN + 1))}
    if mine & runs:
        return False
    runs |= mine
    return True


def _ends_sentence(text: str) -> bool:
    """True for a sentence that ends as one (not "Mr." cut off by the splitter)."""
    return text[-1] in ".!?" and not _ABBREVIATION_END_RE.search(text) and text[:1].isupper()


def _first_names() -> set[str]:
    data = resources.files("attribution").joinpath("data/first_names.tsv").read_text("utf-8")
    return {line.split("\t")[0].lower() for line in data.splitlines() if line and line[0] != "#"}


def _usable(text: str) -> bool:
    words = len(text.split())
    return MIN_WORDS <= words <= MAX_WORDS and not _QUOTE_MARKS_RE.search(text)


@dataclass(slots=True)
class _Writer:
    """An article being written: its paragraphs, and where each planted quote stands."""

    paragraphs: list[str] = field(default_factory=list)
    length: int = 0
    planted: list[dict[str, object]] = field(default_factory=list)
    named: set[int] = field(default_factory=set)

    def paragraph(self, parts: Sequence[tuple[str, bool]]) -> list[list[int]]:
        """Add a paragraph of parts (text, is quoted words); the quoted parts' spans."""
        if self.paragraphs:
            self.length += 2  # the blank line between paragraphs
        spans = []
        offset = self.length
        for text, quoted in parts:
            if quoted:
                spans.append([offset, offset + len(text)])
            offset += len(text)
        text = "".join(t for t, _ in parts)
        self.paragraphs.append(text)
        self.length += len(text)
        return spans

    def text(self) -> str:
        return "\n\n".join(self.paragraphs) + "\n"


def generate(
    n: int, *, seed: int = SEED, material: Material | None = None
) -> Iterator[tuple[dict[str, object], dict[str, object]]]:
    """`n` articles and their truth, in publication order within each story.

    Yields:
        (record, truth): the record as `track` reads it (id, text, outlet, published), and
        the planted quotes: statement number, true and credited speaker, edit, spans.
    """
    material = material or load_material()
    rng = random.Random(seed)
    outlets = [f"outlet-{i:02d}" for i in range(1, OUTLETS + 1)]
    start = dt.date(2016, 1, 1)
    made = 0
    story = 0
    while made < n:
        story += 1
        quotes = rng.sample(range(len(material.statements)), rng.randint(*STORY_QUOTES))
        narrative = material.narrative[rng.randrange(len(material.narrative))]
        told = rng.randrange(len(narrative))
        prints = 1
        while prints < MAX_PRINTS and rng.random() > REPRINT_P:
            prints += 1
        day = start + dt.timedelta(days=rng.randrange(366))
        for printing, outlet in enumerate(rng.sample(outlets, min(prints, n - made))):
            made += 1
            published = day + dt.timedelta(days=0 if printing == 0 else rng.randint(0, 3))
            writer = _Writer()
            for statement in quotes:
                edit = "as_printed" if printing == 0 else _edit(rng)
                if edit == "dropped":
                    continue
                _quote(writer, material, statement, edit, rng)
                for _ in range(rng.randint(*NARRATIVE)):
                    writer.paragraph([(narrative[told % len(narrative)], False)])
                    told += 1
            ident = f"g{made:06d}"
            record: dict[str, object] = {
                "id": ident,
                "text": writer.text(),
                "outlet": outlet,
                "published": published.isoformat(),
            }
            yield record, {"id": ident, "story": story, "quotes": writer.planted}


def _edit(rng: random.Random) -> str:
    roll = rng.random()
    for name, chance in EDITS:
        if roll < chance:
            return name
        roll -= chance
    return "as_printed"


def _quote(
    writer: _Writer, material: Material, statement: int, edit: str, rng: random.Random
) -> None:
    """Plant one quote, edited as asked (an edit the quote offers no place for: as printed)."""
    text = material.statements[statement]
    true = material.speakers[statement]
    person = true
    if edit == "misattributed":
        person = rng.choice([i for i in rng.sample(range(len(material.people)), 3) if i != true])
    elif edit in EDITORS:
        edited = EDITORS[edit](text, rng)
        if edited is None or " ".join(edited.split()) == text:
            edit = "as_printed"
        else:
            text = " ".join(edited.split())
    name = material.people[person].name
    if edit == "name_form":
        name = f"{rng.choice(TITLES)} {name}"
    elif person in writer.named:
        name = material.people[person].surname
    writer.named.add(person)
    body = text.rstrip(".,;:")
    end = text[-1] if text[-1] in "?!" else ""
    words = body.split()
    if edit == "split" and len(words) >= 8:
        cut = rng.randint(4, len(words) - 4)
        first, second = " ".join(words[:cut]).rstrip(",;:"), " ".join(words[cut:])
        spans = writer.paragraph(
            [
                ("\u201c", False),
                (first, True),
                (f",\u201d {name} said. \u201c", False),
                (second[:1].upper() + second[1:] + (end or "."), True),
                ("\u201d", False),
            ]
        )
    else:
        if edit == "split":
            edit = "as_printed"
        style = rng.randrange(3)
        if style == 0:
            parts = [
                ("\u201c", False),
                (body + (end or ","), True),
                (f"\u201d {name} said.", False),
            ]
        elif style == 1:
            parts = [
                (f"{name} said: \u201c", False),
                (body + (end or "."), True),
                ("\u201d", False),
            ]
        else:
            parts = [
                ("\u201c", False),
                (body + (end or ","), True),
                (f"\u201d said {name}.", False),
            ]
        spans = writer.paragraph(parts)
    writer.planted.append(
        {"statement": statement, "speaker": true, "credited": person, "edit": edit, "spans": spans}
    )


def write_corpus(n: int, folder: Path, *, seed: int = SEED) -> tuple[Path, Path]:
    """Write `n` articles to folder/corpus.jsonl and their truth to folder/truth.jsonl."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus, truth = folder / "corpus.jsonl", folder / "truth.jsonl"
    with corpus.open("w", encoding="utf-8") as out, truth.open("w", encoding="utf-8") as gt:
        for record, planted in generate(n, seed=seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            gt.write(json.dumps(planted) + "\n")
    return corpus, truth


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many articles")
    parser.add_argument("folder", type=Path, help="where to write (outside the project)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    corpus, truth = write_corpus(args.n, args.folder, seed=args.seed)
    print(f"wrote {corpus} and {truth}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
