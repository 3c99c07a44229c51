"""Settling a found quote's credit and spelling with what the draft and the house know.

Separate from the search (`verify.py`): once a draft quote's words are found, a speaker the
draft names only by role ("the governor") is settled against the titles the texts give, and
a respelling is weighed against the house spelling. Both change only a match's severity and
`speakers.same`, never what was found.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from attribution.classify import DEFAULT_POLICY, Policy
from attribution.extract.names import first_name_genders
from attribution.model import ChangeCategory, Match, Severity, Speakers, Verdict
from attribution.normalize import is_name_variant, spelling_key

# The searches of a whole text for a name's titles and first names run once for each quote
# found: they are kept per text and name, so checking the thousands of quotes of a long
# draft against a long source reads each text once per name rather than once per quote.
_SEARCHES_KEPT = 256


def settle_role_speaker(match: Match, *texts: str, policy: Policy = DEFAULT_POLICY) -> Match:
    """The match with a draft speaker named only by role (`the governor`) settled.

    The extractor resolves "the governor" when the draft itself introduced Gov. Laura
    Petersen; a role it could not resolve (the title is only in the source, as in a
    transcript's "GOV. PETERSEN:") would read as another speaker. The role agrees with the
    source's speaker when a text (the draft's, the source's) gives that speaker the role as
    a title and the draft gives it to nobody else (else "the senator" could be either
    senator the draft names); it disagrees when the draft gives the title to someone else
    only; otherwise who said it is unknown, which is not a finding.

    Args:
        match: a match of a draft quote (a) and a source's words (b).
        *texts: the draft's and the source's text, searched for the title.
        policy: the severity of a speaker mismatch.
    """
    role, name = match.speakers.a, match.speakers.b
    if match.speakers.same is not False or role is None or name is None:
        return match
    title = _role_title(role)
    if title is None:
        return match
    forms = _TITLE_FORMS.get(title, (title,))
    surname = name.split()[-1]
    if any(_titled(text, forms, surname) for text in texts):
        # "the senator" where the draft titles another senator too: which one it means is
        # the draft's to say, and the tool could not read it (the extractor left the role
        # unresolved); unknown, never a pass on the strength of the title alone.
        same: bool | None = None if _titles_another(texts[0], forms, surname) else True
    elif any(_titled(text, forms, None) for text in texts[:1]):
        if len(role.split()) > 2:
            # "the Texas senator" where the draft titles another senator too: the
            # qualifier says which, and the tool cannot read it; unknown, not another.
            same = None
        else:
            return match
    else:
        same = None
    speakers = dataclasses.replace(match.speakers, same=same)
    return dataclasses.replace(
        match, speakers=speakers, severity=_severity(match, speakers, policy)
    )


def settle_family_name(match: Match, source_text: str, *, policy: Policy = DEFAULT_POLICY) -> Match:
    """The match with a credit that only a shared family name supports left unknown.

    A transcript labels its turns by surname (`TRUMP:`, `CLINTON:`), and a draft that
    credits the words to Eric Trump agrees with the label as much as one that credits
    Donald Trump. The label tells them apart only through the source's own text: when the
    source names people of that family by first name (the moderator's "Donald Trump") and
    never the one the draft credits, whose words they are cannot be told, which is not a
    pass. A source that names nobody of the family by first name leaves the credit as it
    was (a press conference labelled `PETERSEN:`). A name with a generational suffix on
    one side only (`Donald Trump Jr.` against `DONALD TRUMP:`) is left unknown too: the
    names agree word for word, the people may not.

    Args:
        match: a match of a draft quote (a) and a source's words (b).
        source_text: the source's text, searched for the family's first names.
        policy: the severity of a speaker mismatch.
    """
    if match.speakers.same is not True:
        return match
    if _suffixes(match.speakers.a) != _suffixes(match.speakers.b):
        return _unknown_speaker(match, policy)  # Donald Trump Jr. is not Donald Trump
    credit, label = _name_words(match.speakers.a), _name_words(match.speakers.b)
    if len(label) != 1 or len(credit) < 2 or credit[-1].casefold() != label[0].casefold():
        return match
    first = credit[0]
    if first.casefold() not in first_name_genders():
        return match
    named = family_first_names(source_text, label[0])
    if not named:
        return match
    # The person the label stands for, where the source says it: the first name it gives
    # with the title the floor is handed over by ("Secretary Clinton?" before a `CLINTON:`
    # turn, and "Secretary Hillary Clinton" in the welcome). Another of the family the
    # source names (her husband, "Bill Clinton") is then not who spoke.
    speaking = label_first_names(source_text, label[0]) or named
    if any(n.casefold() == first.casefold() or is_name_variant(n, first) for n in speaking):
        return match
    return _unknown_speaker(match, policy)


@functools.lru_cache(maxsize=_SEARCHES_KEPT)
def label_first_names(text: str, surname: str) -> frozenset[str]:
    """The first names a transcript gives the person its `SURNAME:` label stands for: the
    titles it hands that label the floor by (the end of the turn before each, "Senator
    Alvarez?", "under a President Victor Dubois?"), put before a first name and the surname
    anywhere in the text ("Senator Rosa Alvarez"). Empty when the text never says."""
    label = re.compile(rf"(?m)^{re.escape(surname.upper())}\s*(?:\(\?\))?\s*:")
    any_label = re.compile(r"(?m)^[A-Z][A-Z.'\u2019 \-]{1,40}(?:\(\?\))?\s*:")
    titled = re.compile(
        rf"\b({_HANDOVER_TITLES})\.?\s+(?:([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?)?"
        rf"(?i:{re.escape(surname)})\b"
    )
    known = first_name_genders()
    titles: set[str] = set()
    firsts: set[str] = set()
    for turn in label.finditer(text):
        before = [m.end() for m in any_label.finditer(text, 0, turn.start())]
        window = text[
            max(before[-1] if before else 0, turn.start() - _HANDOVER_REACH) : turn.start()
        ]
        for m in titled.finditer(window):
            titles.add(m[1])
            if m[2] and m[2].casefold() in known:
                firsts.add(m[2])
    for m in titled.finditer(text):
        if m[1] in titles and m[2] and m[2].casefold() in known:
            firsts.add(m[2])
    return frozenset(firsts)


# Titles a moderator hands the floor by, before a surname ("Governor Petersen?").
_HANDOVER_TITLES = (
    r"Mr|Mrs|Ms|Dr|Mayor|Governor|Gov|Senator|Sen|Secretary|Sec|President|Congressman|"
    r"Congresswoman|Representative|Rep|General|Gen|Professor|Prof"
)
# How far before a turn the handing over is looked for: the end of the turn before it.
_HANDOVER_REACH = 400


def _unknown_speaker(match: Match, policy: Policy) -> Match:
    speakers = dataclasses.replace(match.speakers, same=None)
    return dataclasses.replace(
        match, speakers=speakers, severity=_severity(match, speakers, policy)
    )


def _suffixes(speaker: str | None) -> frozenset[str]:
    """The generational suffixes a name carries (`Jr.`, `III`): what tells a son from a
    father of the same name, which the name comparison leaves out."""
    words = (w.strip(".,").casefold() for w in (speaker or "").split())
    return frozenset(w for w in words if w in _SUFFIXES)


@functools.lru_cache(maxsize=_SEARCHES_KEPT)
def family_first_names(text: str, surname: str) -> frozenset[str]:
    """The first names a text gives people of this family name ("Donald Trump", "Donald J.
    Trump"): words before the name that the shipped first-name list holds."""
    pattern = rf"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?(?i:{re.escape(surname)})\b"
    known = first_name_genders()
    return frozenset(m for m in re.findall(pattern, text) if m.casefold() in known)


def _name_words(speaker: str | None) -> list[str]:
    """A speaker's name words, without initials and suffix: `Donald J. Trump Jr.` is
    Donald, Trump."""
    if speaker is None:
        return []
    words = [w.strip(".,") for w in speaker.split()]
    return [w for w in words if len(w) > 1 and w.casefold() not in _SUFFIXES and w[0].isalpha()]


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def apply_house_spelling(
    match: Match, house: str | None, *, policy: Policy = DEFAULT_POLICY
) -> Match:
    """The match with spelling changes that depart from the house spelling made `minor`.

    A draft may respell a source's `organize` as `organise` when its house spelling is UK;
    respelling the other way departs from both the source and the house.

    Args:
        match: a match of a draft quote (a) and a source's words (b).
        house: "us", "uk", or None for no house spelling (changes keep the policy's severity).
        policy: the severity of a speaker mismatch, kept when the match has one.
    """
    if house is None or not any(c.category is ChangeCategory.SPELLING for c in match.changes):
        return match
    changes = tuple(
        dataclasses.replace(c, severity=Severity.MINOR)
        if c.category is ChangeCategory.SPELLING and _against_house(c.a, c.b, house)
        else c
        for c in match.changes
    )
    match = dataclasses.replace(match, changes=changes)
    return dataclasses.replace(match, severity=_severity(match, match.speakers, policy))


def _severity(match: Match, speakers: Speakers, policy: Policy) -> Severity:
    """A match's severity from its changes (or its rewording) and its speakers."""
    if match.verdict is Verdict.REWORDED:
        severity = policy.reworded
    else:
        severity = max((c.severity for c in match.changes), default=Severity.NONE)
    if speakers.same is False:
        severity = max(severity, policy.speaker_mismatch)
    return severity


# Titles as a draft writes them alone ("the governor") and before a name ("Gov. Petersen").
_TITLE_FORMS: dict[str, tuple[str, ...]] = {
    "governor": ("gov", "governor"),
    "senator": ("sen", "senator"),
    "representative": ("rep", "representative"),
    "congressman": ("rep", "congressman"),
    "congresswoman": ("rep", "congresswoman"),
    "secretary": ("sec", "secretary"),
    "president": ("pres", "president"),
    "general": ("gen", "general"),
    "lieutenant": ("lt", "lieutenant"),
    "colonel": ("col", "colonel"),
    "professor": ("prof", "professor"),
    "doctor": ("dr", "doctor"),
    "superintendent": ("supt", "superintendent"),
}
# A role is up to four lower-case words, the last its title: "the governor", "hospital
# chief", "the state's transportation secretary". A name has a capital letter.
_ROLE_RE = re.compile(r"(?=[a-z])(?:[\w\u2019'\-]+ ){0,3}(?P<title>[a-z\-]+)")


def _role_title(speaker: str) -> str | None:
    m = _ROLE_RE.fullmatch(speaker)
    return m["title"] if m else None


@functools.lru_cache(maxsize=_SEARCHES_KEPT)
def _titles_another(text: str, forms: tuple[str, ...], surname: str) -> bool:
    """True when the text puts the title before a name that does not end in `surname`."""
    title = "|".join(re.escape(f) for f in forms)
    pattern = rf"\b(?i:{title})\.?\s+(?:[A-Z][\w\u2019'.\-]*\s+){{0,3}}([A-Z][\w\u2019'\-]*)\b"
    names = (re.split(r"['\u2019]", m)[0] for m in re.findall(pattern, text))
    return any(name != surname for name in names)


@functools.lru_cache(maxsize=_SEARCHES_KEPT)
def _titled(text: str, forms: tuple[str, ...], surname: str | None) -> bool:
    """True when the text puts one of the title's forms before a name (ending in `surname`)."""
    title = "|".join(re.escape(f) for f in forms)
    end = re.escape(surname) if surname else r"[A-Z][\w\u2019'\-]*"
    pattern = rf"\b(?i:{title})\.?\s+(?:[A-Z][\w\u2019'.\-]*\s+){{0,3}}{end}\b"
    return re.search(pattern, text) is not None


def _against_house(draft_word: str, source_word: str, house: str) -> bool:
    """True when the draft respells a US/UK word the way the house does not spell it.

    Transliterated names (Qasem/Qassem) are no one's house spelling and keep their severity.
    """
    if spelling_key(draft_word) != spelling_key(source_word):
        return False
    folded = draft_word.casefold().replace("-", "").replace("'", "").replace("\u2019", "")
    is_uk = spelling_key(folded) != folded
    return is_uk if house == "us" else not is_uk
