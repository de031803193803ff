"""No archive lost to one bad article: input, time and output faults of batch runs and the library.

Each test here reproduces a fault found by attacking a run (issue 10) and fails on the code before
its fix. Runs go through the CLI in this process (workers fork it, so they share its monkeypatches)
or, where a process limit or a lock needs its own process, through the installed script.
"""

import codecs
import fcntl
import json
import logging
import os
import resource
import subprocess
from pathlib import Path

import pytest
from test_batch import SCRIPT, article, in_tmp, invoke  # noqa: F401  (in_tmp: the same autouse fixture)
from test_batch import records as lines_of

from extractor import ArticleRecord, ExtractionError, InputError, api, batch
from extractor.records import Amount, Span, text_id


def write(name: str, content: str | bytes) -> str:
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    Path(name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return name


def jsonl(name: str, rows: list[dict | str]) -> str:
    return write(name, "".join((row if isinstance(row, str) else json.dumps(row)) + "\n" for row in rows))


def errors_of(path: str) -> list[tuple[str, str]]:
    return [(e["input"], e["reason"]) for e in lines_of(path)]


# --- 1. text that cannot be written as UTF-8 -----------------------------------------------------

def test_a_lone_surrogate_is_an_input_error_in_the_library():
    with pytest.raises(InputError, match="lone surrogate U\\+D800 at character 2"):
        api.extract("x \ud800 Mr. Tran Van Nam spoke.")


def test_a_lone_surrogate_in_json_lines_fails_that_line_alone_and_resume_goes_on():
    # '\ud83d' escaped in JSON is valid JSON and decodes to a lone surrogate.
    name = jsonl("archive.jsonl", [{"id": "a", "text": article(1)}, '{"id": "bad", "text": "Mr. A \\ud83d spoke."}',
                                   {"id": "c", "text": article(3)}])
    result = invoke("extract", name, "-o", "out.jsonl", "--errors", "errors.jsonl", "-q")
    assert result.exit_code == 1, result.stderr
    assert [r["source"]["id"] for r in lines_of("out.jsonl")] == ["a", "c"]
    assert errors_of("errors.jsonl") == [("bad", "not valid Unicode text: a lone surrogate U+D83D at character 6")]
    resumed = invoke("extract", name, "-o", "out.jsonl", "--errors", "errors.jsonl", "--resume", "-q")
    assert resumed.exit_code == 1, resumed.stderr
    assert [r["source"]["id"] for r in lines_of("out.jsonl")] == ["a", "c"]


# --- 2. a time budget per article ----------------------------------------------------------------

@pytest.fixture
def stage_faults(monkeypatch):
    """Articles with 'SPIN' never finish and with 'DIE' kill their process, as a runaway rule or the
    out-of-memory killer would; patched before the workers fork, so they behave the same."""
    build = api.doc_to_record

    def faulty(doc, source):
        if "SPIN" in doc.text:
            while True:
                pass
        if "DIE" in doc.text:
            os._exit(9)
        return build(doc, source)

    monkeypatch.setattr(api, "doc_to_record", faulty)


# Budgets of seconds, so a busy machine's ordinary articles stay well inside them.
@pytest.mark.parametrize(("workers", "batch_size"), [("2", "3"), ("1", "1")], ids=["split-batch", "alone"])
def test_an_article_over_its_time_budget_is_stopped_and_the_run_goes_on(stage_faults, workers, batch_size):
    texts = {f"news/{i:02d}.txt": article(i) for i in range(6)}
    texts["news/03.txt"] = "SPIN. " + article(3)
    for name, text in texts.items():
        write(name, text)
    result = invoke("extract", "news", "-o", "out.jsonl", "--errors", "errors.jsonl", "--timeout", "4",
                    "--batch-size", batch_size, "--workers", workers, "-q")
    assert result.exit_code == 1, result.stderr
    assert errors_of("errors.jsonl") == [("news/03.txt", "timed out: over 4 s (--timeout); its worker was stopped")]
    assert [r["source"]["path"] for r in lines_of("out.jsonl")] == [n for n in texts if n != "news/03.txt"]


def test_a_worker_that_dies_loses_only_its_own_article(stage_faults):
    texts = {f"news/{i:02d}.txt": article(i) for i in range(6)}
    texts["news/02.txt"] = "DIE. " + article(2)
    for name, text in texts.items():
        write(name, text)
    result = invoke("extract", "news", "-o", "out.jsonl", "--errors", "errors.jsonl", "--batch-size", "4", "-q")
    assert result.exit_code == 1, result.stderr
    assert [r["source"]["path"] for r in lines_of("out.jsonl")] == [n for n in texts if n != "news/02.txt"]
    assert errors_of("errors.jsonl") == [("news/02.txt", "its worker process died (killed, or out of memory)")]


def test_without_a_budget_one_worker_runs_in_this_process(stage_faults):
    write("news/a.txt", article(1))
    write("news/b.txt", article(2))
    assert invoke("extract", "news", "--timeout", "0", "--workers", "1", "-q").exit_code == 0


# --- 3. and 4. outputs: never an input, never shared by two runs ---------------------------------

def test_an_output_that_is_an_input_is_refused_and_left_as_it_was():
    name = jsonl("archive.jsonl", [{"id": "a", "text": article(1)}])
    before = Path(name).read_bytes()
    result = invoke("extract", name, "-o", name)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {name}: it is also an input")
    assert Path(name).read_bytes() == before


def test_an_errors_file_that_is_an_input_in_a_folder_is_refused():
    write("news/a.txt", article(1))
    write("news/b.txt", article(2))
    assert invoke("extract", "news", "--errors", "news/b.txt").exit_code == 2
    assert Path("news/b.txt").read_text(encoding="utf-8") == article(2)


def test_output_and_errors_may_not_be_one_file():
    write("a.txt", article(1))
    write("out.jsonl", "")
    result = invoke("extract", "a.txt", "-o", "out.jsonl", "--errors", "out.jsonl")
    assert result.exit_code == 2
    assert "both --output and --errors" in result.stderr


@pytest.mark.parametrize("resume", [False, True], ids=["run", "resume"])
def test_a_second_run_into_a_locked_output_fails_at_once_and_changes_nothing(resume):
    write("news/a.txt", article(1))
    write("news/b.txt", article(2))
    assert invoke("extract", "news", "-o", "out.jsonl", "-q").exit_code == 0
    before = Path("out.jsonl").read_bytes()
    with open("out.jsonl", "ab") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as the first run holds it while it writes
        result = invoke("extract", "news", "-o", "out.jsonl", *(["--resume"] if resume else []))
    assert result.exit_code == 2
    assert result.stderr == ("error: out.jsonl: another run is writing it (the file is locked); wait for that "
                             "run to end, or write elsewhere\n")
    assert Path("out.jsonl").read_bytes() == before


def test_a_run_that_cannot_start_leaves_its_output_as_it_was():
    write("a.txt", article(1))
    write("out.jsonl", '{"kept": true}\n')
    assert invoke("extract", "a.txt", "-o", "out.jsonl", "--model", "no_such_model").exit_code == 2
    assert Path("out.jsonl").read_text(encoding="utf-8") == '{"kept": true}\n'


# --- 5. write errors -----------------------------------------------------------------------------

def test_a_full_device_is_one_line_and_exit_2():
    write("news/a.txt", article(1))
    write("news/b.txt", article(2))
    result = subprocess.run([str(SCRIPT), "extract", "news", "-o", "/dev/full", "-q"], capture_output=True,
                            check=False)
    assert result.returncode == 2
    assert result.stderr.decode() == ("error: /dev/full: cannot write (No space left on device); the records "
                                      "written before are kept\n")


def test_a_write_that_fails_midway_keeps_every_whole_record_before_it():
    """A file size limit stands in for a disk that fills up during the run."""
    for i in range(20):
        write(f"news/{i:02d}.txt", article(i))

    def limit_file_size():
        resource.setrlimit(resource.RLIMIT_FSIZE, (5000, 5000))

    result = subprocess.run([str(SCRIPT), "extract", "news", "-o", "out.jsonl", "--batch-size", "2", "-q"],
                            capture_output=True, check=False, preexec_fn=limit_file_size)
    assert result.returncode == 2
    [message] = result.stderr.decode().splitlines()
    assert message.startswith("error: out.jsonl: cannot write (File too large)")
    kept = lines_of("out.jsonl")  # whole lines only: the half-written batch was cut back
    assert 0 < len(kept) < 20
    assert [r["source"]["path"] for r in kept] == [f"news/{i:02d}.txt" for i in range(len(kept))]


# --- 6. every line written reads back as a record ------------------------------------------------

def test_a_record_that_does_not_hold_to_its_schema_is_an_error_not_a_line(loaded):
    record = loaded.extract(article(1))
    # model_construct skips validation, as a stage's bug would slip past it: an infinite amount.
    bad = Amount.model_construct(text="VND 9 billion", kind="money", value=float("inf"), currency="VND", unit=None,
                                 approximate=False, qualifier=None, min=None, max=None,
                                 evidence=Span(start=0, end=3, text="Mr.", rule="test"))
    outcome = batch.record_outcome("a.txt", record.model_copy(update={"amounts": [bad]}))
    assert outcome.line is None
    assert outcome.reason.startswith("the record does not hold to its schema: ")
    good = batch.record_outcome("a.txt", record)
    assert ArticleRecord.model_validate_json(good.line) == record


# --- 7. the library keeps going when asked -------------------------------------------------------

def test_extract_many_can_return_or_skip_bad_items_and_go_on(loaded, caplog):
    items = [article(1), "", ("x \ud800", {"path": "s.txt"}), article(2)]
    returned = list(loaded.extract_many(items, errors="return"))
    assert [type(r).__name__ for r in returned] == ["ArticleRecord", "InputError", "InputError", "ArticleRecord"]
    assert returned[2].source == "s.txt"
    with caplog.at_level(logging.WARNING, logger="extractor"):
        skipped = list(loaded.extract_many(items, errors="skip"))
    assert [r.id for r in skipped] == [text_id(article(1)), text_id(article(2))]
    assert [m for m in caplog.messages if m.startswith("skipped ")] == [
        "skipped <text>: the text is empty or only whitespace",
        "skipped s.txt: not valid Unicode text: a lone surrogate U+D800 at character 2"]


def test_extract_many_loses_only_the_item_a_stage_fails_on(loaded, monkeypatch):
    build = api.doc_to_record
    monkeypatch.setattr(api, "doc_to_record",
                        lambda doc, source: (_ for _ in ()).throw(RuntimeError("a rule broke"))
                        if "BOOM" in doc.text else build(doc, source))
    items = [article(1), ("BOOM. " + article(2), {"path": "boom.txt"}), article(3)]
    got = list(loaded.extract_many(items, batch_size=8, errors="return"))
    assert [r.id for r in (got[0], got[2])] == [text_id(article(1)), text_id(article(3))]
    assert isinstance(got[1], ExtractionError)
    assert str(got[1]) == "boom.txt: extraction failed: RuntimeError: a rule broke"
    assert isinstance(got[1].__cause__, RuntimeError)


def test_extract_many_refuses_an_unknown_error_mode(loaded):
    with pytest.raises(ValueError, match="errors must be"):
        list(loaded.extract_many([article(1)], errors="ignore"))


def test_a_text_longer_than_the_pipeline_takes_is_an_input_error(loaded):
    too_long = "a" * (loaded.nlp.max_length + 1)  # spaCy raises a ValueError of its own
    with pytest.raises(InputError, match="too long: 1000001 characters, over the pipeline's limit"):
        loaded.extract(too_long)
    assert [type(r).__name__ for r in loaded.extract_many([article(1), too_long], errors="return")] == [
        "ArticleRecord", "InputError"]


@pytest.mark.parametrize(("published", "day"), [
    ("2024-07-31T10:00:00Z", "2024-07-31"),
    ("2024-07-31T23:30:00-05:00", "2024-07-31"),  # the outlet's day, not UTC's
    ("2024-07-31 08:15", "2024-07-31"),
    ("0001-01-01", "0001-01-01"),
    ("9999-12-31", "9999-12-31"),
])
def test_published_takes_a_timestamp_by_its_day(published, day):
    assert api.parse_published(published, "x").isoformat() == day


@pytest.mark.parametrize("published", ["0000-01-01", "2024-07-31T25:00", "2024-07-31Tnoon"])
def test_published_refuses_what_is_no_day(published):
    with pytest.raises(InputError, match="published date"):
        api.parse_published(published, "x")


# --- 8. inputs read as what they are -------------------------------------------------------------

@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8"])
def test_text_with_a_byte_order_mark_is_read_in_its_encoding(codec):
    text = "Ông Trần Văn Nam, Chairman of the People's Committee, opened the meeting.\n"
    boms = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE,
            "utf-32-be": codecs.BOM_UTF32_BE, "utf-8": codecs.BOM_UTF8}
    write("a.txt", boms[codec] + text.encode(codec))
    result = invoke("extract", "a.txt")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["id"] == text_id(text)
    assert all(text[m["start"]:m["end"]] == m["text"] for p in record["people"] for m in p["mentions"])


