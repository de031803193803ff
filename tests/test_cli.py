"""The command line: output shapes, sources, exit codes and one-line errors.

In-process runs use typer's CliRunner (sharing the session's loaded pipeline); a few real runs of
the installed `extractor` script check what only a separate process shows: stdin, exit codes,
byte-identical output across processes.
"""

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import ArticleRecord
from extractor.cli import app
from extractor.records import record_schema, text_id

CHAIRMAN = "Mr. Tran Van Nam, Chairman of the Provincial People's Committee, opened the conference.\n"
DIRECTOR = "Ms. Le Thi Hoa, Director of the Department of Finance, reported on the 2024 budget.\n"
VIETNAMESE = "Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, phát biểu khai mạc hội nghị ngày 31/7.\n"

# Inputs that give no record: name, bytes (None: the file does not exist), what the message says.
BAD_INPUTS = [
    ("missing.txt", None, "no such file"),
    ("empty.txt", b"", "empty or only whitespace"),
    ("blank.txt", b" \n\t\r\n  ", "empty or only whitespace"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content, not text (NUL byte at offset 8)"),
    ("latin1.txt", "Le café du matin.".encode("latin-1"),
     "not UTF-8 text (byte 0xe9 at offset 6)"),
]
BAD_IDS = [name.removesuffix(".txt") for name, _, _ in BAD_INPUTS]

runner = CliRunner()
SCRIPT = Path(sys.executable).with_name("extractor")  # the installed entry point, beside this python


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch, loaded):
    """Each test runs in its own folder, so paths are given relative, as a user types them."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(name: str, content: str | bytes) -> str:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return name


def invoke(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def json_lines(text: str) -> list[dict]:
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


SUMMARY = re.compile(r"^\d+ records, \d+ failed, [\d.]+ s(, [\d.]+ articles/s)?$")


def error_lines(stderr: str) -> list[str]:
    """stderr without the summary line a run of several inputs ends with."""
    lines = stderr.splitlines()
    return lines[:-1] if lines and SUMMARY.match(lines[-1]) else lines


def assert_one_line_error(stderr: str, name: str, what: str) -> None:
    lines = error_lines(stderr)
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"error: {name}: "), lines[0]
    assert what in lines[0]


# --- output shapes -------------------------------------------------------------------------------

def test_one_file_gives_one_indented_json_object():
    result = invoke("extract", write("a.txt", CHAIRMAN))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith('{\n  "schema_version": "1.0",\n')
    record = ArticleRecord.model_validate_json(result.stdout)
    assert record.id == text_id(CHAIRMAN)
    assert record.source.path == "a.txt"
    assert result.stderr == ""


def test_several_files_give_json_lines_in_argument_order():
    paths = [write("b.txt", DIRECTOR), write("a.txt", CHAIRMAN), write("c.txt", VIETNAMESE)]
    result = invoke("extract", *paths)
    assert result.exit_code == 0, result.stderr
    records = json_lines(result.stdout)
    assert [r["source"]["path"] for r in records] == ["b.txt", "a.txt", "c.txt"]
    assert [r["id"] for r in records] == [text_id(DIRECTOR), text_id(CHAIRMAN), text_id(VIETNAMESE)]
    for record in records:
        ArticleRecord.model_validate(record)


@pytest.mark.parametrize("options, paths", [
    ((), ["news/a.txt", "news/b.txt", "news/older/c.txt"]),
    (("--no-recursive",), ["news/a.txt", "news/b.txt"]),
], ids=["recursive", "not_recursive"])
def test_folder_gives_json_lines_of_its_txt_files_sorted(options, paths):
    write("news/b.txt", DIRECTOR)
    write("news/a.txt", CHAIRMAN)
    write("news/notes.md", "Not an article.")
    write("news/older/c.txt", VIETNAMESE)
    result = invoke("extract", "news", *options)
    assert result.exit_code == 0, result.stderr
    assert [r["source"]["path"] for r in json_lines(result.stdout)] == paths


@pytest.mark.parametrize("options, summary", [((), True), (("--quiet",), False)], ids=["summary", "quiet"])
def test_a_run_of_several_inputs_ends_with_a_summary_line(options, summary):
    result = invoke("extract", write("a.txt", CHAIRMAN), write("b.txt", DIRECTOR), *options)
    assert result.exit_code == 0
    assert bool(SUMMARY.match(result.stderr.strip())) is summary, result.stderr
    assert invoke("extract", write("c.txt", CHAIRMAN)).stderr == ""  # one input: the record alone


def test_folder_of_one_file_still_gives_json_lines():
    write("news/a.txt", CHAIRMAN)
    result = invoke("extract", "news")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n") == 1
    assert json_lines(result.stdout)[0]["source"]["path"] == "news/a.txt"


def test_folder_and_files_mix_in_argument_order():
    write("news/a.txt", CHAIRMAN)
    result = invoke("extract", write("z.txt", DIRECTOR), "news")
    assert [r["source"]["path"] for r in json_lines(result.stdout)] == ["z.txt", "news/a.txt"]


def test_non_ascii_is_written_as_is():
    result = invoke("extract", write("hội-nghị.txt", VIETNAMESE))
    assert '"path": "hội-nghị.txt"' in result.stdout


def test_output_option_writes_the_file_not_stdout():
    result = invoke("extract", write("a.txt", CHAIRMAN), write("b.txt", DIRECTOR), "-o", "out.jsonl")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    records = json_lines(Path("out.jsonl").read_text(encoding="utf-8"))
    assert [r["source"]["path"] for r in records] == ["a.txt", "b.txt"]


def test_output_option_with_one_input_writes_one_json_object():
    result = invoke("extract", write("a.txt", CHAIRMAN), "--output", "a.json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(Path("a.json").read_text(encoding="utf-8"))["id"] == text_id(CHAIRMAN)


def test_output_into_a_missing_folder_is_an_error():
    result = invoke("extract", write("a.txt", CHAIRMAN), "-o", "no/such/dir/a.json")
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "no/such/dir/a.json", "cannot write")


def test_dash_reads_stdin_and_leaves_path_null():
    result = invoke("extract", "-", input=VIETNAMESE.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["source"]["path"] is None
    assert record["id"] == text_id(VIETNAMESE)


def test_crlf_and_bom_are_read_as_bytes_not_translated():
    result = invoke("extract", write("a.txt", b"\xef\xbb\xbfFirst line.\r\nSecond line.\r\n"))
    # The BOM is dropped; line ends are kept, so evidence offsets match the file.
    assert json.loads(result.stdout)["id"] == text_id("First line.\r\nSecond line.\r\n")


# --- --published ---------------------------------------------------------------------------------

def test_published_sets_source_published_on_every_record():
    result = invoke("extract", write("a.txt", CHAIRMAN), write("b.txt", DIRECTOR), "--published", "2024-07-31")
    assert [r["source"]["published"] for r in json_lines(result.stdout)] == ["2024-07-31"] * 2


def test_without_published_it_is_null():
    assert json.loads(invoke("extract", write("a.txt", CHAIRMAN)).stdout)["source"]["published"] is None


@pytest.mark.parametrize("value", [
    "2024-13-01",  # no such month
    "31/07/2024",  # day first
    "20240731",  # ISO basic format: date.fromisoformat takes it, the option does not
    "July 31",
], ids=["no-such-month", "day-first", "basic-format", "words"])
def test_bad_published_is_a_usage_error(value):
    result = invoke("extract", write("a.txt", CHAIRMAN), "--published", value)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--published" in result.stderr


def test_published_accepts_a_real_date():
    result = invoke("extract", write("a.txt", CHAIRMAN), "--published", "2024-02-29")
    assert date.fromisoformat(json.loads(result.stdout)["source"]["published"]) == date(2024, 2, 29)


# --- inputs that give no record ------------------------------------------------------------------

@pytest.mark.parametrize(("name", "content", "what"), BAD_INPUTS, ids=BAD_IDS)
def test_bad_input_alone_gives_one_line_and_exit_1(name, content, what):
    if content is not None:
        write(name, content)
    result = invoke("extract", name)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert_one_line_error(result.stderr, name, what)


@pytest.mark.parametrize(("name", "content", "what"), BAD_INPUTS, ids=BAD_IDS)
def test_bad_input_in_a_batch_does_not_stop_the_others(name, content, what):
    if content is not None:
        write(name, content)
    result = invoke("extract", write("a.txt", CHAIRMAN), name, write("b.txt", DIRECTOR))
    assert result.exit_code == 1
    assert [r["source"]["path"] for r in json_lines(result.stdout)] == ["a.txt", "b.txt"]
    assert_one_line_error(result.stderr, name, what)


def test_bad_file_in_a_folder_does_not_stop_the_others():
    write("news/a.txt", CHAIRMAN)
    write("news/b.txt", b"")
    write("news/c.txt", DIRECTOR)
    result = invoke("extract", "news")
    assert result.exit_code == 1
    assert [r["source"]["path"] for r in json_lines(result.stdout)] == ["news/a.txt", "news/c.txt"]
    assert_one_line_error(result.stderr, "news/b.txt", "empty")


def test_every_bad_input_is_reported():
    result = invoke("extract", "gone.txt", write("a.txt", CHAIRMAN), write("e.txt", ""))
    assert result.exit_code == 1
    assert [line.split(":")[1].strip() for line in error_lines(result.stderr)] == ["gone.txt", "e.txt"]


def test_empty_stdin_is_named_stdin():
    result = invoke("extract", "-", input=b"  \n")
    assert result.exit_code == 1
    assert_one_line_error(result.stderr, "<stdin>", "empty or only whitespace")


def test_folder_without_txt_files_is_an_error():
    write("news/notes.md", CHAIRMAN)
    result = invoke("extract", "news")
    assert result.exit_code == 1
    assert_one_line_error(result.stderr, "news",
                          "a folder with no files matching *.txt,*.html,*.htm (it holds notes.md")


def test_model_that_cannot_load_exits_2_with_one_line():
    result = invoke("extract", write("a.txt", CHAIRMAN), "--model", "no_such_model")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "no_such_model" in lines[0], result.stderr


# --- schema and help -----------------------------------------------------------------------------

def test_schema_prints_the_record_schema():
    result = invoke("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == record_schema()


@pytest.mark.parametrize(("args", "expected"), [
    (["--help"], ["extract", "schema", "Example"]),
    (["extract", "--help"], ["--output", "--published", "--model", "--timeout", "--glob", "--encoding", "Examples",
                           "--published 2024-07-31", "(default: one a", "byte order", "--no-text"]),
    (["schema", "--help"], ["Example"]),
], ids=["app", "extract", "schema"])
def test_help_explains_with_an_example(args, expected):
    result = invoke(*args)
    assert result.exit_code == 0
    for text in expected:
        assert text in result.stdout


@pytest.mark.parametrize("args", [[], ["extract"]], ids=["app", "extract"])
def test_no_arguments_show_help(args):
    result = invoke(*args)
    assert "Usage" in result.output
    assert "Traceback" not in result.output


# --- the installed script, in its own process ----------------------------------------------------

def run_script(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess:
    assert SCRIPT.exists(), f"{SCRIPT} is not installed: pip install -e ."
    return subprocess.run([str(SCRIPT), *args], input=input, capture_output=True, check=False)


def test_script_reads_stdin():
    result = run_script("extract", "-", "--published", "2024-07-31", input=CHAIRMAN.encode("utf-8"))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert (record["id"], record["source"]["path"], record["source"]["published"]) == (
        text_id(CHAIRMAN), None, "2024-07-31")


def test_script_batch_with_a_bad_file_exits_1_without_traceback():
    write("bad.txt", "Le café.".encode("latin-1"))
    result = run_script("extract", write("a.txt", CHAIRMAN), "bad.txt")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1
    assert error_lines(result.stderr.decode("utf-8")) == [
        "error: bad.txt: not UTF-8 text (byte 0xe9 at offset 6); give its encoding with --encoding (e.g. --encoding cp1252)"]


def test_script_output_is_byte_identical_across_runs():
    write("news/a.txt", CHAIRMAN)
    write("news/b.txt", VIETNAMESE)
    write("news/c.txt", DIRECTOR)
    first, second = run_script("extract", "news"), run_script("extract", "news")
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout
    assert len(first.stdout.splitlines()) == 3
