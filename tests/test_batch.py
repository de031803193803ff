"""Batch runs: ordered streamed output, worker processes, bad articles, JSON Lines input, resuming.

Small generated texts keep these quick; the runs with `--workers 2` fork this test process, so the
workers share the session's loaded pipeline (and any monkeypatch made before the run).
"""

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import api, batch, inputs, workers
from extractor.cli import app
from extractor.records import text_id

SCRIPT = Path(sys.executable).with_name("extractor")
runner = CliRunner()


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch, loaded):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def article(i: int) -> str:
    """A short article, different for each i."""
    return (f"Mr. Tran Van Nam, Chairman of the People's Committee of District {i}, "
            f"opened the meeting on July {i % 28 + 1}.\n")


def write_folder(folder: str, texts: dict[str, str | bytes]) -> None:
    for name, content in texts.items():
        Path(folder, name).parent.mkdir(parents=True, exist_ok=True)
        Path(folder, name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def write_jsonl(name: str, rows: list[dict | str]) -> str:
    with open(name, "w", encoding="utf-8") as out:
        for row in rows:
            out.write((row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)) + "\n")
    return name


def invoke(*args: str, input: bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def records(path: str) -> list[dict]:
    data = Path(path).read_bytes()
    assert data == b"" or data.endswith(b"\n"), "a cut-off last line"
    return [json.loads(line) for line in data.splitlines()]


# --- order and streaming -------------------------------------------------------------------------

def test_many_inputs_come_out_in_input_order_across_batches_and_workers():
    texts = {f"{i:03d}.txt": article(i) for i in range(200)}
    write_folder("news", texts)
    result = invoke("extract", "news", "-o", "two.jsonl", "--batch-size", "7", "--workers", "2", "-q")
    assert result.exit_code == 0, result.stderr
    two = records("two.jsonl")
    assert [r["source"]["path"] for r in two] == [f"news/{name}" for name in texts]
    assert [r["id"] for r in two] == [text_id(text) for text in texts.values()]
    # The same bytes as one process writes.
    assert invoke("extract", "news", "-o", "one.jsonl", "--workers", "1", "-q").exit_code == 0
    assert Path("one.jsonl").read_bytes() == Path("two.jsonl").read_bytes()


@pytest.mark.parametrize("n", [1, 2], ids=["in-process", "two-workers"])
def test_workers_read_only_a_few_batches_ahead(loaded, n):
    read = 0

    def articles():
        nonlocal read
        for i in range(40):
            read += 1
            yield inputs.Article(f"a{i}", article(i), None)

    with workers.Workers(loaded, n) as pool:
        outcomes = pool.map(batch.batches(articles(), 2))
        first = next(outcomes)
        assert read <= workers.READ_AHEAD * n * 2  # batches in flight, of 2 articles
        assert [o.name for o in first] == ["a0", "a1"]
        assert sum(len(rest) for rest in outcomes) == 38


def test_one_batch_runs_in_this_process_however_many_workers_are_asked_for():
    assert workers.workers_for(8, total=30, batch_size=32) == 1
    assert workers.workers_for(2, total=33, batch_size=32) == 2
    assert workers.workers_for(2, total=None, batch_size=32) == 2  # stdin: unknown


def test_recursive_reads_subfolders_sorted_by_path_parts():
    write_folder("news", {"b.txt": article(2), "a/c.txt": article(3), "a.txt": article(1)})
    result = invoke("extract", "news", "-r")
    assert result.exit_code == 0, result.stderr
    paths = [json.loads(line)["source"]["path"] for line in result.stdout.splitlines()]
    assert paths == ["news/a/c.txt", "news/a.txt", "news/b.txt"]  # by path parts: folder "a" before "a.txt"


# --- bad articles ----------------------------------------------------------------------------------

def test_bad_articles_go_to_the_errors_file_and_the_others_still_give_records(monkeypatch):
    build = api.doc_to_record

    def breaks_on_boom(doc, source):
        if "BOOM" in doc.text:
            raise RuntimeError("a rule broke")
        return build(doc, source)

    # Patched before the workers fork, so they break on the same article.
    monkeypatch.setattr(api, "doc_to_record", breaks_on_boom)
    good = {f"{i:02d}.txt": article(i) for i in range(12)}
    bad = {
        "03b-empty.txt": b"  \n",
        "05b-latin1.txt": "Le café.".encode("latin-1"),
        "07b-long.txt": "Long. " * 100,
        "09b-raises.txt": "BOOM. " + article(99),
    }
    write_folder("news", good | bad)
    result = invoke("extract", "news", "-o", "out.jsonl", "--errors", "errors.jsonl", "--batch-size", "3",
                    "--workers", "2", "--max-chars", "500")
    assert result.exit_code == 1
    assert [r["source"]["path"] for r in records("out.jsonl")] == [f"news/{name}" for name in sorted(good)]
    errors = [json.loads(line) for line in Path("errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["input"], e["reason"].split(" (")[0].split(":")[0]) for e in errors] == [
        ("news/03b-empty.txt", "the text is empty or only whitespace"),
        ("news/05b-latin1.txt", "not UTF-8 text"),
        ("news/07b-long.txt", "too long"),
        ("news/09b-raises.txt", "extraction failed"),
    ]
    assert "RuntimeError: a rule broke" in errors[-1]["reason"]
    # With an errors file, stderr holds only the summary.
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith("12 records, 4 failed, ")


def test_without_an_errors_file_failures_are_one_line_each_on_stderr():
    write_folder("news", {"a.txt": article(1), "b.txt": b"", "c.txt": article(3)})
    result = invoke("extract", "news", "-q")
    assert result.exit_code == 1
    assert result.stderr == "error: news/b.txt: the text is empty or only whitespace\n"


def test_quiet_leaves_out_the_summary():
    write_folder("news", {"a.txt": article(1), "b.txt": article(2)})
    assert invoke("extract", "news", "-o", "out.jsonl").stderr.startswith("2 records, 0 failed, ")
    assert invoke("extract", "news", "-o", "out.jsonl", "--quiet").stderr == ""


# --- JSON Lines input ------------------------------------------------------------------------------

def test_jsonl_fields_go_into_the_source():
    name = write_jsonl("archive.jsonl", [
        {"id": "n1", "text": article(1), "published": "2024-07-31", "url": "https://example.org/1", "title": "One"},
        {"id": 2, "text": article(2), "lang": "en"},  # a number id, and a key that is not the article's
    ])
    result = invoke("extract", name, "--published", "2020-01-01")
    assert result.exit_code == 0, result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())  # JSON Lines, even for one file
    assert first["source"] == {"path": None, "url": "https://example.org/1", "title": "One",
                               "published": "2024-07-31", "id": "n1"}
    assert second["source"] == {"path": None, "url": None, "title": None, "published": "2020-01-01", "id": "2"}
    assert first["id"] == text_id(article(1))


def test_records_of_text_files_have_no_source_id():
    write_folder("news", {"a.txt": article(1)})
    assert "id" not in json.loads(invoke("extract", "news/a.txt").stdout)["source"]


@pytest.mark.parametrize(("line", "input", "reason"), [
    ("not json", "archive.jsonl:2", "not JSON"),
    ('["a list"]', "archive.jsonl:2", "not a JSON article: a JSON list, not an object"),
    ('{"text": "No id."}', "archive.jsonl:2", "not a JSON article: id: Field required"),
    ('{"id": "x", "text": 5}', "x", "not a JSON article: text: Input should be a valid string"),
    ('{"id": "x", "text": "  "}', "x", "the text is empty or only whitespace"),
    ('{"id": "x", "text": "A.", "published": "31/07/2024"}', "x", "not a JSON article: published: "
                                                                 "published date '31/07/2024' is not"),
], ids=["not-json", "not-object", "no-id", "text-not-string", "empty", "bad-published"])
def test_bad_jsonl_lines_are_failures_named_by_id_or_line(line, input, reason):
    name = write_jsonl("archive.jsonl", [{"id": "a", "text": article(1)}, line, "", {"id": "b", "text": article(2)}])
    result = invoke("extract", name, "--errors", "errors.jsonl", "-q")
    assert result.exit_code == 1
    assert [r["source"]["id"] for r in map(json.loads, result.stdout.splitlines())] == ["a", "b"]
    [error] = [json.loads(line) for line in Path("errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert error["input"] == input
    assert error["reason"].startswith(reason), error["reason"]


def test_jsonl_option_reads_stdin_and_other_extensions():
    rows = [{"id": "s1", "text": article(1)}, {"id": "s2", "text": article(2)}]
    data = "".join(json.dumps(row) + "\n" for row in rows).encode("utf-8")
    result = invoke("extract", "-", "--jsonl", input=data)
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["source"]["id"] for line in result.stdout.splitlines()] == ["s1", "s2"]
    Path("archive.ndjson").write_bytes(data)
    assert invoke("extract", "archive.ndjson", "--jsonl").stdout == result.stdout


# --- resuming --------------------------------------------------------------------------------------

def test_resume_skips_what_the_output_holds_and_drops_a_cut_off_line():
    texts = {f"{i}.txt": article(i) for i in range(6)}
    write_folder("news", texts)
    assert invoke("extract", "news", "-o", "out.jsonl", "-q").exit_code == 0
    lines = Path("out.jsonl").read_bytes().splitlines(keepends=True)
    Path("out.jsonl").write_bytes(b"".join(lines[:2]) + lines[2][:40])  # as a kill mid-write leaves it
    result = invoke("extract", "news", "-o", "out.jsonl", "--resume")
    assert result.exit_code == 0, result.stderr
    assert Path("out.jsonl").read_bytes() == b"".join(lines)
    assert result.stderr.startswith("4 records, 0 failed, 2 already in the output, ")


def test_resume_keeps_duplicate_texts_apart():
    name = write_jsonl("archive.jsonl", [{"id": "a", "text": article(1)}, {"id": "a", "text": article(1)}])
    write_jsonl("out.jsonl", [json.loads(invoke("extract", name).stdout.splitlines()[0])])
    assert invoke("extract", name, "-o", "out.jsonl", "--resume", "-q").exit_code == 0
    assert len(records("out.jsonl")) == 2


@pytest.mark.parametrize(("args", "what"), [
    (["--resume"], "needs --output"),
    (["--resume", "-o", "notes.txt"], "line 1 is not a record"),
], ids=["no-output", "not-an-output"])
def test_resume_refuses_what_it_cannot_continue(args, what):
    write_folder("news", {"a.txt": article(1)})
    Path("notes.txt").write_text("some notes\n", encoding="utf-8")
    result = invoke("extract", "news", *args)
    assert result.exit_code == 2
    assert what in result.stderr
    assert Path("notes.txt").read_text(encoding="utf-8") == "some notes\n"


def test_resume_after_a_kill_gives_every_input_exactly_one_record():
    count = 400
    write_folder("news", {f"{i:03d}.txt": article(i) for i in range(count)})
    command = [str(SCRIPT), "extract", "news", "-o", "out.jsonl", "--batch-size", "5", "--workers", "2", "-q"]
    # Its own session, so the kill reaches the workers too, as a kill of a terminal's job does.
    run = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while Path("out.jsonl").stat().st_size < 2000 if Path("out.jsonl").exists() else True:
        assert run.poll() is None and time.monotonic() < deadline, "the run ended before it could be killed"
        time.sleep(0.02)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    written = Path("out.jsonl").read_bytes()
    assert 0 < written.count(b"\n") < count, "killed too late to test anything"
    with open("out.jsonl", "ab") as out:
        out.write(b'{"schema_version": "1.0", "id": "sha256:0')  # a line the kill cut off

    resumed = subprocess.run([*command, "--resume"], capture_output=True, check=False)
    assert resumed.returncode == 0, resumed.stderr
    got = records("out.jsonl")
    assert Counter(r["source"]["path"] for r in got) == Counter(f"news/{i:03d}.txt" for i in range(count))
    assert [r["source"]["path"] for r in got] == sorted(r["source"]["path"] for r in got)
