"""Dateline forms: how a dateline opens an article, as templates (`patterns/datelines.jsonl`).

A dateline says where a story was filed, often when and through which agency, before the story:
"GENERAL SANTOS CITY (October 13, 2022) -", "Hanoi (VNA) -", "KUNMING, Sept. 30 (Xinhua) --",
"Dodoma. The ...". A form is written as such a dateline's opening, up to what tells it from a
sentence, with placeholders for its parts; the forms are tried in file order, as one regex.

Template language, read left to right:

- `{PLACE}` is in every form: the place, capitalized words ("GENERAL SANTOS CITY", "Ho Chi Minh
  City"), perhaps a province after a comma ("BALER, Aurora"). White space may stand before it and
  after it, whatever the form says, and an opening bracket before it ("(Phnom Penh) -"); so may a
  date the page writes first on the line ("date 2025-01-01 New Delhi, Jan 1 (IANS)").
- `{BYLINE}`, before `{PLACE}` only: "By" and the writer's name, as a byline that ends in the
  place the story was filed from ("By John Okafor, Abuja").
- `{EOL}` the end of the line: the dateline stands alone on it.
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

from . import atoms

PLACE = r"(?P<place>[A-Z][A-Za-z .'’-]{2,40}?(?:,\s*[A-Z][A-Za-z'’-]{2,30})?)"
PLACEHOLDERS = {
    "MONTH": r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)",
    "AGENCY": r"\([A-Za-z]{2,12}\)",
    "DASH": r"[-–—]+",
    "SPACE": r"\s",
    "CAPITAL": r"(?=[A-Z])",
    "EOL": r"(?=\n)",
}
OPENERS = {"BYLINE": r"By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"}  # placeholders before {PLACE}
OPENING = "{PLACE}"
# A date line a page puts before the dateline on the same line: "date 2025-01-01 New Delhi, Jan 1 (IANS)".
DATE_BEFORE = rf"(?:(?:date:?\s+)?(?:{atoms.YEAR}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/{atoms.YEAR})\s+)?"
TOKEN = re.compile(r"\{(\w+)\}| +|.", re.DOTALL)


def expand(form: str) -> tuple[str, str]:
    """The regexes of what stands before and after the place in a form: '{PLACE} {AGENCY} {DASH}'
    -> ('', '\\([A-Za-z]{2,12}\\)\\s*[-–—]+'). Raises ValueError for a form without {PLACE}, with
    words before it other than an opener, or naming an unknown placeholder."""
    before, found, after = form.partition(OPENING)
    if not found:
        raise ValueError(f"a form has {OPENING}")
    opening = regex_of(before, OPENERS, "before {PLACE}")
    following = regex_of(after.lstrip(" "), PLACEHOLDERS, "after {PLACE}")
    if not following:
        raise ValueError(f"a form says what follows {OPENING}")
    return opening, following


def regex_of(template: str, placeholders: dict[str, str], where: str) -> str:
    parts = []
    for m in TOKEN.finditer(template):
        if m.group(1) is not None:
            if m.group(1) not in placeholders:
                known = ", ".join(f"{{{name}}}" for name in placeholders)
                raise ValueError(f"unknown placeholder {m.group()} {where}: the placeholders there are {known}")
            parts.append(placeholders[m.group(1)])
        elif m.group().startswith(" "):
            parts.append(r"\s*")
        else:
            parts.append(re.escape(m.group()))
    return "".join(parts)


class Datelines:
    """The forms as regexes, one for each way a form opens, each matching a dateline at a line's
    start with the place as its group 'place'; found in text order, the first form's first."""

    def __init__(self, forms: Iterable[str]) -> None:
        by_opening: dict[str, list[str]] = {}
        for form in forms:
            opening, following = expand(form)
            by_opening.setdefault(opening, []).append(following)
        self.regexes = [
            re.compile(rf"^\s*{DATE_BEFORE}{opening}[(\[]?{PLACE}\s*(?:{'|'.join(following)})", re.MULTILINE)
            for opening, following in by_opening.items()]

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        endpos = len(text) if endpos is None else endpos
        return next((m for regex in self.regexes if (m := regex.match(text, pos, endpos))), None)

    def finditer(self, text: str) -> list[re.Match]:
        return sorted((m for regex in self.regexes for m in regex.finditer(text)), key=lambda m: m.start())


def pattern(forms: Iterable[str]) -> Datelines:
    """The dateline forms, in their order, as one matcher."""
    return Datelines(forms)


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
