"""Regexes scanned over whole texts, guarded by the characters their matches can start with.

A regex that opens with an assertion ('\\b', a lookbehind) or with words is tried at every position
of a text: Python's engine finds no literal prefix to skip ahead by. A lookahead of the characters
a match can start with ('(?=[12])' before a year) fails at once at most positions and changes no
match, for every match starts with one of them. The characters are read from the parsed regex, so
the regex stays as written; a regex whose match may start with any character, or be empty, is
compiled as it is. An alternation of hundreds of phrases starts with nearly every letter: there
`lexicon.phrase_starts`, a look-ahead spelling the phrases' first words, rejects more (titles).
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parser's names for the parts of a regex
from re import _parser

# What a parsed regex's first characters cannot be told for: any character may start its match.
ANY = None
ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_SPACE: r"\s"}


def compile(regex: str, flags: int = 0) -> re.Pattern:
    """`regex` compiled with a lookahead of the characters its matches can start with, where that
    can be told: the same matches, found sooner. Its flags are given here, not written at its start
    ('(?x)'), which would not stand after the lookahead."""
    first = first_characters(_parser.parse(regex, flags).data, flags)
    if first is ANY or first[1]:  # a match may be empty: no character starts it
        return re.compile(regex, flags)
    close = "\n)" if flags & re.VERBOSE else ")"  # past a comment the regex may end in
    return re.compile(f"(?=[{''.join(sorted(first[0]))}])(?:{regex}{close}", flags)


def first_characters(items, flags: int) -> tuple[set[str], bool] | None:
    """The characters a match of a parsed sequence can start with, each as a character-class part
    ('a', '0-9', '\\d'), and whether the match can be empty; ANY when they cannot be told."""
    found: set[str] = set()
    for op, av in items:
        if op in ZERO_WIDTH:
            continue
        first = first_of(op, av, flags)
        if first is ANY:
            return ANY
        found |= first[0]
        if not first[1]:
            return found, False
    return found, True


def first_of(op, av, flags: int) -> tuple[set[str], bool] | None:
    """`first_characters` of one part of a parsed regex."""
    if op is sre.LITERAL:
        return {re.escape(chr(av))}, False
    if op is sre.IN:
        return charset(av)
    if op is sre.SUBPATTERN:
        _, add_flags, _, pattern = av
        if add_flags & re.IGNORECASE and not flags & re.IGNORECASE:
            return ANY  # "(?i:may)" also starts with "M", which a guard read case-sensitively refuses
        return first_characters(pattern.data, flags | add_flags)
    if op is sre.BRANCH:
        found, empty = set(), False
        for alternative in av[1]:
            first = first_characters(alternative.data, flags)
            if first is ANY:
                return ANY
            found |= first[0]
            empty |= first[1]
        return found, empty
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, _, pattern = av
        first = first_characters(pattern.data, flags)
        return ANY if first is ANY else (first[0], first[1] or least == 0)
    return ANY  # any character, a back-reference, a conditional group, ...


def charset(items) -> tuple[set[str], bool] | None:
    """`first_characters` of a character class: its parts, unless it is negated or holds a negated category."""
    parts = set()
    for op, av in items:
        if op is sre.LITERAL:
            parts.add(re.escape(chr(av)))
        elif op is sre.RANGE:
            parts.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY and av in CATEGORIES:
            parts.add(CATEGORIES[av])
        else:
            return ANY
    return parts, False
