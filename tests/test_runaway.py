"""Adversarial texts that once made rule stages run away (issue 10) finish, with exact evidence.

No assertion reads the machine's speed. Each text is long enough that the old rules would have
taken far more than ten minutes on it (cubic or quadratic in its length); the fixed pipeline takes
seconds. All shapes run in one child process, the model loaded once, and the budget is over 20
times what they need, so only a rule that runs away again can exhaust it.
"""

import json
import subprocess
import sys

import pytest
from test_corpus import spans

BUDGET_S = 240
# shape: (head, repeated unit, times, tail), and what ran away on it.
SHAPES = {
    # names.py, BodyThenName: every split of the body read every span before it (1.4k characters: 3 s).
    "body_then_name": ("Chairman ", "of the ", 3_000, "Committee"),
    # targets.py, CLAUSE_BREAK: tried at each white space character, read the run to its end (8k: 1 s).
    "clause_break": ("Growth reached 5 percent", " ", 300_000, "and more."),
    # titles.py, the qualifier prefix: each word of a run of qualifiers read the run to its end
    # (8.8k characters: 2 s), and "Senior", a qualifier and a ranking word, split it every way (2k: 26 s).
    "title_prefix": ("", "Deputy Vice Permanent ", 1_500, "Senior " * 1_200),
    # documents.py, the named-law regex: each capital of a word read the word to its end (8k: 0.6 s).
    "named_law": ("", "A", 400_000, ""),
    # documents.py, a subject: each citation's ran to the same end, and was cut before each later
    # citation with a search from its start (cubic: 8k characters, 11 s).
    "law_on": ("", "Law on ", 6_000, ""),
    # documents.py, a subject: its finite-verb look-ahead, and the coordinator dropped from its end,
    # read a run of white space once per character (32k: 28 s).
    "subject_spaces": ("Decree No. 5 on roads", " ", 300_000, "and bridges."),
    # event.py, the purpose: a lazy ".*?" before "\s*[.;]?\s*$" read a run of white space once per
    # character, and each reading backtracked through it (5k characters: 214 s; found by `make fuzz`).
    "purpose_spaces": ("The conference was held to review the plan", " ", 300_000, "and more results."),
}

CHILD = """
import json, sys
from extractor.api import Extractor
extractor = Extractor()
for name, (head, unit, times, tail) in json.loads(sys.argv[1]).items():
    record = extractor.extract(head + unit * times + tail)
    print(json.dumps([name, record.model_dump(mode="json")]), flush=True)
"""


def text(shape: str) -> str:
    head, unit, times, tail = SHAPES[shape]
    return head + unit * times + tail


@pytest.fixture(scope="module")
def records() -> dict[str, dict]:
    """Each shape's record, for the shapes the child finished within the budget."""
    command = [sys.executable, "-c", CHILD, json.dumps(SHAPES)]
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=BUDGET_S, check=True).stdout
    except subprocess.TimeoutExpired as timeout:  # what it printed before, so the shape that hung shows
        out = timeout.stdout.decode() if isinstance(timeout.stdout, bytes) else timeout.stdout or ""
    except subprocess.CalledProcessError as failed:
        pytest.fail(f"the extraction failed:\n{failed.stderr}")
    return dict(json.loads(line) for line in out.splitlines())


@pytest.mark.parametrize("shape", SHAPES)
def test_finishes_with_exact_evidence(records, shape):
    assert shape in records, f"{shape}: not extracted within {BUDGET_S} s, a rule runs away again"
    source = text(shape)
    for span in spans(records[shape]):
        assert span["text"] == source[span["start"]:span["end"]], span
