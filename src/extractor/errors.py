"""Typed errors: the library raises these, the CLI turns them into one-line messages and exit codes."""


class ExtractorError(Exception):
    """Base of every error extractor raises on purpose."""


class InputError(ExtractorError):
    """An input that cannot be extracted from: missing, unreadable, undecodable or empty.

    `source` names the input (a path, '<stdin>', or '<text>') so a batch can report which one failed.
    """

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelError(ExtractorError):
    """The spaCy pipeline named by the user cannot be loaded."""
