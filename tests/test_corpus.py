"""The stages of `track` one by one: reading a corpus, the index of rare word pairs,
clustering under the one-printing-per-article rule, and the engines' ordering."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attribution.corpus import link
from attribution.corpus.engines import LocalEngine, make_engine
from attribution.corpus.index import (
    build_postings,
    candidates,
    key_hash,
    rare_keys,
    weighted_keys,
    word_keys,
)
from attribution.corpus.link import OTHER_INSIDE, WHOLE, Link, cluster, link_batch
from attribution.corpus.model import Problem, Record, Wording
from attribution.corpus.read import read_corpus
from attribution.corpus.track import _by_neighbourhood
from attribution.errors import BadOption, UnreadableInput
from attribution.model import Severity, Verdict
from attribution.normalize import tokenize


def _read(*paths: Path) -> tuple[list[Record], list[Problem]]:
    items = list(read_corpus([str(p) for p in paths]))
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, Problem)]


def test_a_folder_s_files_are_articles_and_a_subfolder_is_their_outlet(tmp_path: Path) -> None:
    (tmp_path / "nyt").mkdir()
    (tmp_path / "nyt" / "b.txt").write_text("“One,” she said.", encoding="utf-8")
    (tmp_path / "a.md").write_text("“Two,” he said.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("not an article", encoding="utf-8")
    records, problems = _read(tmp_path)
    assert [(r.ordinal, r.id, r.outlet) for r in records] == [
        (0, "a.md", None),
        (1, "nyt/b.txt", "nyt"),
    ]
    assert records[0].data == "“Two,” he said.".encode() and records[0].text is None
    assert problems == []


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{", "not a JSON record (Expecting property name enclosed in double quotes); skipped"),
        ("[1, 2]", "not an object with id and text; skipped"),
        ('{"text": "words"}', "no id (a string or a number); skipped"),
        ('{"id": true, "text": "words"}', "no id (a string or a number); skipped"),
        ('{"id": "x", "text": "  "}', "no text (a non-empty string); skipped"),
        ('{"id": "x", "text": 5}', "no text (a non-empty string); skipped"),
    ],
)
def test_a_bad_record_is_skipped_with_its_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text('{"id": 1, "text": "fine"}\n' + line + "\n", encoding="utf-8")
    records, problems = _read(path)
    assert [r.id for r in records] == ["1"]
    assert [str(p) for p in problems] == [f"{path}:2: {problem}"]


@pytest.mark.parametrize(
    ("published", "read"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T09:30:00Z", "2024-03-05T09:30:00+00:00"),
        ("2024-03-05 09:30", "2024-03-05T09:30:00"),
        ("March 5", None),
    ],
)
def test_a_date_is_read_as_iso_or_dropped_with_a_note(
    tmp_path: Path, published: str, read: str | None
) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "t", "published": published}), encoding="utf-8")
    records, problems = _read(path)
    assert records[0].published == read
    assert [p.skipped for p in problems] == ([] if read else [False])


def test_ids_are_unique_across_the_whole_corpus(tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    one.write_text('{"id": "a", "text": "first"}\n', encoding="utf-8")
    two.write_text('{"id": "a", "text": "second"}\n', encoding="utf-8")
    records, problems = _read(one, two)
    assert [r.text for r in records] == ["first"]
    assert [str(p) for p in problems] == [f"{two}:1: id 'a' was already used; record skipped"]


def test_parquet_records_are_read_like_json_lines(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    import datetime as dt

    table = pa.table(
        {
            "id": ["a", "b"],
            "text": ["“One,” she said.", None],
            "published": [dt.date(2024, 3, 5), None],
        }
    )
    path = tmp_path / "news.parquet"
    pq.write_table(table, path)
    records, problems = _read(path)
    assert [(r.id, r.published) for r in records] == [("a", "2024-03-05")]
    assert [str(p) for p in problems] == [f"{path}: row 2: no text (a non-empty string); skipped"]


def test_a_damaged_parquet_file_is_an_unreadable_input(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "news.parquet"
    path.write_bytes(b"PAR1 not really")
    with pytest.raises(UnreadableInput, match="not a readable Parquet file"):
        _read(path)


def test_keys_are_the_same_in_every_process() -> None:
    """Python's hash of a string changes between processes; the index's must not."""
    assert key_hash("harbour street") == 0x64C6DE0A526CAAA7


def _words(text: str) -> list[str]:
    return word_keys(tokenize(text))


def test_a_fragment_and_an_edited_reprint_find_the_statement_they_come_from() -> None:
    texts = [
        "We will not close the Harbour Street clinic before the winter of 2027.",
        "the Harbour Street clinic before the winter",
        "We will not close the Harbour Street clinic before the winter of 2029.",
        "The council met on Tuesday and the weather was fine.",
    ]
    keys = [rare_keys(_words(t)) for t in texts]
    popularity = [3, 1, 1, 1]
    postings = build_postings(keys, popularity)
    assert candidates(1, texts[1], postings, popularity)[0] == 0
    assert 0 in candidates(2, texts[2], postings, popularity)
    assert 3 not in candidates(0, texts[0], postings, popularity)


def test_a_wording_is_filed_under_its_rarest_word_pairs() -> None:
    words = _words("we are going to rebuild the Tanner River bridge")
    weighted = weighted_keys(words)
    assert key_hash("tanner river") in rare_keys(words)
    assert key_hash("going to") not in rare_keys(words)
    assert len(weighted) == len(words) - 1


def _link(ref: int, other: int, rank: float, inside: int = WHOLE) -> Link:
    return Link(ref, other, rank, inside, (Verdict.IDENTICAL, Severity.NONE, 1.0, ()))


def test_clusters_join_the_strongest_links_first_and_keep_one_printing_per_article() -> None:
    # Wordings 0 and 1 are both printed by article 7: a wording (2) linked to both joins
    # only the one it is more strongly linked to.
    articles = [frozenset({7}), frozenset({7, 8}), frozenset({9}), frozenset({10})]
    links = [_link(1, 2, 1.5), _link(0, 2, 1.9), _link(2, 3, 1.2)]
    groups, kept = cluster(links, articles, [10, 10, 10, 10])
    assert sorted(sorted(g) for g in groups) == [[0, 2, 3], [1]]
    assert kept == [(0, 2), (2, 3)]


def test_a_fragment_of_two_statements_makes_them_no_one_statement() -> None:
    """ "make America great again" printed alone is inside many statements: it joins none."""
    articles = [frozenset({n}) for n in range(5)]
    lengths = [80, 90, 25, 60, 30]
    links = [
        _link(0, 2, 1.6, OTHER_INSIDE),  # 2 is a fragment of 0 ...
        _link(1, 2, 1.6, OTHER_INSIDE),  # ... and of 1, another statement
        _link(3, 4, 1.6, OTHER_INSIDE),  # 4 is a fragment of 3 alone
    ]
    groups, _ = cluster(links, articles, lengths)
    assert sorted(sorted(g) for g in groups) == [[0], [1], [2], [3, 4]]


def test_a_fragment_of_a_fragment_finds_the_statement_both_come_from() -> None:
    articles = [frozenset({n}) for n in range(3)]
    # 2 is inside 1 and inside 0; 1 is inside 0: placing 1 first makes 2's home one.
    links = [
        _link(0, 2, 1.6, OTHER_INSIDE),
        _link(1, 2, 1.7, OTHER_INSIDE),
        _link(0, 1, 1.6, OTHER_INSIDE),
    ]
    groups, _ = cluster(links, articles, [90, 40, 20])
    assert sorted(sorted(g) for g in groups) == [[0, 1, 2]]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, 1000), max_size=40))
def test_the_local_engine_yields_results_in_the_batches_order(numbers: list[int]) -> None:
    """Whatever order workers finish in, results come back in the order batches went out."""
    engine = LocalEngine(1)
    assert list(engine.map(_square, [[n] for n in numbers])) == [[n * n] for n in numbers]


def test_a_pool_of_processes_keeps_the_order_and_shares_data_once() -> None:
    engine = LocalEngine(2)
    batches = [[n] for n in range(30)]
    assert list(engine.map(_offset, batches, shared=100)) == [[n + 100] for n in range(30)]


def _square(batch: list[int]) -> list[int]:
    return [n * n for n in batch]


def _offset(batch: list[int], shared: int) -> list[int]:
    return [n + shared for n in batch]


def test_an_unknown_engine_or_a_lone_scheduler_is_a_bad_option() -> None:
    with pytest.raises(BadOption, match="unknown engine 'spark'; use local or dask"):
        make_engine("spark")
    with pytest.raises(BadOption, match="--scheduler needs --engine dask"):
        make_engine("local", scheduler="tcp://127.0.0.1:8786")


def test_an_unreachable_scheduler_is_a_bad_option(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("dask.distributed")
    monkeypatch.setattr("attribution.corpus.engines.SCHEDULER_TIMEOUT", "1s")
    with pytest.raises(
        BadOption, match=r"cannot reach the Dask scheduler at 'tcp://127\.0\.0\.1:9'"
    ):
        make_engine("dask", scheduler="tcp://127.0.0.1:9")


def test_the_compact_index_answers_as_the_postings_it_was_built_from() -> None:
    texts = [
        "The Kessler Street pumping station cannot survive another flood season.",
        "cannot survive another flood season",
        "We will rebuild the Tanner River bridge by the spring of 2028.",
    ]
    keys = [rare_keys(_words(t)) for t in texts]
    postings = build_postings(keys, [2, 1, 1])
    for number, wording_keys in enumerate(keys):
        for key in wording_keys:
            assert number in postings.get(key)
    assert list(postings.get(key_hash("no such pair"))) == []
    assert len(postings) == len({k for ks in keys for k in ks})


def test_pairs_are_grouped_by_the_wordings_they_connect() -> None:
    # 0-5-9 are one neighbourhood, 1-2 another; each group's pairs come together.
    ordered = _by_neighbourhood({(9, 5), (1, 2), (0, 5), (2, 7), (0, 9)})
    assert ordered == [(0, 5), (0, 9), (9, 5), (1, 2), (2, 7)]


def test_linking_does_not_depend_on_the_batch_or_what_a_worker_remembers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wordings = [
        Wording(
            "The Kessler Street pumping station cannot survive another flood season.",
            "Dana Whitfield",
            (),
        ),
        Wording(
            "The Kessler Street pumping station can survive another flood season.", "Whitfield", ()
        ),
        Wording(
            "The Kessler Street pumping station cannot survive another flood season.",
            "Amir Haddad",
            (),
        ),
    ]
    pairs = [(0, 1), (0, 2), (1, 2)]
    whole = link_batch(pairs, wordings)
    monkeypatch.setattr(link, "_CACHE_SIZE", 1)
    one_by_one = [
        found for pair in pairs for found in link_batch([pair], {n: wordings[n] for n in pair})
    ]
    assert one_by_one == whole
    assert [(k.ref, k.other) for k in whole] == pairs
