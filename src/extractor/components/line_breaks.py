"""extractor_line_breaks: a sentence starts after a blank line, or after a line that ends a sentence.

Runs before the model's sentence recognizer, which keeps boundaries set before it. Without them
it reads a headline, a dateline and the lead as one sentence ("... grid connection\\n\\nVientiane hosted a
signing ceremony ..."), and the event's sentence takes the headline's places. A single line
break inside a sentence ("vice secretary of Hoa\\nBinh province") is left alone.
"""

from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

ENDS_SENTENCE = {".", "!", "?", ":", '"', "”", ")"}


class LineBreaksComponent:
    """Sets the starts all at once: each `token.is_sent_start = True` rescans the doc, which made
    the stage quadratic in the text's length."""

    def __call__(self, doc: Doc) -> Doc:
        starts = []
        for token in doc[:-1]:
            if not token.is_space or "\n" not in token.text:
                continue
            previous = doc[token.i - 1] if token.i > 0 else None
            if token.text.count("\n") > 1 or (previous is not None and previous.text[-1:] in ENDS_SENTENCE):
                starts.append(token.i + 1)
        if starts:
            values = doc.to_array(SENT_START)
            values[starts] = 1
            doc.from_array([SENT_START], values.reshape(-1, 1))
        return doc


@Language.factory("extractor_line_breaks", assigns=["token.is_sent_start"])
def make_line_breaks(nlp: Language, name: str) -> LineBreaksComponent:
    return LineBreaksComponent()