def test_json_lines_with_a_utf16_byte_order_mark_are_read():
    rows = "".join(json.dumps({"id": str(i), "text": article(i)}, ensure_ascii=False) + "\n" for i in range(3))
    write("archive.jsonl", codecs.BOM_UTF16_LE + rows.encode("utf-16-le"))
    result = invoke("extract", "archive.jsonl", "-q")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["source"]["id"] for line in result.stdout.splitlines()] == ["0", "1", "2"]


def test_not_utf8_text_says_how_to_read_it_and_encoding_reads_it():
    write("a.txt", "M. Tran Van Nam, Chairman of the Comité, opened the meeting.".encode("latin-1"))
    refused = invoke("extract", "a.txt")
    assert refused.exit_code == 1
    assert "give its encoding with --encoding" in refused.stderr
    read = invoke("extract", "a.txt", "--encoding", "latin-1")
    assert read.exit_code == 0, read.stderr
    assert "Comité" in json.loads(read.stdout)["people"][0]["roles"][0]["organization"]
    assert invoke("extract", "a.txt", "--encoding", "klingon").exit_code == 2


def test_ndjson_is_read_as_json_lines_without_being_told():
    jsonl("archive.ndjson", [{"id": "a", "text": article(1)}, {"id": "b", "text": article(2)}])
    result = invoke("extract", "archive.ndjson", "-q")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["source"]["id"] for line in result.stdout.splitlines()] == ["a", "b"]


