"""Loads the lexicons in `patterns/`: one JSON object a line, validated, cached per process.

Rules are data (medspaCy's habit): adding a title, body or place never touches Python.
A bad line raises LexiconError naming its file and line.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ExtractorError


class LexiconError(ExtractorError):
    """A pattern file that cannot be read as the lexicon it should be."""


class Entry(BaseModel):
    """One lexicon line: the phrase as written, with what kind of thing it is."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str
    kind: str | None = None


class NumberEntry(Entry):
    """A word that stands for a number ('twelve' 12, 'billion' 1e9): the value is checked when the
    file loads, so a bad one is named by file and line, not met later as a failed conversion."""

    value: float = Field(allow_inf_nan=False)


# Lexicons whose entries are more than a phrase and its kind.
SCHEMAS: dict[str, type[Entry]] = {"number_words.jsonl": NumberEntry, "scales.jsonl": NumberEntry}


@functools.cache
def load(filename: str) -> tuple[Entry, ...]:
    """Every entry of `patterns/<filename>`, in file order, validated by its schema (SCHEMAS)."""
    path = resources.files("extractor") / "patterns" / filename
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"patterns/{filename}: cannot be read ({error})") from None
    return parse(lines, f"patterns/{filename}", SCHEMAS.get(filename, Entry))


def parse(lines: Iterable[str], name: str, schema: type[Entry] = Entry) -> tuple[Entry, ...]:
    """Entries from JSON Lines; blank lines are skipped, a bad line raises naming `name` and its number."""
    entries = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entries.append(schema.model_validate(json.loads(line)))
        except json.JSONDecodeError as error:
            raise LexiconError(f"{name}, line {number}: not JSON ({error})") from None
        except ValidationError as error:
            first = error.errors()[0]
            raise LexiconError(f"{name}, line {number}: {'.'.join(map(str, first['loc']))}: {first['msg']}") from None
    return tuple(entries)


@functools.cache
def phrases(filename: str, kind: str | None = None) -> frozenset[str]:
    """The lexicon's phrases folded for lookup (see `fold`), optionally only those of one kind;
    built once per process, so the stages that read one lexicon share one set."""
    return frozenset(fold(e.text) for e in load(filename) if kind is None or e.kind == kind)


@functools.lru_cache(maxsize=65536)  # called for every token the name and people stages look up
def fold(text: str) -> str:
    """Lowercase without diacritics, for lookups that must not depend on how a name was typed."""
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def phrase_regex(alternatives: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any white space or hyphen."""
    ordered = sorted(set(alternatives), key=len, reverse=True)
    return "|".join(r"[\s-]+".join(map(re.escape, p.split())) for p in ordered)
