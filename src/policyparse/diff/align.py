"""Which provision of the old version is which provision of the new one.

Four passes, each on what the previous left over, none quadratic in the document:

1. exact: provisions whose keys are equal and unique in both versions anchor the
   alignment in order (patience diff: the longest increasing run of such pairs), and equal
   runs at the ends of each gap between anchors are taken as they come. An inserted
   第五条 leaves every later article equal to its old self, so renumbering costs nothing.
2. similar, in order: inside each gap between anchors, candidate pairs come from buckets of
   shared character bigrams (a bigram held by more than ``BUCKET_LIMIT`` provisions of the
   gap, such as 应当, says nothing and is not bucketed) and from the same place in the
   gap; the heaviest chain of pairs increasing in both versions wins (a Fenwick tree over
   the new positions: O(P log n) for P candidates). A pair holding the same numbered place
   with little text in common is the same provision rewritten.
3. moved: what is still unmatched is paired greedily, most similar first; a pair that fits
   the order of the others is an in-order match found late, any other one moved.
4. split and merged: one provision whose text the concatenation of two consecutive ones
   of the other version matches better than either alone.

Similarity is Dice's coefficient over character bigrams: set operations in C, and close
enough to difflib's ratio, which is computed only for the pairs reported.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from .keys import dice, shingles

SIMILAR = 0.5  # Dice at which two provisions in order are one provision changed
MOVED = 0.6  # stricter for a pair out of order, which nothing else supports
SPLIT_GAIN = 0.05  # how much better the concatenation must match than the single provision
SPLIT_PART = 0.3  # and how much of it the added part must hold on its own
BUCKET_LIMIT = 32  # a bigram in more provisions than this is too common to bucket by
CANDIDATES = 6  # most-shared-bigram candidates kept per provision
BAND = 2  # positions either side of a provision's expected place that are candidates too


@dataclass(frozen=True)
class Item:
    """One provision as the aligner sees it."""

    key: str  # keys.key of its text (its label when it has no text)
    place: str  # the written numbering (its id) with its style: where it stands
    grams: frozenset[str]

    @classmethod
    def of(cls, key: str, place: str) -> Item:
        return cls(key, place, shingles(key))


@dataclass
class Alignment:
    """The outcome: one-to-one pairs (old index → new index), which of them moved, and
    the splits (one old, consecutive new) and merges (consecutive old, one new)."""

    pairs: dict[int, int] = field(default_factory=dict)
    moved: set[int] = field(default_factory=set)
    splits: list[tuple[int, tuple[int, int]]] = field(default_factory=list)
    merges: list[tuple[tuple[int, int], int]] = field(default_factory=list)
    comparisons: int = 0  # similarity evaluations: what linear growth is measured by


def align(old: Sequence[Item], new: Sequence[Item]) -> Alignment:
    return _Aligner(old, new).run()


def align_by_place(old: Sequence[Item], new: Sequence[Item]) -> Alignment:
    """``--by id``: the same written numbering is the same provision, nothing else."""
    where = {item.place: j for j, item in enumerate(new)}
    return Alignment(pairs={i: where[o.place] for i, o in enumerate(old) if o.place in where})


class _Aligner:
    def __init__(self, old: Sequence[Item], new: Sequence[Item]) -> None:
        self.old, self.new = old, new
        self.result = Alignment()

    def similarity(self, i: int, j: int) -> float:
        self.result.comparisons += 1
        return dice(self.old[i].grams, self.new[j].grams)

    def run(self) -> Alignment:
        chain = self.exact()
        gaps = list(_gaps(chain, len(self.old), len(self.new)))
        for gap in gaps:
            chain.extend(self.similar(*gap))
        chain.sort()
        pairs = self.result.pairs
        pairs.update(chain)
        self.late(chain)
        self.groups()
        return self.result

    # pass 1 -------------------------------------------------------------------------
    def exact(self) -> list[tuple[int, int]]:
        a = [item.key for item in self.old]
        b = [item.key for item in self.new]
        found: list[tuple[int, int]] = []
        stack = [(0, len(a), 0, len(b))]
        while stack:
            alo, ahi, blo, bhi = stack.pop()
            while alo < ahi and blo < bhi and a[alo] == b[blo]:
                found.append((alo, blo))
                alo, blo = alo + 1, blo + 1
            while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
                found.append((ahi - 1, bhi - 1))
                ahi, bhi = ahi - 1, bhi - 1
            if alo == ahi or blo == bhi:
                continue
            anchors = _unique_anchors(a, b, alo, ahi, blo, bhi)
            if not anchors:
                continue  # left to the similarity pass
            for (i0, j0), (i1, j1) in zip(
                [(alo - 1, blo - 1), *anchors], [*anchors, (ahi, bhi)], strict=True
            ):
                if i1 - i0 > 1 and j1 - j0 > 1:
                    stack.append((i0 + 1, i1, j0 + 1, j1))
            found.extend(anchors)
        return sorted(found)

    # pass 2 -------------------------------------------------------------------------
    def similar(self, alo: int, ahi: int, blo: int, bhi: int) -> list[tuple[int, int]]:
        buckets = _Buckets(self.new, range(blo, bhi))
        scale = (bhi - blo) / (ahi - alo)
        weighted: list[tuple[int, int, float]] = []
        for i in range(alo, ahi):
            centre = blo + round((i - alo) * scale)
            near = range(max(blo, centre - BAND), min(bhi, centre + BAND + 1))
            for j in buckets.candidates(self.old[i]) | set(near):
                weight = self.similarity(i, j)
                if weight < SIMILAR:
                    # The same numbered place with little text in common: the provision
                    # rewritten, unless something better takes either side.
                    same_place = self.old[i].place == self.new[j].place
                    weight = 0.01 if same_place else 0.0
                if weight > 0:
                    weighted.append((i, j, weight))
        return _heaviest_chain(weighted)

    # pass 3 -------------------------------------------------------------------------
    def late(self, chain: list[tuple[int, int]]) -> None:
        pairs = self.result.pairs
        taken = set(pairs.values())
        left_new = [j for j in range(len(self.new)) if j not in taken]
        buckets = _Buckets(self.new, left_new, limit=2 * BUCKET_LIMIT)
        found = []
        for i in range(len(self.old)):
            if i in pairs:
                continue
            for j in buckets.candidates(self.old[i], 2 * CANDIDATES):
                weight = self.similarity(i, j)
                if weight >= MOVED:
                    found.append((-weight, i, j))
        found.sort()
        olds = [i for i, _ in chain]
        news = [j for _, j in chain]
        for _, i, j in found:
            if i in pairs or j in taken:
                continue
            pairs[i] = j
            taken.add(j)
            at = bisect.bisect(olds, i)
            if (at == 0 or news[at - 1] < j) and (at == len(news) or j < news[at]):
                olds.insert(at, i)  # in order after all: an ordinary match
                news.insert(at, j)
            else:
                self.result.moved.add(i)

    # pass 4 -------------------------------------------------------------------------
    def groups(self) -> None:
        result = self.result
        for i, pair in _split_groups(self, self.old, self.new, result.pairs):
            result.splits.append((i, pair))
            result.pairs.pop(i, None)
            result.moved.discard(i)
        reverse = {j: i for i, j in result.pairs.items()}
        flipped = _Flipped(self)
        for j, pair in _split_groups(flipped, self.new, self.old, reverse):
            result.merges.append((pair, j))
            old = reverse.pop(j, None)
            if old is not None:
                result.pairs.pop(old, None)
                result.moved.discard(old)
        result.splits.sort()
        result.merges.sort()


class _Flipped:
    """The aligner seen from the new version, so merges are found as splits."""

    def __init__(self, aligner: _Aligner) -> None:
        self.aligner = aligner
        self.result = aligner.result

    def similarity(self, j: int, i: int) -> float:
        return self.aligner.similarity(i, j)


def _split_groups(
    aligner: _Aligner | _Flipped,
    src: Sequence[Item],
    dst: Sequence[Item],
    pairs: dict[int, int],
) -> list[tuple[int, tuple[int, int]]]:
    """Source provisions whose text two consecutive destination provisions hold together:
    a matched pair whose unmatched neighbour completes it, or an unmatched provision
    whose text two consecutive unmatched ones share."""
    owner = {j: i for i, j in pairs.items()}
    free = [j for j in range(len(dst)) if j not in owner]
    if not free:
        return []
    free_set = set(free)
    used: set[int] = set()
    found: list[tuple[int, tuple[int, int]]] = []

    def joined(i: int, first: int, second: int) -> float:
        aligner.result.comparisons += 1
        return dice(src[i].grams, shingles(dst[first].key + dst[second].key))

    for j in free:  # a matched neighbour that an unmatched provision completes
        for first, second, partner in ((j - 1, j, j - 1), (j, j + 1, j + 1)):
            i = owner.get(partner)
            if i is None or partner in used or j in used or not 0 <= first < second < len(dst):
                continue
            score = joined(i, first, second)
            if (
                score >= SIMILAR
                and score >= aligner.similarity(i, partner) + SPLIT_GAIN
                and aligner.similarity(i, j) >= SPLIT_PART
            ):
                found.append((i, (first, second)))
                used.update((first, second))
                break
    buckets = _Buckets(dst, [j for j in free if j not in used])
    for i in range(len(src)):  # an unmatched provision spread over two unmatched ones
        if i in pairs:
            continue
        best: tuple[float, tuple[int, int]] | None = None
        for j in buckets.candidates(src[i]):
            for first, second in ((j - 1, j), (j, j + 1)):
                if {first, second} <= free_set and not {first, second} & used:
                    score = joined(i, first, second)
                    if score >= SIMILAR and (best is None or score > best[0]):
                        best = (score, (first, second))
        if best is not None:
            found.append((i, best[1]))
            used.update(best[1])
    return found


class _Buckets:
    """Provisions bucketed by the bigrams they hold, rare bigrams only."""

    def __init__(self, items: Sequence[Item], among: Sequence[int] | range, limit: int = 0):
        limit = limit or BUCKET_LIMIT
        index: dict[str, list[int]] = {}
        same: dict[str, list[int]] = {}
        for j in among:
            same.setdefault(items[j].key, []).append(j)
            for gram in items[j].grams:
                index.setdefault(gram, []).append(j)
        self.index = {g: js for g, js in index.items() if len(js) <= limit}
        self.same = {k: js[:limit] for k, js in same.items()}

    def candidates(self, item: Item, top: int = CANDIDATES) -> set[int]:
        hits: Counter[int] = Counter()
        for gram in item.grams:
            hits.update(self.index.get(gram, ()))
        chosen = {j for j, _ in hits.most_common(top)}
        chosen.update(self.same.get(item.key, ()))
        return chosen


def _unique_anchors(
    a: Sequence[str], b: Sequence[str], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    """Pairs of equal keys unique on both sides of the range, longest in-order run."""
    count_a = Counter(a[alo:ahi])
    count_b = Counter(b[blo:bhi])
    at_b = {b[j]: j for j in range(blo, bhi) if count_b[b[j]] == 1}
    pairs = [(i, at_b[a[i]]) for i in range(alo, ahi) if count_a[a[i]] == 1 and a[i] in at_b]
    return _longest_increasing(pairs)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of ``pairs`` (sorted by first) increasing in second, O(n log n)."""
    tails: list[int] = []  # the second value ending the best run of each length
    ends: list[int] = []  # index into pairs of that run's last pair
    back = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        at = bisect.bisect_left(tails, j)
        back[n] = ends[at - 1] if at else -1
        if at == len(tails):
            tails.append(j)
            ends.append(n)
        else:
            tails[at], ends[at] = j, n
    run: list[tuple[int, int]] = []
    n = ends[-1] if ends else -1
    while n >= 0:
        run.append(pairs[n])
        n = back[n]
    return run[::-1]


