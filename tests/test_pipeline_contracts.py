"""The stages' declared contracts: spaCy's analysis sees every dependency, and a wrong order fails
when the pipeline is built, naming what is missing, instead of quietly changing the records."""

import pytest
from spacy.language import Language

from extractor.errors import ModelError
from extractor.pipeline import COMPONENTS, build_pipeline


def dependencies() -> list[tuple[str, str, str]]:
    """(requirer, assigner, attribute) for every attribute a component requires from an earlier one."""
    return [(requirer, assigner, attr)
            for i, requirer in enumerate(COMPONENTS) for assigner in COMPONENTS[:i]
            for attr in Language.get_factory_meta(requirer).requires
            if attr in Language.get_factory_meta(assigner).assigns]


def moved_before(component: str, other: str) -> list[str]:
    order = [c for c in COMPONENTS if c != component]
    order.insert(order.index(other), component)
    return order


def test_the_built_pipeline_has_no_problems(loaded):
    assert not any(loaded.nlp.analyze_pipes()["problems"].values())


@pytest.mark.parametrize(("requirer", "assigner", "attr"), dependencies(), ids=lambda v: v.removeprefix("extractor_"))
def test_a_component_before_what_it_requires_fails_the_build(requirer, assigner, attr):
    with pytest.raises(ModelError) as raised:
        build_pipeline(components=moved_before(requirer, assigner))
    assert f"{requirer} requires {attr}, which no component before it assigns ({assigner} assigns it later)" \
        in str(raised.value)


def test_the_event_before_the_documents_fails_the_build():
    """It would run, and take a cited directive's date for the event's."""
    with pytest.raises(ModelError, match=r"^pipeline order: extractor_event requires doc\._\.documents, which no "
                                         r"component before it assigns \(extractor_documents assigns it later\)$"):
        build_pipeline(components=moved_before("extractor_event", "extractor_documents"))


def test_roles_before_names_fails_the_build():
    """It would fail at run time with spaCy's E109, which names neither stage."""
    with pytest.raises(ModelError, match=r"^pipeline order: extractor_roles requires doc\._\.names, which no "
                                         r"component before it assigns \(extractor_names assigns it later\)$"):
        build_pipeline(components=moved_before("extractor_roles", "extractor_names"))


def test_a_missing_stage_is_named():
    order = [c for c in COMPONENTS if c != "extractor_documents"]
    with pytest.raises(ModelError, match=r"extractor_event requires doc\._\.documents, .* \(no component assigns it\)"):
        build_pipeline(components=order)
