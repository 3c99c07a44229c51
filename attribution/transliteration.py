"""Romanisation classes: whether two Latin spellings can be one name written from another script.

A name written in Arabic, Cyrillic, Korean or Chinese reaches English text through several
romanisation habits at once: Arabic script leaves out short vowels and doubled consonants
(Mohamed / Muhammad), Cyrillic `й`, `х`, `ж` have two or three Latin spellings each
(Zelensky / Zelenskyy, Khodorkovsky / Chodorkowski), Korean syllables are split with a
hyphen, a space or nothing (Kim Jong-un / Kim Jong Un). This module lists those habits as
classes of interchangeable letter groups and decides, without any similarity threshold,
whether one spelling can be turned into the other using only them. Kept apart from
`normalize.py` because it is a model of its own, with its own data (the known pairs).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

# Letter groups that stand for one sound in different romanisations, each pair usable in both
# directions anywhere in a name. One line per habit, with where it comes from.
_ANYWHERE: tuple[tuple[str, str], ...] = (
    # Vowels Arabic script does not write, and Persian/Turkish habits: Ahmad/Ahmed,
    # Adel/Adil, Mohamed/Muhammad, Osama/Usama. Never a/o, a/u or a/i: Hassan/Hussein,
    # Hamid/Hamud and Dan/Don are other names.
    ("a", "e"),
    ("e", "i"),
    ("o", "u"),
    # French and English spellings of one long vowel: Abdou/Abdu, Mahmoud/Mahmud,
    # Saeed/Said, Yousef/Yusuf, Shoorideh/Shurideh.
    ("ou", "u"),
    ("ou", "o"),
    ("oo", "u"),
    ("ee", "i"),
    ("ie", "i"),
    # Diphthongs: Hussein/Hussain/Husayn, Sergei/Sergey, Haidar/Haydar.
    ("ei", "ai"),
    ("ei", "ey"),
    ("ai", "ay"),
    ("ei", "ay"),
    ("ey", "ay"),
    ("i", "y"),
    # Consonants: q for Arabic qaf (Qasem/Kasem, Qaddafi/Gaddafi), ch/k (Chodorkowski).
    ("q", "k"),
    ("q", "g"),
    ("c", "k"),
    ("ck", "k"),
    ("ks", "x"),
    ("kh", "h"),
    ("kh", "ch"),
    ("gh", "g"),
    ("dh", "d"),
    ("dh", "z"),
    ("dh", "th"),
    ("th", "t"),
    ("th", "s"),
    ("ph", "f"),
    ("j", "dj"),
    ("j", "dzh"),
    ("j", "zh"),
    ("sh", "ch"),
    ("sh", "sch"),
    ("shch", "sch"),
    ("shch", "shtch"),
    ("tch", "ch"),
    ("tsch", "ch"),
    ("ts", "tz"),
    ("ts", "c"),
    ("w", "v"),
    ("w", "ou"),
    ("ff", "v"),
    # Cyrillic я, ю, е, ё after a consonant or vowel: Maya/Maja, Yuri/Iouri, Yevgeny/Jewgeni.
    ("y", "j"),
    ("ya", "ia"),
    ("yu", "iu"),
    ("yu", "iou"),
    ("ye", "ie"),
    ("yo", "io"),
    # Egyptian g for jim (Gamal/Jamal, Naguib/Najib), French c for sin (Nacer/Nasser,
    # Youcef/Youssef), French ou for waw (Aouad/Awad, Toufic/Tawfiq), Persian gh for qaf
    # (Ghodratollah/Qodratollah), Persian and Urdu z for dad (Fazl/Fadl), Hebrew ch (Chaim).
    ("j", "g"),
    ("c", "s"),
    ("c", "ss"),
    ("c", "q"),
    ("aw", "ou"),
    ("au", "ou"),
    ("au", "aw"),
    ("aw", "o"),
    ("gh", "q"),
    ("d", "z"),
    ("ch", "h"),
    ("qu", "q"),
    ("qu", "k"),
    ("ei", "i"),
    ("ai", "i"),
    # God's name in compounds: Abdullah/Abdallah, Nasrullah/Nasrallah.
    ("ullah", "allah"),
    ("ulla", "allah"),
)
# Groups that alternate only at the end of a name: Fatimah/Fatima, Zelenskyy/Zelenskiy/
# Zelensky, Dmitrii/Dmitry, Romanov/Romanoff, Sergej/Sergey.
_FINAL: tuple[tuple[str, str], ...] = (
    ("ah", "a"),
    ("eh", "e"),
    ("yy", "y"),
    ("iy", "y"),
    ("yi", "y"),
    ("ij", "y"),
    ("ii", "y"),
    ("ii", "i"),
    ("iy", "i"),
    ("j", "y"),
    ("ov", "off"),
    ("ev", "eff"),
    # Persian final heh and French silent e: Fatemeh/Fatima, Amine/Amin, Rafique/Rafiq.
    ("eh", "a"),
    ("eh", "ah"),
    ("e", ""),
    ("que", "q"),
    ("que", "k"),
)
# Groups that alternate only at the start: Yevgeny/Evgeny, Yeltsin/Eltsin.
_INITIAL: tuple[tuple[str, str], ...] = (("ye", "e"), ("ya", "a"), ("yu", "u"))
# Vowel swaps that are not allowed as a name's first letter: Ali/Eli, Imran/Amran are two
# names, while Osama/Usama and Ibrahim/Ebrahim are one.
_NOT_INITIAL = frozenset({("a", "e"), ("e", "a")})

_VOWELS = frozenset("aeiouy")
# Particles: al-, el-, ul- and a sun letter's assimilated form (ad-Din, ash-Sharif) hyphenated,
# or al/el/ul/il spaced, are one `al`; `Abdul`, `Abdel`, `Abd al-`, `Abdur-` one `abdal`.
# Spaced short words are not particles (`Ed Miliband`).
_PARTICLE_RE = re.compile(
    r"(?:(?<=[\s-])|^)(?:[aeiou](?:l|d|n|r|s|sh|t|th|z|dh)-+|[aeiu]l\s+)(?=\w)"
)
_ABD_RE = re.compile(r"\babd(?:[-\s]*[aeiou](?:l|n|r|s|sh|t|th|z|dh|d)-?|[-\s]+)[-\s]*(?=\w|$)")
_SEPARATORS_RE = re.compile(r"[\s\-'\u2019\u2018\u02bc\u02bf\u02be`.]+")


def _all_pairs() -> tuple[
    dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]
]:
    """The class tables as {group: groups it may become}, both directions."""
    tables: list[dict[str, list[str]]] = [{}, {}, {}]
    for table, pairs in zip(tables, (_ANYWHERE, _FINAL, _INITIAL), strict=True):
        for x, y in pairs:
            table.setdefault(x, []).append(y)
            table.setdefault(y, []).append(x)
    anywhere, final, initial = ({k: tuple(v) for k, v in t.items()} for t in tables)
    return anywhere, final, initial


_ANY_TABLE, _FINAL_TABLE, _INITIAL_TABLE = _all_pairs()
_FIRSTS = frozenset(k[0] for t in (_ANY_TABLE, _FINAL_TABLE, _INITIAL_TABLE) for k in t if k)


@functools.lru_cache(maxsize=16384)
def fold_name(name: str) -> str:
    """A name reduced to lower-case ASCII letters, particles unified, separators dropped.

    `Abdul-Mahdi`, `Abdul Mahdi` and `Abdulmahdi` give `abdalmahdi`; `al-Sadr` and `el Sadr`
    give `alsadr`; accents go (`Erdoğan` is `erdogan`), and so do apostrophes and the ayn
    and hamza marks (`Ba'ath`, `Saʿid`).
    """
    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("\u0131", "i").replace("\u00f8", "o").replace("\u0142", "l").replace("ß", "ss")
    s = _ABD_RE.sub("abdal", s)
    s = _PARTICLE_RE.sub("al", s)
    return _SEPARATORS_RE.sub("", s)


def same_romanisation(a: str, b: str) -> bool:
    """True when one folded spelling becomes the other through romanisation classes alone.

    Every step is an equal letter, a letter doubled or single (Qasem/Qassem), or a swap of
    one class above; nothing is scored, so no threshold decides. Both arguments are
    `fold_name` results.
    """
    if a == b:
        return True
    if not a or not b:
        return False
    return _reach(a, b)


@functools.lru_cache(maxsize=16384)
def _reach(a: str, b: str) -> bool:
    """Whether a path of allowed steps leads from the start of both spellings to both ends."""
    la, lb = len(a), len(b)
    seen: set[tuple[int, int]] = set()
    stack = [(0, 0)]
    while stack:
        i, j = stack.pop()
        if (i, j) in seen:
            continue
        seen.add((i, j))
        if i == la and j == lb:
            return True
        stack.extend(_steps(a, b, i, j))
    return False


def _steps(a: str, b: str, i: int, j: int) -> list[tuple[int, int]]:
    """Every allowed step from positions i of a and j of b."""
    out: list[tuple[int, int]] = []
    la, lb = len(a), len(b)
    if i < la and j < lb and a[i] == b[j]:
        out.append((i + 1, j + 1))
    # A doubled letter against a single one: Qassem/Qasem, Muhammad/Mohamed, Saad/Sad.
    if i < la and i > 0 and a[i] == a[i - 1] and j > 0 and b[j - 1] == a[i]:
        out.append((i + 1, j))
    if j < lb and j > 0 and b[j] == b[j - 1] and i > 0 and a[i - 1] == b[j]:
        out.append((i, j + 1))
    # A short vowel Arabic script leaves unwritten, between two consonants inside the name:
    # Arslan/Arsalan, Najm/Najem, Kazmi/Kazemi, Abdelkrim/Abdelkarim.
    if _unwritten_vowel(a, i) and _between_consonants(b, j):
        out.append((i + 1, j))
    if _unwritten_vowel(b, j) and _between_consonants(a, i):
        out.append((i, j + 1))
    if i < la and a[i] in _FIRSTS:
        _class_steps(a, b, i, j, _ANY_TABLE, out)
        if i == 0 and j == 0:
            _class_steps(a, b, i, j, _INITIAL_TABLE, out)
        _class_steps(a, b, i, j, _FINAL_TABLE, out, final=True)
    # A group with an empty counterpart (a silent final e) is only found from its own side.
    if j < lb and b[j] in _FIRSTS:
        swapped: list[tuple[int, int]] = []
        _class_steps(b, a, j, i, _FINAL_TABLE, swapped, final=True)
        out.extend((x, y) for y, x in swapped)
    return out


_SHORT = frozenset("aeiou")


def _unwritten_vowel(s: str, i: int) -> bool:
    """A short vowel at s[i] with a consonant on each side."""
    return (
        0 < i < len(s) - 1
        and s[i] in _SHORT
        and s[i - 1] not in _VOWELS
        and s[i + 1] not in _VOWELS
    )


def _between_consonants(s: str, j: int) -> bool:
    """Position j of s falls between two consonants (where a vowel could have been)."""
    return 0 < j < len(s) and s[j - 1] not in _VOWELS and s[j] not in _VOWELS


def _class_steps(
    a: str,
    b: str,
    i: int,
    j: int,
    table: dict[str, tuple[str, ...]],
    out: list[tuple[int, int]],
    *,
    final: bool = False,
) -> None:
    """Steps swapping a class group at a[i:] for its counterpart at b[j:]."""
    for size in (5, 4, 3, 2, 1):
        x = a[i : i + size]
        if len(x) < size or x not in table:
            continue
        if final and i + size != len(a):
            continue
        for y in table[x]:
            if not b.startswith(y, j):
                continue
            if final and j + len(y) != len(b):
                continue
            if i == 0 and j == 0 and (x, y) in _NOT_INITIAL:
                continue
            if not y and a[i - 1 : i] in _VOWELS:
                continue  # a silent e follows a consonant: Julie is not July
            out.append((i + size, j + len(y)))


@functools.cache
def known_variants() -> dict[str, int]:
    """Folded spellings of the shipped known-variant groups, each mapped to its group number.

    The groups (package data `data/name_variants.tsv`) are names whose romanisations differ
    beyond the classes above: Gaddafi/Kadhafi, Kyiv/Kiev, Beijing/Peking.
    """
    data = resources.files("attribution").joinpath("data/name_variants.tsv")
    groups: dict[str, int] = {}
    number = 0
    for line in data.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        number += 1
        for spelling in line.split("\t"):
            if spelling.strip():
                groups[fold_name(spelling.strip())] = number
    return groups


@functools.lru_cache(maxsize=16384)
def blocking_key(name: str) -> str:
    """A key that every two romanisations of one name share, to narrow a search for variants.

    The letters no romanisation class touches (b, l, m, n, r) in order, a doubled one once:
    `Mohamed` and `Muhammad` give `mm`, `Zelensky` and `Zelenskiy` give `ln`. A word of a
    known-variant group takes its group's first spelling's key (`Peking` is keyed as
    `Beijing`). Different names may share a key; variants never differ, by construction.
    """
    out: list[str] = []
    previous = ""
    for word in name.split():
        folded = fold_name(word)
        group = known_variants().get(folded)
        if group is not None:
            folded = _group_heads()[group]
        for ch in folded:
            if ch in _STABLE and ch != previous:
                out.append(ch)
            previous = ch
    return "".join(out)


# Letters that appear in no class above, so every variant keeps them where they are.
_STABLE = frozenset("blmnr")


@functools.cache
def _group_heads() -> dict[int, str]:
    """The first folded spelling of each known group."""
    heads: dict[int, str] = {}
    for spelling, group in known_variants().items():
        heads.setdefault(group, spelling)
    return heads
