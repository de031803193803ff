"""Choosing among overlapping candidates, the same way in every stage that proposes several."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar


class Located(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


C = TypeVar("C", bound=Located)


def resolve_overlaps(candidates: Iterable[C]) -> list[C]:
    """The candidates that overlap none taken before them, given in priority order (the more
    specific recognizer first, then the longer match); returned in text order."""
    taken: set[int] = set()
    kept: list[C] = []
    for cand in candidates:
        if taken.isdisjoint(range(cand.start, cand.end)):
            kept.append(cand)
            taken.update(range(cand.start, cand.end))
    return sorted(kept, key=lambda c: c.start)
