"""Start-up: the help and the schema come without loading spaCy (issue 19), and the package's
public names still load on first use.

Each case runs a fresh interpreter, since this one has long loaded the pipeline; what matters is
which modules a command loads, not how long it takes on this machine.
"""

import json
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest

import extractor

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schemas" / "record.schema.json"

# What the extraction needs and the help does not: spaCy and its model, the page reader, the date
# parser, the review page's templates.
HEAVY = ("spacy", "trafilatura", "dateparser", "jinja2")

# Runs the CLI as the `extractor` script does, then names the HEAVY modules it loaded, on stderr's last line.
PROBE = f"""
import json, sys
from extractor.cli import app
try:
    app(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps([name for name in {HEAVY!r} if name in sys.modules]), file=sys.stderr)
"""


def loaded_by(*args: str) -> tuple[list[str], subprocess.CompletedProcess]:
    """The HEAVY modules that `extractor ARGS` loads, and the finished process."""
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stderr.decode().splitlines()[-1]), result


def test_importing_the_cli_loads_no_spacy():
    code = "import extractor.cli, sys; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("args", [
    ["--help"],
    ["extract", "--help"],
    ["show", "--help"],
    ["schema", "--help"],
    ["evaluate", "--help"],
], ids=["app", "extract", "show", "schema", "evaluate"])
def test_help_loads_none_of_the_extraction(args):
    loaded, result = loaded_by(*args)
    assert loaded == []
    assert b"Usage" in result.stdout


def test_schema_loads_none_of_the_extraction_and_prints_the_committed_file():
    loaded, result = loaded_by("schema")
    assert loaded == []
    assert result.stdout == SCHEMA_FILE.read_bytes()


def test_importing_the_package_loads_no_spacy():
    code = "import extractor, sys; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("name", extractor.__all__)
def test_each_public_name_loads_on_first_use(name):
    value = getattr(extractor, name)
    assert value is getattr(import_module(value.__module__), name)
    assert value.__module__.startswith("extractor.") and value.__name__ == name
    assert name in dir(extractor)


def test_a_name_the_package_has_not_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_name"):
        extractor.no_such_name  # noqa: B018
