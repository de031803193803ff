import re

import pytest

from extractor import guards

TEXT = "From 2015 to 2018, between May and June; mid-2025 MAY may 7 x\ny # b a"


@pytest.mark.parametrize("regex, flags, guard", [
    (r"\b(?:from|between)\s+\w+", re.IGNORECASE, "(?=[bf])"),
    (r"(?<![\w/])(?:1[89]\d\d|20\d\d)", 0, "(?=[12])"),  # past a lookbehind
    (r"(?:the\s+)?(?-i:May|June)", re.IGNORECASE, "(?=[JMt])"),  # an optional part: what follows it may start too
    (r"\d+|[a-c]", 0, r"(?=[\da-c])"),
    (r"a|b  # a comment ends the regex", re.VERBOSE, "(?=[ab])"),
    (r"a?", 0, None),  # may be empty
    (r".x", 0, None),  # any character
    (r"[^a]b", 0, None),
    (r"(?i:may)", 0, None),  # case-insensitive inside a case-sensitive regex: "MAY" too
], ids=["words", "lookbehind", "optional", "class", "verbose_comment", "empty", "dot", "negated", "local_ignorecase"])
def test_a_guard_holds_the_first_characters_and_changes_no_match(regex, flags, guard):
    guarded = guards.compile(regex, flags)
    if guard is None:
        assert guarded.pattern == regex
    else:
        assert guarded.pattern.startswith(guard)
    plain = re.compile(regex, flags)
    found = [(m.span(), m.groups()) for m in guarded.finditer(TEXT)]
    assert found == [(m.span(), m.groups()) for m in plain.finditer(TEXT)]
    assert guarded.groupindex == plain.groupindex
