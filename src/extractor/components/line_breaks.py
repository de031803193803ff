"""extractor_line_breaks: a sentence starts after a blank line or a line that ends a sentence, and
only after punctuation or a line break.

Runs after the model's sentence recognizer and corrects it both ways. Without the starts at line
breaks it reads a headline, a dateline and the lead as one sentence ("... grid connection\\n\\n
Vientiane hosted a signing ceremony ..."), and the event's sentence takes the headline's places.
And it sometimes starts a sentence inside a clause, even inside a name ("... and Qin | Guoping,
Chairman of ..."), which would cut a person from their role: a start must follow a word that can
end a sentence or a line break. A period glued to the capitalized word after it, where a scraper
joined two paragraphs, ends a sentence. A single line break inside a sentence ("vice secretary
of Hoa\\nBinh province") is left alone.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

ENDS_SENTENCE = {".", "!", "?", ":", '"', "”", ")"}
ENDS_CLAUSE = ENDS_SENTENCE | {";", "’", "'"}  # what a sentence the recognizer starts may follow
GLUED_ENDS = {".", "!", "?"}  # a sentence's end the tokenizer split from a capitalized word after it
NOT_A_START = -1  # SENT_START's value for a token that continues its sentence


class LineBreaksComponent:
    """Sets the starts all at once: each `token.is_sent_start = True` rescans the doc, which made
    the stage quadratic in the text's length. Reads only the tokens a rule can change: those the
    recognizer starts a sentence at, and those after white space or a sentence's end."""

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2:
            return doc
        starts, spaces, words, spaced = doc.to_array([SENT_START, IS_SPACE, ORTH, SPACY]).T
        starts = starts.astype("int64")
        ends = numpy.isin(words, [doc.vocab.strings[end] for end in GLUED_ENDS]) & (spaced == 0)
        after = (spaces == 1) | ends
        for i in numpy.flatnonzero((starts[1:] == 1) | after[:-1]) + 1:
            token, previous = doc[i], doc[i - 1]
            if previous.is_space and "\n" in previous.text:
                before = doc[previous.i - 1] if previous.i > 0 else None
                if previous.text.count("\n") > 1 or (before is not None and before.text[-1:] in ENDS_SENTENCE):
                    starts[token.i] = 1
            elif starts[token.i] == 1 and previous.text[-1:] not in ENDS_CLAUSE and "\n" not in previous.text:
                starts[token.i] = NOT_A_START
            elif previous.text in GLUED_ENDS and not previous.whitespace_ and token.is_title and token.is_alpha:
                starts[token.i] = 1  # paragraphs a scraper joined: "... successfully.Speaking to ..."
        # int64's -1 is uint64's largest value, which spaCy reads back as -1.
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
        return doc


@Language.factory("extractor_line_breaks", assigns=["token.is_sent_start"])
def make_line_breaks(nlp: Language, name: str) -> LineBreaksComponent:
    return LineBreaksComponent()
