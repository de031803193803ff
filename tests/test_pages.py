"""Saved pages and URLs (issue 17): the article taken out of the page, its metadata in the source,
the same facts as its plain text, and neither the menus' names nor their dates as facts.

The pages in tests/pages/ were written for these tests in news sites' layouts; expected.json says
what each record must hold. URLs are fetched from a local server on 127.0.0.1 only.
"""

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import ArticleRecord
from extractor.cli import app
from extractor.errors import InputError
from extractor.inputs import Input, read_articles
from extractor.pages import USER_AGENT, fetch, read_page

from evidence import spans

PAGES = Path(__file__).resolve().parent / "pages"
EXPECTED = {name: value for name, value in json.loads((PAGES / "expected.json").read_text(encoding="utf-8")).items()
            if not name.startswith("_")}
ARTICLES = sorted(name for name, value in EXPECTED.items() if "error" not in value)
NO_ARTICLE = sorted(name for name, value in EXPECTED.items() if "error" in value)

runner = CliRunner()


def page_record(extractor, name: str) -> ArticleRecord:
    """The record of a saved page, read as `extractor extract PAGE` reads it."""
    [article] = read_articles([Input(str(PAGES / f"{name}.html"), "page")])
    assert article.reason is None, article.reason
    return extractor.extract(article.text, source=article.source)


def facts(record: ArticleRecord) -> dict:
    """The record without what says where its text came from: what a page and its text share."""
    return record.model_dump(mode="json", exclude={"id", "source"})


# --- saved pages ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ARTICLES)
def test_a_saved_page_gives_its_metadata_and_facts(loaded, name):
    expected = EXPECTED[name]
    record = page_record(loaded, name)
    source = record.source.model_dump(mode="json")
    assert {key: source.get(key) for key in expected["source"]} == expected["source"]
    assert set(expected["people"]) <= {person.name for person in record.people}
    assert set(expected["dates"]) <= {d.value for d in record.dates}
    assert set(expected["amounts"]) <= {a.text for a in record.amounts}


@pytest.mark.parametrize("name", ARTICLES)
def test_menus_sidebars_comments_and_banners_give_no_fact(loaded, name):
    record = page_record(loaded, name)
    dumped = json.dumps(facts(record), ensure_ascii=False)
    for menu_string in EXPECTED[name]["absent"]:
        assert menu_string not in record.source.text
        assert menu_string not in dumped


@pytest.mark.parametrize("name", ARTICLES)
def test_a_page_gives_the_facts_of_its_plain_text(loaded, name):
    """Acceptance 1: the extracted text is the article's plain text, so every fact and offset agree."""
    plain = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
    record = page_record(loaded, name)
    assert record.source.text == plain.rstrip("\n")
    published = record.source.published
    assert facts(record) == facts(loaded.extract(plain, published=published))


@pytest.mark.parametrize("name", ARTICLES)
def test_every_span_indexes_the_text_the_record_keeps(loaded, name):
    record = page_record(loaded, name)
    found = list(spans(record.model_dump(mode="json")))
    assert found
    for span in found:
        assert record.source.text[span["start"]:span["end"]] == span["text"]


@pytest.mark.parametrize("name", NO_ARTICLE)
def test_a_page_without_an_article_is_an_input_error(name):
    with pytest.raises(InputError, match=EXPECTED[name]["error"]):
        read_page((PAGES / f"{name}.html").read_bytes(), name)


def test_the_text_is_the_same_on_every_read():
    html = (PAGES / "vn_meta_date.html").read_bytes()
    assert read_page(html, "a") == read_page(html, "a")


# --- the command line ----------------------------------------------------------------------------

def test_extract_a_saved_page_gives_one_record_with_its_source(loaded):
    path = str(PAGES / "ng_time_tag.html")
    result = runner.invoke(app, ["extract", path])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert result.stdout.startswith("{\n  ")  # one article: one indented object
    assert record["source"]["path"] == path
    assert record["source"]["published"] == "2024-03-07"
    assert record["source"]["site"] == "Sahel Times"
    assert record["id"] == ArticleRecord.model_validate(record).id


def test_published_given_comes_before_the_pages_date_and_no_text_leaves_the_text_out(loaded):
    result = runner.invoke(app, ["extract", str(PAGES / "ng_time_tag.html"), "--published", "2024-03-08", "--no-text"])
    assert result.exit_code == 0, result.stderr
    source = json.loads(result.stdout)["source"]
    assert source["published"] == "2024-03-08"
    assert "text" not in source and source["author"] == "Aminu Bello"


