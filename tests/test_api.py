"""The library API: extract, Extractor, extract_many, and the errors they raise."""

import hashlib
from datetime import date

import pytest

import extractor
from extractor import ArticleRecord, Extractor, InputError, ModelError, Source
from extractor.records import text_id

CHAIRMAN = "Mr. Tran Van Nam, Chairman of the Provincial People's Committee, opened the conference."
DIRECTOR = "Ms. Le Thi Hoa, Director of the Department of Finance, reported on the 2024 budget."
VIETNAMESE = "Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, phát biểu khai mạc hội nghị."


def test_extract_returns_an_article_record(loaded):
    record = extractor.extract(CHAIRMAN)
    assert isinstance(record, ArticleRecord)
    assert record.schema_version == "1.0"
    assert record.source == Source()


def test_id_is_sha256_of_the_utf8_text(loaded):
    record = extractor.extract(VIETNAMESE)
    assert record.id == "sha256:" + hashlib.sha256(VIETNAMESE.encode("utf-8")).hexdigest()


def test_record_round_trips_through_json(loaded):
    record = extractor.extract(CHAIRMAN, published="2024-07-31")
    assert ArticleRecord.model_validate_json(record.model_dump_json()) == record


@pytest.mark.parametrize("published", ["2024-07-31", date(2024, 7, 31)], ids=["str", "date"])
def test_published_is_stored_in_source(loaded, published):
    assert extractor.extract(CHAIRMAN, published=published).source.published == date(2024, 7, 31)


def test_published_overrides_the_source_and_keeps_its_other_fields(loaded):
    source = Source(path="corpus/a.txt", url="https://example.org/a", published=date(2020, 1, 1))
    record = extractor.extract(CHAIRMAN, published="2024-07-31", source=source)
    assert record.source == Source(path="corpus/a.txt", url="https://example.org/a", published=date(2024, 7, 31))


@pytest.mark.parametrize("published", [
    "31/07/2024",  # day first
    "2024-02-30",  # no such day
    "yesterday",
], ids=["day-first", "no-such-day", "word"])
def test_bad_published_raises_input_error(loaded, published):
    with pytest.raises(InputError, match="published"):
        extractor.extract(CHAIRMAN, published=published)


@pytest.mark.parametrize("text", ["", " \n\t\n "], ids=["empty", "whitespace"])
def test_blank_text_raises_input_error_naming_the_input(loaded, text):
    with pytest.raises(InputError) as caught:
        extractor.extract(text, source=Source(path="corpus/x.txt"))
    assert caught.value.source == "corpus/x.txt"
    assert str(caught.value).startswith("corpus/x.txt: ")


def test_blank_text_without_a_path_is_named_text(loaded):
    with pytest.raises(InputError) as caught:
        extractor.extract("   ")
    assert caught.value.source == "<text>"


def test_extract_many_keeps_input_order_and_equals_extract(loaded):
    items = [CHAIRMAN, (DIRECTOR, Source(path="b.txt")), VIETNAMESE, (CHAIRMAN, Source(path="d.txt"))]
    # batch_size=2 so the order has to hold across batches.
    records = list(loaded.extract_many(items, batch_size=2))
    one_by_one = [loaded.extract(CHAIRMAN), loaded.extract(DIRECTOR, source=Source(path="b.txt")),
                  loaded.extract(VIETNAMESE), loaded.extract(CHAIRMAN, source=Source(path="d.txt"))]
    assert [r.model_dump() for r in records] == [r.model_dump() for r in one_by_one]
    assert [r.source.path for r in records] == [None, "b.txt", None, "d.txt"]


def test_extract_many_of_nothing_is_empty(loaded):
    assert list(loaded.extract_many([])) == []


def test_unknown_model_raises_model_error():
    with pytest.raises(ModelError, match="no_such_model"):
        Extractor(model="no_such_model")


def test_extract_many_raises_for_a_bad_item_in_its_place(loaded):
    """Every record before the bad item comes out first, even within one batch."""
    stream = loaded.extract_many([CHAIRMAN, DIRECTOR, ("  ", Source(path="blank.txt")), CHAIRMAN], batch_size=8)
    assert [r.id for r in (next(stream), next(stream))] == [text_id(CHAIRMAN), text_id(DIRECTOR)]
    with pytest.raises(InputError, match="blank.txt"):
        next(stream)


@pytest.mark.parametrize("model", ["./no/such/dir", "no.such.package"], ids=["path", "dotted"])
def test_model_names_that_are_paths_or_dotted_raise_model_error(model):
    with pytest.raises(ModelError):
        Extractor(model=model)


def test_a_bad_source_raises_input_error(loaded):
    with pytest.raises(InputError, match="source"):
        loaded.extract(CHAIRMAN, source={"colour": "red"})
