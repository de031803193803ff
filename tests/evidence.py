"""Test helper: every evidence span of a dumped record, for the tests that check spans against texts."""

from collections.abc import Iterator


def spans(value) -> Iterator[dict]:
    """Every evidence span anywhere in a dumped record."""
    if isinstance(value, dict):
        if {"start", "end", "text", "rule"} <= value.keys():
            yield value
        for item in value.values():
            yield from spans(item)
    elif isinstance(value, list):
        for item in value:
            yield from spans(item)
