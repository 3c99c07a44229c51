"""Punkt, NLTK's sentence splitter, made without NLTK data and run on Python's own regex engine.

NLTK sends every regular expression through a guard meant for patterns a caller supplies (a
third-party engine with a time limit on each call). Punkt's patterns are NLTK's own, fixed
ones; through the guard they cost over half of Punkt's time per paragraph. Punkt takes its
language variables and its token class as arguments, the extension points it documents: the
subclasses here hand it the same patterns, taken from NLTK as they are and compiled by `re`,
so the sentences are the same. NLTK is imported only when a splitter is made.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

# The flags NLTK compiles Punkt's patterns with, as `re` reads them.
_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.UNICODE | re.VERBOSE


def sentence_splitter(abbreviations: frozenset[str]) -> PunktSentenceTokenizer:
    """An untrained Punkt that knows these abbreviations (lower case, no final dot)."""
    from nltk.tokenize.punkt import (
        PunktLanguageVars,
        PunktParameters,
        PunktSentenceTokenizer,
        PunktToken,
    )

    own = PunktLanguageVars()
    words = _standard(own._word_tokenizer_re())
    ends = _standard(own.period_context_re())
    after_end = _standard(own.re_boundary_realignment)

    class LanguageVars(PunktLanguageVars):  # type: ignore[misc]
        """English, as NLTK has it: words, where a sentence may end, the marks after it."""

        __slots__ = ()
        re_boundary_realignment = after_end

        def word_tokenize(self, s: str) -> list[str]:
            return words.findall(s)

        def period_context_re(self) -> re.Pattern[str]:
            return ends

    class Token(PunktToken):  # type: ignore[misc]
        """A token, typed as NLTK types it: an ellipsis, a number, an initial, a word."""

        __slots__ = ()
        _RE_ELLIPSIS = _standard(PunktToken._RE_ELLIPSIS)
        _RE_NUMERIC = _standard(PunktToken._RE_NUMERIC)
        _RE_INITIAL = _standard(PunktToken._RE_INITIAL)
        _RE_ALPHA = _standard(PunktToken._RE_ALPHA)

    params = PunktParameters()
    params.abbrev_types = set(abbreviations)
    splitter: PunktSentenceTokenizer = PunktSentenceTokenizer(
        params, lang_vars=LanguageVars(), token_cls=Token
    )
    return splitter


def _standard(pattern: Any) -> re.Pattern[str]:
    """NLTK's pattern compiled by `re` (NLTK's guard keeps the pattern and its flags)."""
    return re.compile(pattern.pattern, pattern.flags & _FLAGS)
