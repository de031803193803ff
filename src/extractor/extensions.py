"""Every custom `._` attribute extractor sets, declared once (one component writes each)."""

from spacy.tokens import Doc, Span

from .components.names import NAMES_KEY
from .components.roles import ROLES_KEY
from .components.titles import HONORIFICS_KEY, TITLES_KEY

# Span attributes, on the spans the components keep in `doc.spans`.
SPAN_ATTRS = {
    "rule": None,  # the recognizer that produced the span (evidence `rule`)
    "honorific": None,  # names: "Mr.", "Comrade", written before the name
    "title": None,  # roles: the position, "Vice Chairman"
    "organization": None,  # roles: the body as written, or None
    "org_chars": None,  # roles: (start, end) characters of the body in the text, or None
    "acronym": None,  # roles: "VBSP" of "the Vietnam Bank for Social Policies (VBSP)"
    "plural": False,  # roles: "The two Deputy Secretaries ..." names several people
    "date_values": None,  # dates: the ISO values a date expression states ("October 2 and 3": two)
}

# Doc attributes: the record's parts as typed facts (`facts.py`), each written by one component:
# people and organizations by extractor_people, dates by extractor_dates, event by
# extractor_event, amounts by extractor_amounts, targets by extractor_targets, documents by
# extractor_documents, statements by extractor_statements; and the document-wide context (components/context.py) by extractor_context.
DOC_ATTRS = ("people", "organizations", "dates", "event", "amounts", "targets", "documents", "context",
             # extractor_statements: who asked or said what (facts.StatementFact)
             "statements",
             # What a stage noticed but could not resolve (record `warnings`), a list of strings;
             # stages extend it, never replace it.
             "warnings",
             # Input, set before the pipeline runs (api.Extractor): the reference date as
             # 'YYYY-MM-DD' (a string, so docs serialize across processes), or None.
             "published")

# Read-only views of the span groups stages pass on in `doc.spans` ("doc._.names" is
# `doc.spans["names"]`), so a factory can declare the group it assigns or requires and spaCy's
# `analyze_pipes` sees the dependency. The dates group needs none: extractor_dates sets it with
# `doc._.dates`, which stands for both.
SPAN_GROUPS = (TITLES_KEY, HONORIFICS_KEY, NAMES_KEY, ROLES_KEY)


TEXT_CACHE = "extractor.text"


def cached_text(doc: Doc) -> str:
    """`doc.text`, computed once: spaCy joins every token's text again on each access, and the
    rule stages read the text many times per document."""
    text = doc.user_data.get(TEXT_CACHE)
    if text is None:
        text = doc.user_data[TEXT_CACHE] = doc.text
    return text


def register() -> None:
    for name, default in SPAN_ATTRS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name in DOC_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for key in SPAN_GROUPS:
        if not Doc.has_extension(key):
            Doc.set_extension(key, getter=lambda doc, key=key: doc.spans.get(key, []))
    if not Doc.has_extension("text"):
        Doc.set_extension("text", getter=cached_text)
