"""Shared fixtures. The spaCy pipeline loads once per test session."""

import pytest

from extractor.api import Extractor, default_extractor


@pytest.fixture(scope="session")
def loaded() -> Extractor:
    """The process-wide default Extractor: `extractor.extract` and the in-process CLI use this same one."""
    return default_extractor()
