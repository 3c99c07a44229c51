"""Edit scripts between two token sequences, shaped so each edit reads as a reader names it.

RapidFuzz's Levenshtein opcodes pair two wordings' keys (within a band, so a huge quote costs
linear time); the reshaping here moves gaps to where a reader would put them (a fragment's
context to its ends, a bracketed note whole, a compound's halves into one replacement).
Separate from `align.py`, which decides windows and evidence, because this is pure sequence
work that knows nothing of quotes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapidfuzz.distance import Levenshtein

from attribution.normalize import Token

# Word alignment is quadratic in the tokens of the shorter side. Past this many tokens (a
# quote no article prints, but an unclosed mark in a wire dump makes) two wordings are
# aligned within a band of this many edits: exact when they differ by fewer, else their
# common start and end are kept and the middle is one replacement. Either way the cost is
# linear in the longer side, so one huge quote cannot stall a comparison.
ALIGN_BAND = 1000

Opcode = tuple[str, int, int, int, int]
Step = tuple[str, int, int]  # ("=", i, j), ("-", i, -1) or ("+", -1, j)


def shape(
    opcodes: tuple[Opcode, ...], a: Sequence[Token], b: Sequence[Token]
) -> tuple[Opcode, ...]:
    """Opcodes reshaped as a reader would name the edits (see each step's docstring)."""
    opcodes = _shift_edge_gaps(_slide_to_same_print(opcodes, a, b), a, b)
    return _keep_words_whole(_join_compounds(_balance_bracket_gaps(opcodes, a, b), a, b), a, b)


def _keep_words_whole(
    opcodes: tuple[Opcode, ...], a: Sequence[Token], b: Sequence[Token]
) -> tuple[Opcode, ...]:
    """An edit that takes half of a printed word (a contraction's `n't`, a glued number's
    scale) takes the whole word: "can" → "can't" is one change, not "can" → "ca" beside an
    inserted "n't"."""
    ops = list(opcodes)
    for _ in range(len(ops) + 2):
        grown = _grow_once(ops, a, b)
        if grown is None:
            break
        ops = grown
    return tuple(ops)


def _grow_once(ops: list[Opcode], a: Sequence[Token], b: Sequence[Token]) -> list[Opcode] | None:
    """The opcodes with one edit grown by a word over a glued pair, or None if none splits one."""
    for k, (tag, s1, e1, s2, e2) in enumerate(ops):
        if tag == "equal" or (tag != "replace" and (k == 0 or k == len(ops) - 1)):
            continue  # words beyond a fragment's ends may be context, whole words or not
        if k > 0 and ops[k - 1][0] == "equal" and (_glued(a, s1) or _glued(b, s2)):
            _, p1, q1, p2, q2 = ops[k - 1]
            if q1 > p1:
                grown = [*ops[: k - 1]]
                if q1 - 1 > p1:
                    grown.append(("equal", p1, q1 - 1, p2, q2 - 1))
                grown.append(("replace", s1 - 1, e1, s2 - 1, e2))
                return list(merge_ops([*grown, *ops[k + 1 :]]))
        if k + 1 < len(ops) and ops[k + 1][0] == "equal" and (_glued(a, e1) or _glued(b, e2)):
            _, p1, q1, p2, q2 = ops[k + 1]
            if q1 > p1:
                grown = [*ops[:k], ("replace", s1, e1 + 1, s2, e2 + 1)]
                if q1 > p1 + 1:
                    grown.append(("equal", p1 + 1, q1, p2 + 1, q2))
                return list(merge_ops([*grown, *ops[k + 2 :]]))
    return None


def _glued(tokens: Sequence[Token], i: int) -> bool:
    """True when tokens[i - 1] and tokens[i] are two words printed as one (no space between)."""
    if i <= 0 or i >= len(tokens):
        return False
    x, y = tokens[i - 1], tokens[i]
    return x.is_word and y.is_word and x.end == y.start


def window_span(opcodes: Sequence[Opcode], length: int) -> tuple[int, int]:
    """The part of a searched window that the quote's words paired with."""
    lo, hi = 0, length
    if opcodes and opcodes[0][0] == "insert":
        lo = opcodes[0][4]
    if opcodes and opcodes[-1][0] == "insert":
        hi = opcodes[-1][3]
    return lo, max(hi, lo)


def word_opcodes(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    """Levenshtein opcodes of two key sequences, within `ALIGN_BAND` edits when both are long."""
    if min(len(a), len(b)) > ALIGN_BAND:
        distance = Levenshtein.distance(a, b, score_cutoff=ALIGN_BAND)
        if distance > ALIGN_BAND:
            return _coarseword_opcodes(a, b)
        ops = Levenshtein.opcodes(a, b, score_hint=distance)
    else:
        ops = Levenshtein.opcodes(a, b)
    return [(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end) for op in ops]


def _coarseword_opcodes(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    """The common start and end as equal, the middle replaced word for word, the rest of the
    longer middle deleted or inserted (the shape RapidFuzz's opcodes have)."""
    prefix, suffix = _common_ends(a, b)
    a_end, b_end = len(a) - suffix, len(b) - suffix
    replaced = min(a_end, b_end) - prefix
    ops: list[Opcode] = [("equal", 0, prefix, 0, prefix)] if prefix else []
    if replaced:
        ops.append(("replace", prefix, prefix + replaced, prefix, prefix + replaced))
    if a_end > prefix + replaced:
        ops.append(("delete", prefix + replaced, a_end, b_end, b_end))
    if b_end > prefix + replaced:
        ops.append(("insert", a_end, a_end, prefix + replaced, b_end))
    if suffix:
        ops.append(("equal", a_end, len(a), b_end, len(b)))
    return ops


def _common_ends(a: Sequence[str], b: Sequence[str]) -> tuple[int, int]:
    """The lengths of the longest common start and (not overlapping it) common end."""
    shorter = min(len(a), len(b))
    prefix = 0
    while prefix < shorter and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < shorter - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    return prefix, suffix


def key_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Levenshtein similarity (0 to 1) of two key sequences.

    Two long sides more than `ALIGN_BAND` edits apart get the similarity of their coarse
    alignment (`_coarse_opcodes`): never more than the true value, so a huge quote is never
    taken for a counterpart or an unquoted reuse it is not.
    """
    if min(len(a), len(b)) > ALIGN_BAND:
        longer = max(len(a), len(b))
        distance = Levenshtein.distance(a, b, score_cutoff=ALIGN_BAND)
        if distance > ALIGN_BAND:
            prefix, suffix = _common_ends(a, b)
            distance = longer - prefix - suffix
        return 1.0 - distance / longer
    return float(Levenshtein.normalized_similarity(a, b))


def flip(tag: str) -> str:
    return {"delete": "insert", "insert": "delete"}.get(tag, tag)


def merge_ops(ops: Iterable[Opcode]) -> tuple[Opcode, ...]:
    """Neighbouring opcodes of one tag joined, so each end of the script is one opcode."""
    out: list[Opcode] = []
    for op in ops:
        if out and out[-1][0] == op[0] and op[0] in ("delete", "insert", "equal"):
            tag, s1, _, s2, _ = out[-1]
            out[-1] = (tag, s1, op[2], s2, op[4])
        else:
            out.append(op)
    return tuple(out)


def _shift_edge_gaps(
    opcodes: tuple[Opcode, ...], a: Sequence[Token], b: Sequence[Token]
) -> tuple[Opcode, ...]:
    """Move the first and last one-sided gaps out to the ends where the words allow it.

    Levenshtein is indifferent to where a run of deletions goes among equal words: "You say
    you accept" against "you accept" may pair the first "You" and delete "say you"; and "a
    big, big problem" against "big problem" may keep the first "big". Pushed to the ends, the
    deletions are words before or after a fragment, which are context.
    """
    if not any(op[0] == "delete" or op[0] == "insert" for op in opcodes):
        return opcodes
    steps = _steps(opcodes)
    if steps is None:
        return opcodes
    changed = False
    for _ in range(len(steps)):
        pushed = _push_leading_gap(steps, a, b)
        if pushed is None:
            break
        steps, changed = pushed, True
    for _ in range(len(steps)):
        pushed = _push_trailing_gap(steps, a, b)
        if pushed is None:
            break
        steps, changed = pushed, True
    return _steps_toword_opcodes(steps, len(a), len(b)) if changed else opcodes


def _steps(opcodes: Sequence[Opcode]) -> list[Step] | None:
    """The opcodes as one step per token, or None when they replace (left as they are)."""
    steps: list[Step] = []
    for tag, s1, e1, s2, e2 in opcodes:
        if tag == "equal":
            steps.extend(("=", s1 + k, s2 + k) for k in range(e1 - s1))
        elif tag == "delete":
            steps.extend(("-", i, -1) for i in range(s1, e1))
        elif tag == "insert":
            steps.extend(("+", -1, j) for j in range(s2, e2))
        else:
            return None
    return steps


def _gap_key(step: Step, a: Sequence[Token], b: Sequence[Token]) -> str:
    return a[step[1]].key if step[0] == "-" else b[step[2]].key


def _push_leading_gap(
    steps: list[Step], a: Sequence[Token], b: Sequence[Token]
) -> list[Step] | None:
    """[gaps] [equal E] [gaps G] with G ending in E's words → [gaps] [equal] : one push."""
    k = next((n for n, s in enumerate(steps) if s[0] == "="), None)
    if k is None:
        return None
    m = k
    while m < len(steps) and steps[m][0] == "=":
        m += 1
    if m == len(steps):
        return None
    kind = steps[m][0]
    if any(s[0] != kind for s in steps[:k]):
        return None
    g = m
    while g < len(steps) and steps[g][0] == kind:
        g += 1
    n = m - k
    if g - m < n:
        return None
    equal_keys = [a[s[1]].key for s in steps[k:m]]
    tail = steps[g - n : g]
    if [_gap_key(s, a, b) for s in tail] != equal_keys:
        return None
    # E's tokens on the gap's side and G's head become the gap; G's tail pairs with E's other side.
    moved = [(kind, s[1], -1) if kind == "-" else (kind, -1, s[2]) for s in steps[k:m]]
    moved += steps[m : g - n]
    paired = [
        ("=", t[1], e[2]) if kind == "-" else ("=", e[1], t[2])
        for t, e in zip(tail, steps[k:m], strict=True)
    ]
    return steps[:k] + _in_order(moved, kind) + paired + steps[g:]


def _push_trailing_gap(
    steps: list[Step], a: Sequence[Token], b: Sequence[Token]
) -> list[Step] | None:
    """[gaps G] [equal E] [gaps] with G starting with E's words → [equal] [gaps]: one push."""
    k = next((n for n in range(len(steps) - 1, -1, -1) if steps[n][0] == "="), None)
    if k is None:
        return None
    m = k  # E is steps[m : k + 1]
    while m > 0 and steps[m - 1][0] == "=":
        m -= 1
    if m == 0:
        return None
    kind = steps[m - 1][0]
    if any(s[0] != kind for s in steps[k + 1 :]):
        return None
    g = m
    while g > 0 and steps[g - 1][0] == kind:
        g -= 1
    n = k + 1 - m
    if m - g < n:
        return None
    equal_keys = [a[s[1]].key for s in steps[m : k + 1]]
    head = steps[g : g + n]
    if [_gap_key(s, a, b) for s in head] != equal_keys:
        return None
    paired = [
        ("=", h[1], e[2]) if kind == "-" else ("=", e[1], h[2])
        for h, e in zip(head, steps[m : k + 1], strict=True)
    ]
    moved = steps[g + n : m]
    moved += [(kind, s[1], -1) if kind == "-" else (kind, -1, s[2]) for s in steps[m : k + 1]]
    return steps[:g] + paired + _in_order(moved, kind) + steps[k + 1 :]


def _join_compounds(
    opcodes: tuple[Opcode, ...], a: Sequence[Token], b: Sequence[Token]
) -> tuple[Opcode, ...]:
    """Neighbouring edits that only join or split words become one replacement.

    "of shootings" against "of-shootings" comes out of Levenshtein as "of" replaced and
    "shootings" deleted; read together they are one compound hyphenated.
    """
    out: list[Opcode] = []
    for op in opcodes:
        if out and op[0] != "equal" and out[-1][0] != "equal":
            _, s1, _, s2, _ = out[-1]
            words_a = "".join(t.key for t in a[s1 : op[2]] if t.is_word)
            words_b = "".join(t.key for t in b[s2 : op[4]] if t.is_word)
            if words_a and words_a == words_b:
                out[-1] = ("replace", s1, op[2], s2, op[4])
                continue
        out.append(op)
    return tuple(out)


def _balance_bracket_gaps(
    opcodes: tuple[Opcode, ...], a: Sequence[Token], b: Sequence[Token]
) -> tuple[Opcode, ...]:
    """Slide an inserted or deleted run so it holds whole bracket pairs where it can.

    "on [Suu Kyi's]" against "on [laughter] [Suu Kyi's]" may insert "laughter] [" after the
    first "["; slid one token left, the insertion is "[laughter]", an editor's note.
    """
    if not any(
        t.text in _BRACKETS
        for tag, s1, e1, s2, e2 in opcodes
        if tag in ("insert", "delete")
        for t in (*a[s1:e1], *b[s2:e2])
    ):
        return opcodes
    steps = _steps(opcodes)
    if steps is None:
        return opcodes
    n = 0
    changed = False
    while n < len(steps):
        kind = steps[n][0]
        if kind == "=":
            n += 1
            continue
        end = n
        while end < len(steps) and steps[end][0] == kind:
            end += 1
        side, tokens = (1, a) if kind == "-" else (2, b)
        for direction in (-1, 1):
            lo, hi = n, end
            run = steps[lo:hi]
            for _ in range(hi - lo):
                if _bracket_depth(tokens, run, side) == 0:
                    break
                moved = _slide_once(steps, lo, hi, direction, tokens, side)
                if moved is None:
                    break
                steps = moved
                lo, hi = lo + direction, hi + direction
                run = steps[lo:hi]
            if _bracket_depth(tokens, steps[lo:hi], side) == 0 and (lo, hi) != (n, end):
                changed = True
                n, end = lo, hi
                break
        n = end
    return _steps_toword_opcodes(steps, len(a), len(b)) if changed else opcodes


_BRACKETS = frozenset("[]()")


def _pos(step: Step, side: int) -> int:
    """A step's token index on side 1 (a) or 2 (b)."""
    return step[1] if side == 1 else step[2]


def _bracket_depth(tokens: Sequence[Token], run: Sequence[Step], side: int) -> int:
    """Brackets a run leaves open or closes without opening (0 when balanced)."""
    depth = unmatched = 0
    for step in run:
        text = tokens[_pos(step, side)].text
        if text in ("[", "("):
            depth += 1
        elif text in ("]", ")"):
            if depth:
                depth -= 1
            else:
                unmatched += 1
    return depth + unmatched


def _slide_once(
    steps: list[Step], lo: int, hi: int, direction: int, tokens: Sequence[Token], side: int
) -> list[Step] | None:
    """The gap steps[lo:hi] moved one token left (-1) or right (1) past an equal step."""
    if direction < 0:
        if lo == 0 or steps[lo - 1][0] != "=":
            return None
        eq = steps[lo - 1]
        first, last = _pos(eq, side), _pos(steps[hi - 1], side)
        if tokens[first].key != tokens[last].key:
            return None
    else:
        if hi >= len(steps) or steps[hi][0] != "=":
            return None
        eq = steps[hi]
        first, last = _pos(steps[lo], side), _pos(eq, side)
        if tokens[first].key != tokens[last].key:
            return None
    kind = steps[lo][0]
    positions = [_pos(s, side) for s in steps[lo:hi]]
    if direction < 0:
        gap_positions = [_pos(eq, side), *positions[:-1]]
        paired_at = positions[-1]
    else:
        gap_positions = [*positions[1:], _pos(eq, side)]
        paired_at = positions[0]
    gap: list[Step] = [(kind, p, -1) if kind == "-" else (kind, -1, p) for p in gap_positions]
    pair: Step = ("=", paired_at, eq[2]) if side == 1 else ("=", eq[1], paired_at)
    if direction < 0:
        return [*steps[: lo - 1], *gap, pair, *steps[hi:]]
    return [*steps[:lo], pair, *gap, *steps[hi + 1 :]]


def _in_order(gaps: list[Step], kind: str) -> list[Step]:
    return sorted(gaps, key=lambda s: s[1] if kind == "-" else s[2])


def _slide_to_same_print(
    opcodes: tuple[Opcode, ...], a: Sequence[Token], b: Sequence[Token]
) -> tuple[Opcode, ...]:
    """Move one-token insertions and deletions so equal keys pair the same printed word.

    "Probably not" against "probably Probably not" pairs either "probably" with "Probably";
    pairing the one printed alike leaves a clean insertion instead of a case change plus one.
    """
    if not any(tag in ("insert", "delete") for tag, *_ in opcodes):
        return opcodes
    found = _steps(opcodes)
    if found is None:
        return opcodes  # replaced runs are left as Levenshtein made them
    steps = found
    changed = False
    for k in range(len(steps) - 1):
        x, y = steps[k], steps[k + 1]
        if {x[0], y[0]} == {"=", "+"}:
            eq, gap = (x, y) if x[0] == "=" else (y, x)
            i, j, g = eq[1], eq[2], gap[2]
            if b[g].key == b[j].key and b[g].norm == a[i].norm != b[j].norm:
                pair, lone = ("=", i, g), ("+", -1, j)
                steps[k], steps[k + 1] = (pair, lone) if g < j else (lone, pair)
                changed = True
        elif {x[0], y[0]} == {"=", "-"}:
            eq, gap = (x, y) if x[0] == "=" else (y, x)
            i, j, g = eq[1], eq[2], gap[1]
            if a[g].key == a[i].key and a[g].norm == b[j].norm != a[i].norm:
                pair, lone = ("=", g, j), ("-", i, -1)
                steps[k], steps[k + 1] = (pair, lone) if g < i else (lone, pair)
                changed = True
    if not changed:
        return opcodes
    return _steps_toword_opcodes(steps, len(a), len(b))


def _steps_toword_opcodes(steps: Sequence[Step], len_a: int, len_b: int) -> tuple[Opcode, ...]:
    ops: list[Opcode] = []
    i = j = 0
    names = {"=": "equal", "-": "delete", "+": "insert"}
    for step, _, _ in steps:
        di, dj = (1, 1) if step == "=" else (1, 0) if step == "-" else (0, 1)
        ops.append((names[step], i, i + di, j, j + dj))
        i, j = i + di, j + dj
    assert (i, j) == (len_a, len_b)
    return merge_ops(ops)