def test_a_plain_text_record_is_as_before(loaded, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text((PAGES / "ng_time_tag.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert list(json.loads(result.stdout)["source"]) == ["path", "url", "title", "published"]


def test_a_folder_of_pages_and_texts_gives_their_records_and_the_pages_without_article_fail(loaded, tmp_path):
    for name in ("vn_meta_date.html", "not_found.html", "ng_time_tag.txt"):
        (tmp_path / name).write_bytes((PAGES / name).read_bytes())
    (tmp_path / "old.HTM").write_bytes((PAGES / "ph_pia_latest.html").read_bytes())
    result = runner.invoke(app, ["extract", str(tmp_path), "-q", "--workers", "1"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["source"]["path"]).name for r in records] == ["ng_time_tag.txt", "old.HTM", "vn_meta_date.html"]
    assert result.stderr == f"error: {tmp_path / 'not_found.html'}: no article found in the page (only 19 words of " \
                            "article text): an index page, an error page or a page of links gives no record\n"


def test_json_lines_articles_may_give_a_page_whose_archive_metadata_come_first(loaded, tmp_path):
    html = (PAGES / "vn_updated_date.html").read_text(encoding="utf-8")
    lines = [{"id": 1, "html": html, "url": "https://archive.example/1"},
             {"id": 2, "html": html, "text": "both"},
             {"id": 3, "html": (PAGES / "index_page.html").read_text(encoding="utf-8")}]
    path = tmp_path / "archive.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "-q"])
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["source"]["id"] == "1" and record["source"]["url"] == "https://archive.example/1"
    assert record["source"]["title"] == "Ho Chi Minh City People's Council opens year-end session"
    assert record["source"]["published"] == "2024-12-03"
    assert result.stderr.splitlines() == ["error: 2: not a JSON article: needs either 'text' or 'html'",
                                          "error: 3: no article found in the page (only 23 words of article text): "
                                          "an index page, an error page or a page of links gives no record"]


def test_show_marks_the_facts_on_the_pages_text(loaded, tmp_path):
    out = tmp_path / "page.html"
    result = runner.invoke(app, ["show", str(PAGES / "ph_pia_latest.html"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "Rogelio Neil Roque</mark>" in page and "Philippine Island Agency" in page
    assert "Abalos" not in page  # the sidebar is not the article


# --- fetching ------------------------------------------------------------------------------------

class _Handler(BaseHTTPRequestHandler):
    """Serves the saved pages, a page that answers too late, a 404 and a PDF; notes user agents."""

    user_agents: list[str] = []

    def do_GET(self):  # noqa: N802  (http.server's name)
        self.user_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow":
            time.sleep(2.5)  # past the test's 1 s timeout; bounded, so the server stops soon after
            return self._send(200, "text/html", b"<html><body><p>late</p></body></html>")
        if self.path == "/report.pdf":
            return self._send(200, "application/pdf", b"%PDF-1.4\n" + b"0" * 200)
        page = PAGES / self.path.lstrip("/")
        if self.path.endswith(".html") and page.parent == PAGES and page.is_file():
            return self._send(200, "text/html; charset=utf-8", page.read_bytes())
        return self._send(404, "text/html", (PAGES / "not_found.html").read_bytes())

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting: what the timeout test wants

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A local HTTP server on 127.0.0.1 (a free port), stopped when the module's tests end."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def test_a_url_is_fetched_and_gives_the_record_of_its_page(loaded, server):
    url = f"{server}/vn_meta_date.html"
    result = runner.invoke(app, ["extract", url])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["source"]["path"] is None
    # The page's canonical URL, not the address it was fetched from.
    assert record["source"]["url"] == EXPECTED["vn_meta_date"]["source"]["url"]
    assert facts(ArticleRecord.model_validate(record)) == facts(page_record(loaded, "vn_meta_date"))
    assert _Handler.user_agents[-1] == USER_AGENT and USER_AGENT.startswith("extractor/")


def test_a_page_without_a_canonical_url_keeps_the_fetched_one(server):
    url = f"{server}/vn_portal_table.html"
    assert fetch(url).url == url


def test_a_fetch_that_times_out_names_the_url_and_the_wait(loaded, server):
    started = time.monotonic()
    result = runner.invoke(app, ["extract", f"{server}/slow", "--fetch-timeout", "1"])
    assert result.exit_code == 1
    assert result.stderr == (f"error: {server}/slow: could not fetch it: no answer within 1 s (--fetch-timeout), "
                             "3 tries\n")
    assert time.monotonic() - started < 15


@pytest.mark.parametrize(("path", "reason"), [
    ("/gone.html", "could not fetch it: HTTP 404"),
    ("/report.pdf", "not an HTML page (Content-Type: application/pdf)"),
    ("/index_page.html", "no article found in the page"),
], ids=["404", "pdf", "index-page"])
def test_a_url_that_gives_no_article_says_why(loaded, server, path, reason):
    result = runner.invoke(app, ["extract", server + path])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {server}{path}: {reason}")


def test_a_closed_port_is_a_failed_fetch():
    with pytest.raises(InputError, match=r"http://127\.0\.0\.1:9/a\.html: could not fetch it: cannot connect"):
        fetch("http://127.0.0.1:9/a.html", timeout=1, retries=0)
