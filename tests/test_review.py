"""Review pages (review.py): every span marked once with its field, escaping, determinism; `extractor
show` and `extract --html`.

The pages are read back with the standard library's HTML parser, so the checks are on what a
browser builds, not on strings of markup.
"""

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

import extractor
from extractor import review
from extractor.cli import app
from extractor.errors import InputError
from extractor.records import ArticleRecord, DateValue, Organization, Person, Role, Source, Span, text_id

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "corpus" / "d000.txt"
CHAIRMAN = "Mr. Tran Van Nam, Chairman of the Provincial People's Committee, opened the conference.\n"
runner = CliRunner()


class Page(HTMLParser):
    """What a review page shows in its #text: the text as read, and for each fact (`data-fact`) its
    pieces as (offset in the text, text), its element ids and its classes."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.pieces: dict[str, list[tuple[int, str]]] = {}
        self.ids: dict[str, list[str]] = {}  # element id -> the tags that carry it
        self.classes: dict[str, set[str]] = {}
        self.scripts = 0
        self._in_text = False
        self._open: list[str | None] = []  # the facts of the marks open inside #text
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.scripts += tag == "script"
        if "id" in attrs:
            self.ids.setdefault(attrs["id"], []).append(tag)
        if attrs.get("id") == "text":
            self._in_text = True
        elif self._in_text and tag == "mark":
            fact = attrs["data-fact"]
            self._open.append(fact)
            self.pieces.setdefault(fact, []).append((len(self.text), ""))
            self.classes.setdefault(fact, set()).update(attrs["class"].split())
        elif self._in_text:
            raise AssertionError(f"an element other than mark in the text: <{tag}>")

    def handle_endtag(self, tag):
        if self._in_text and tag == "mark":
            self._open.pop()
        elif self._in_text and tag == "p":
            self._in_text = False

    def handle_data(self, data):
        if not self._in_text:
            return
        for fact in self._open:
            offset, piece = self.pieces[fact][-1]
            self.pieces[fact][-1] = (offset, piece + data)
        self.text += data


def assert_every_fact_marked_once(record: ArticleRecord, text: str, html: str) -> Page:
    page = Page(html)
    assert page.text == text  # the whole article, escaped and unescaped back exactly
    all_facts = review.facts(record)[0]
    assert set(page.pieces) == {fact.id for fact in all_facts}
    for fact in all_facts:
        assert page.ids.get(fact.id) == ["mark"], f"{fact.where}: not one element with its id"
        assert page.classes[fact.id] == {f"c-{fact.field}"}
        pieces = page.pieces[fact.id]
        # Its pieces follow one another from the span's start and make up its text.
        assert pieces[0][0] == fact.span.start, fact.where
        for (offset, piece), (following, _) in zip(pieces, pieces[1:]):
            assert offset + len(piece) == following, fact.where
        assert "".join(piece for _, piece in pieces) == fact.span.text == text[fact.span.start:fact.span.end]
    return page


def span(text: str, piece: str, rule: str = "test.rule", after: int = 0) -> Span:
    start = text.index(piece, after)
    return Span(start=start, end=start + len(piece), text=piece, rule=rule)


@pytest.fixture(scope="module")
def example(loaded) -> tuple[ArticleRecord, str]:
    text = EXAMPLE.read_text(encoding="utf-8")
    return loaded.extract(text, published="2024-07-31", source={"path": "corpus/d000.txt"}), text


def test_every_span_of_the_example_is_one_highlighted_element_with_its_field(example):
    record, text = example
    html = review.render_html(record, text)
    assert_every_fact_marked_once(record, text, html)
    fields = {fact.field for fact in review.facts(record)[0]}
    assert fields == set(review.FIELDS)  # the example has facts of every field
    # People, roles, dates... each appear in the tables too, pointing at their spans.
    for person in record.people:
        assert person.name in html


def test_nested_crossing_and_empty_spans_each_keep_their_element():
    text = "Mr. Tran Van Nam, Chairman of the Provincial People's Committee, spoke on July 31.\n"
    committee = span(text, "Provincial People's Committee")
    record = ArticleRecord(
        id=text_id(text), source=Source(),
        people=[Person(name="Tran Van Nam", honorific="Mr.", mentions=[span(text, "Tran Van Nam")], roles=[
            Role(title="Chairman", organization="Provincial People's Committee",
                 evidence=span(text, "Chairman of the Provincial People's Committee"))])],
        organizations=[Organization(name="Provincial People's Committee", acronym=None, mentions=[committee])],
        # Crosses the role's end, and one of no width at the very end of the text.
        dates=[DateValue(text="Committee, spoke", value="X", evidence=span(text, "Committee, spoke")),
               DateValue(text="", value="Y", evidence=Span(start=len(text), end=len(text), text="", rule="t.r"))],
    )
    assert_every_fact_marked_once(record, text, review.render_html(record, text))


def test_markup_quotes_and_right_to_left_text_show_as_text():
    text = ('<script>alert("x")</script> & \'Ms. "O\'Brien"\' said שלום \u202eevil\u202c; '
            'Mr. <b>Nam</b> chaired.\n')
    name = 'O\'Brien" onmouseover="alert(1)'
    record = ArticleRecord(
        id=text_id(text), source=Source(path='<img src=x onerror="alert(1)">.txt', title="</title><script>"),
        people=[Person(name=name, honorific=None, roles=[], mentions=[span(text, '"O\'Brien"')]),
                Person(name="<b>Nam</b>", honorific=None, roles=[], mentions=[span(text, "<b>Nam</b>")])],
        dates=[DateValue(text="שלום", value="<i>", evidence=span(text, "שלום"))],
        warnings=["<script>alert('warning')</script>"],
    )
    html = review.render_html(record, text)
    page = assert_every_fact_marked_once(record, text, html)
    assert page.scripts == 1  # the page's own
    for markup in ("<script>alert", "<b>", "<img", "<i>", 'onmouseover="alert'):
        assert markup not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "\u202eevil\u202c" in html and "שלום" in html  # as text, never dropped


def test_the_same_record_gives_the_same_bytes(example):
    record, text = example
    copy = ArticleRecord.model_validate_json(record.model_dump_json())
    assert review.render_html(record, text) == review.render_html(copy, text)


def test_a_record_whose_evidence_is_not_of_the_text_is_refused(example):
    record, text = example
    with pytest.raises(InputError, match=r"corpus/d000.txt: the record's evidence does not match the text: "
                                         r"event.evidence at 0-\d+"):
        review.render_html(record, "x" + text)
    assert extractor.render_html is review.render_html


@pytest.mark.parametrize("name, page", [
    ("corpus/d000.txt", "corpus_d000"),
    ("../../etc/passwd", "etc_passwd"),
    ("/abs/path/Hội nghị.TXT", "abs_path_Hội_nghị"),
    ("..", "article"),
    ("index", "index-2"),
    ("a/b.txt", "a_b-2"),  # a_b is taken below
])
def test_page_names_stay_in_their_folder_and_never_collide(name, page):
    assert review.page_name(name, {"index", "a_b"}) == page


# --- the command line ----------------------------------------------------------------------------

@pytest.fixture
def in_tmp(tmp_path, monkeypatch, loaded):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str):
    return runner.invoke(app, list(args))


def write(name: str, text: str) -> str:
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    Path(name).write_text(text, encoding="utf-8")
    return name


def test_show_extracts_and_writes_the_page(in_tmp):
    result = invoke("show", write("a.txt", CHAIRMAN), "--published", "2024-07-31", "-o", "out/a.html")
    assert result.exit_code == 0, result.stderr
    record = extractor.extract(CHAIRMAN, published="2024-07-31", source={"path": "a.txt"})
    assert Path("out/a.html").read_text(encoding="utf-8") == review.render_html(record, CHAIRMAN)


def test_show_reads_a_record_by_the_articles_id_or_by_line(in_tmp):
    other = CHAIRMAN.replace("Nam", "Binh")
    write("a.txt", CHAIRMAN)
    assert invoke("extract", write("b.txt", other), "a.txt", "-o", "records.jsonl").exit_code == 0
    by_id = invoke("show", "a.txt", "--record", "records.jsonl")
    assert by_id.exit_code == 0, by_id.stderr
    assert "Tran Van Nam" in by_id.stdout and "Tran Van Binh" not in by_id.stdout
    assert invoke("show", "a.txt", "--record", "records.jsonl", "--line", "2").stdout == by_id.stdout
    Path("a.json").write_text(Path("records.jsonl").read_text(encoding="utf-8").splitlines()[1], encoding="utf-8")
    assert invoke("show", "a.txt", "--record", "a.json").stdout == by_id.stdout


@pytest.mark.parametrize("args, message", [
    (("--line", "1"), "error: a.txt: the record (records.jsonl, line 1) is not of this text: "),
    ((), "error: records.jsonl: no record with the article's id (sha256:"),
    (("--line", "3"), "error: records.jsonl: has no line 3"),
])
def test_show_refuses_a_record_of_another_text(in_tmp, args, message):
    write("a.txt", CHAIRMAN)
    invoke("extract", write("b.txt", "Ms. Le Thi Hoa, Director of the Department of Finance, spoke.\n"),
           write("c.txt", "On July 31 the meeting opened.\n"), "-o", "records.jsonl")
    result = invoke("show", "a.txt", "--record", "records.jsonl", *args)
    assert result.exit_code == 1
    assert result.stderr.startswith(message), result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_extract_html_writes_a_page_per_article_and_an_index_with_workers(in_tmp):
    texts = {f"news/{i}.txt": CHAIRMAN.replace("Nam", f"Nam {chr(65 + i)}") for i in range(5)}
    for name, text in texts.items():
        write(name, text)
    write("news/empty.txt", " ")
    result = invoke("extract", "news", "-o", "records.jsonl", "--html", "pages", "--workers", "2",
                    "--batch-size", "2", "-q")
    assert result.exit_code == 1  # the empty article
    records = [ArticleRecord.model_validate_json(line) for line in Path("records.jsonl").read_text().splitlines()]
    pages = sorted(p.name for p in Path("pages").iterdir())
    assert pages == sorted([f"news_{i}.html" for i in range(5)] + ["index.html"])
    for record in records:
        page = Path("pages", review.page_name(record.source.path, {"index"}) + ".html")
        assert page.read_text(encoding="utf-8") == review.render_html(record, texts[record.source.path])
    index = Path("pages/index.html").read_text(encoding="utf-8")
    for i in range(5):
        assert f'<a href="news_{i}.html">news/{i}.txt</a>' in index
    assert "news/empty.txt</td><td colspan=\"4\">no record: the text is empty or only whitespace" in index
    assert json.loads(Path("records.jsonl").read_text().splitlines()[0])["people"]  # records as ever
