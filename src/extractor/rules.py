"""The rule ids: what an evidence span's `rule` may say, each registered once with what it recognizes.

An id is `<stage>.<rule>`, the stage being the module in `components/` whose recognizer produced
the fact ('dates.day_range', 'names.title_before_name', 'people.title_before_name'), so one name
used by two stages stays two ids. `patterns/rules.jsonl` lists them after its header line, one JSON object a line:
{"id": "dates.day_range", "doc": "a range of days in one month: 'October 2-3, 2024'"}.
A bad line raises LexiconError naming the file and line, as a lexicon's does.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from importlib import resources
from types import MappingProxyType

from pydantic import BaseModel, ConfigDict, Field

from . import lexicon

FILE = "patterns/rules.jsonl"


class Rule(BaseModel):
    """One registry line: the id, and one line saying what the rule recognizes."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z][a-z_]*\.[a-z][a-z_]*$")
    doc: str = Field(pattern=r"^[^\n]*\S[^\n]*$")


def parse(lines: Sequence[str]) -> Mapping[str, str]:
    """Each id with its doc, in file order; a bad line or an id registered twice raises LexiconError."""
    entries = lexicon.parse(lines, FILE, Rule)  # checks the header and each line as a lexicon's, by Rule
    numbers = [number for number, line in enumerate(lines, start=1) if number > 1 and line.strip()]
    docs: dict[str, str] = {}
    for number, entry in zip(numbers, entries, strict=True):
        if entry.id in docs:
            raise lexicon.LexiconError(f"{FILE}, line {number}: id: {entry.id!r} is registered twice")
        docs[entry.id] = entry.doc
    return MappingProxyType(docs)


@functools.cache
def registered() -> Mapping[str, str]:
    """The registry, read once per process: every rule id with its doc."""
    path = resources.files("extractor") / FILE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise lexicon.LexiconError(f"{FILE}: cannot be read ({error})") from None
    return parse(lines)


def rule(rule_id: str) -> str:
    """`rule_id`, once it is known to be registered: for the ids components keep as constants."""
    if rule_id not in registered():
        raise lexicon.LexiconError(f"{FILE}: no rule {rule_id!r}; register it there with what it recognizes")
    return rule_id
