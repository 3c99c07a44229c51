"""The article as the attribution stages read it, and what they hand each other.

Built once per article by `attribution.attribute`: its tokens, quote-aware sentences, the
quotes as paired, its paragraphs and its mentions. Frozen, so candidates, coreference and
kinds all read the same article and none can change it for another.
"""

from __future__ import annotations

from dataclasses import dataclass

from attribution.extract.marks import Pairing
from attribution.extract.mentions import MentionIndex
from attribution.extract.sentences import SentenceIndex
from attribution.extract.tokens import Tokens

Span = tuple[int, int]


@dataclass(frozen=True, slots=True, eq=False)
class Document:
    """One article's tokens, sentences, quotes, paragraphs and mentions."""

    tokens: Tokens
    sentences: SentenceIndex
    pairings: tuple[Pairing, ...]
    paragraphs: tuple[Span, ...]
    mentions: MentionIndex
    # For each pairing, the pairings of its statement in text order (itself alone when the
    # statement is not split around its attribution).
    statements: tuple[tuple[int, ...], ...]


@dataclass(frozen=True, slots=True)
class Found:
    """What the rules found for one quote: the cue word, the speaker phrase, and where."""

    cue: str | None
    np: Span | None  # token indices (start, end) of the speaker phrase
    where: str  # the rule: "trail", "lead", "colon", "label", "possessive", "previous", ...