@pytest.mark.parametrize("content", [
    json.dumps([{"id": "a", "text": article(1)}, {"id": "b", "text": article(2)}], indent=2),
    json.dumps({"id": "a", "text": article(1)}) + "\n" + json.dumps({"id": "b", "text": article(2)}) + "\n",
], ids=["list", "lines"])
def test_a_json_file_holds_a_list_of_articles_or_lines(content):
    write("archive.json", content)
    result = invoke("extract", "archive.json", "-q")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["source"]["id"] for line in result.stdout.splitlines()] == ["a", "b"]


def test_a_json_file_of_one_article_gives_its_record():
    write("one.json", json.dumps({"id": "a", "text": article(1), "published": "2024-07-31T09:00:00+07:00"}, indent=2))
    result = invoke("extract", "one.json", "-q")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["source"] | {} == {"path": None, "url": None, "title": None,
                                                         "published": "2024-07-31", "id": "a"}


def test_folder_files_are_matched_ignoring_case_and_the_others_named_in_a_note():
    write("news/a.txt", article(1))
    write("news/B.TXT", article(2))
    write("news/c.md", article(3))
    write("news/d.pdf", b"%PDF-1.4")
    result = invoke("extract", "news", "-q")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["source"]["path"] for line in result.stdout.splitlines()] == ["news/B.TXT", "news/a.txt"]
    assert result.stderr == ("note: news: 2 files not matching *.txt,*.html,*.htm passed over (c.md, d.pdf); "
                             "--glob selects others\n")
    chosen = invoke("extract", "news", "--glob", "*.md", "-q")
    assert [json.loads(line)["source"]["path"] for line in chosen.stdout.splitlines()] == ["news/c.md"]


def test_an_empty_folder_is_one_error_and_no_rate():
    Path("empty").mkdir()
    result = invoke("extract", "empty")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == ["error: empty: a folder with no files matching *.txt,*.html,*.htm", "0 records, 1 failed, 0.0 s"]
