"""Typed errors: the library raises these, the CLI turns them into one-line messages and exit codes."""


class ExtractorError(Exception):
    """Base of every error extractor raises on purpose."""


class ArticleError(ExtractorError):
    """One input gave no record. `source` names it (a path, '<stdin>', a JSON Lines id, or '<text>')
    so a batch can report which one failed and go on with the others."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class InputError(ArticleError):
    """An input that cannot be extracted from: missing, unreadable, undecodable, empty or not text."""


class ExtractionError(ArticleError):
    """The pipeline failed on an input (a fault of extractor's, not the input's); the original
    exception is the `__cause__`."""


class OutputError(ExtractorError):
    """An output or errors file that cannot be written, locked, or that would overwrite an input."""


class ModelError(ExtractorError):
    """The spaCy pipeline named by the user cannot be loaded."""
