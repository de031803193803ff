"""Dateline forms: how a dateline opens an article, as templates (`patterns/datelines.jsonl`).

A dateline says where a story was filed, often when and through which agency, before the story:
"GENERAL SANTOS CITY (October 13, 2022) -", "Hanoi (VNA) -", "KUNMING, Sept. 30 (Xinhua) --",
"Dodoma. The ...". A form is written as such a dateline's opening, up to what tells it from a
sentence, with placeholders for its parts; the forms are tried in file order, as one regex.

Template language, read left to right:

- `{PLACE}` opens every form: the place, capitalized words ("GENERAL SANTOS CITY", "Ho Chi Minh
  City"), perhaps a province after a comma ("BALER, Aurora"). White space may stand before it and
  after it, whatever the form says.
- `{MONTH}` a month's first three letters, capitalized ("Oct" of "Oct." and "October"): the date
  starts there (the dates stage reads it).
- `{AGENCY}` a news agency's initials or name in brackets: "(VNA)", "(Xinhua)".
- `{DASH}` one or more dashes: "-", "--", "–", "—".
- `{SPACE}` one white space character: a space or a line break.
- `{CAPITAL}` the story's first letter, a capital: read, not part of the dateline.
- A space stands for any white space, or none; any other character stands for itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

PLACE = r"(?P<place>[A-Z][A-Za-z .'’-]{2,40}?(?:,\s*[A-Z][A-Za-z'’-]{2,30})?)"
PLACEHOLDERS = {
    "MONTH": r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)",
    "AGENCY": r"\([A-Za-z]{2,12}\)",
    "DASH": r"[-–—]+",
    "SPACE": r"\s",
    "CAPITAL": r"(?=[A-Z])",
}
OPENING = "{PLACE}"
TOKEN = re.compile(r"\{(\w+)\}| +|.", re.DOTALL)


def expand(form: str) -> str:
    """The regex of what follows the place in a form: '{PLACE} {AGENCY} {DASH}' -> '\\([A-Za-z]{2,12}\\)\\s*[-–—]+'.
    Raises ValueError for a form that does not open with {PLACE} or names an unknown placeholder."""
    if not form.startswith(OPENING):
        raise ValueError(f"a form opens with {OPENING}")
    parts = []
    for m in TOKEN.finditer(form.removeprefix(OPENING).lstrip(" ")):
        if m.group(1) is not None:
            if m.group(1) not in PLACEHOLDERS:
                known = ", ".join(f"{{{name}}}" for name in ("PLACE", *PLACEHOLDERS))
                raise ValueError(f"unknown placeholder {m.group()}: the placeholders are {known}, {OPENING} first only")
            parts.append(PLACEHOLDERS[m.group(1)])
        elif m.group().startswith(" "):
            parts.append(r"\s*")
        else:
            parts.append(re.escape(m.group()))
    if not parts:
        raise ValueError(f"a form says what follows {OPENING}")
    return "".join(parts)


def pattern(forms: Iterable[str]) -> re.Pattern:
    """One regex for the forms, in their order, matching a dateline at a line's start; the place is
    its group 'place'."""
    return re.compile(rf"^\s*{PLACE}\s*(?:{'|'.join(map(expand, forms))})", re.MULTILINE)


class DatelineForm(BaseModel):
    """A line of `datelines.jsonl`: a form, a dateline it reads, and the place it reads there."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    form: str
    example: str
    place: str

    @field_validator("form")
    @classmethod
    def _expands(cls, form: str) -> str:
        expand(form)
        return form

    @model_validator(mode="after")
    def _reads_its_example(self) -> DatelineForm:
        m = pattern([self.form]).match(self.example)
        if m is None or m.group("place") != self.place:
            found = f"the place {m.group('place')!r}" if m else "no dateline"
            raise ValueError(f"the form reads {found} in its example, not {self.place!r}")
        return self