def _heaviest_chain(weighted: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The pairs, strictly increasing in both positions, of greatest total weight."""
    if not weighted:
        return []
    weighted.sort(key=lambda w: (w[0], -w[1]))  # one old provision never chains with itself
    rank = {j: r + 1 for r, j in enumerate(sorted({w[1] for w in weighted}))}
    size = len(rank)
    tree = [0.0] * (size + 1)
    tree_at = [-1] * (size + 1)
    best = [0.0] * len(weighted)
    back = [-1] * len(weighted)
    for n, (_, j, weight) in enumerate(weighted):
        r, value, arg = rank[j] - 1, 0.0, -1
        while r > 0:  # the best chain ending before this new position
            if tree[r] > value:
                value, arg = tree[r], tree_at[r]
            r -= r & -r
        best[n], back[n] = value + weight, arg
        r = rank[j]
        while r <= size:
            if best[n] > tree[r]:
                tree[r], tree_at[r] = best[n], n
            r += r & -r
    n = max(range(len(best)), key=best.__getitem__)
    chain: list[tuple[int, int]] = []
    while n >= 0:
        chain.append((weighted[n][0], weighted[n][1]))
        n = back[n]
    return chain[::-1]


def _gaps(
    chain: list[tuple[int, int]], n_old: int, n_new: int
) -> Iterator[tuple[int, int, int, int]]:
    """The (old, new) ranges between consecutive pairs of ``chain`` that are not empty."""
    for (i0, j0), (i1, j1) in zip([(-1, -1), *chain], [*chain, (n_old, n_new)], strict=True):
        if i1 - i0 > 1 and j1 - j0 > 1:
            yield i0 + 1, i1, j0 + 1, j1
