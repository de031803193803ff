"""extractor_line_breaks: sentence starts at paragraph breaks, none inside a clause."""

import pytest
import spacy
from spacy.tokens import Doc

from extractor.components.line_breaks import LineBreaksComponent


def starts(words, spaces, recognized):
    """The sentence starts the component leaves, given the ones a recognizer set (token indices)."""
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces,
              sent_starts=[i in recognized for i in range(len(words))])
    return [t.i for t in LineBreaksComponent()(doc) if t.is_sent_start]


def test_a_start_inside_a_name_is_undone():
    words = ["Present", "were", "Tang", "Lihua", "and", "Qin", "Guoping", ",", "Chairman", "."]
    assert starts(words, [True] * 9 + [False], {0, 6}) == [0]


def test_a_start_after_a_sentence_end_stays():
    assert starts(["He", "spoke", "here", ".", "She", "left", "."], [True, True, False, True, True, False, False],
                  {0, 4}) == [0, 4]


@pytest.mark.parametrize("words, spaces, expected", [
    # A blank line starts a sentence, a headline's too.
    (["Grid", "link", "signed", "\n\n", "Vientiane", "hosted", "it", "."], [True, True, False, False, True, True,
                                                                           False, False], [0, 4]),
    # A line that ends a sentence starts one.
    (["It", "ended", ".", "\n", "Next", "one", "."], [True, False, False, False, True, False, False], [0, 4]),
    # A single break inside a sentence does not.
    (["secretary", "of", "Hoa", "\n", "Binh", "province"], [True, True, False, False, True, False], [0]),
    # Paragraphs a scraper joined: a period glued to a capitalized word ends a sentence.
    (["It", "ended", "well", ".", "Speaking", "later", ",", "he", "left", "."],
     [True, True, False, False, True, False, True, True, False, False], [0, 4]),
], ids=["blank_line", "line_ending_a_sentence", "break_inside_a_sentence", "glued_period"])
def test_line_breaks(words, spaces, expected):
    assert starts(words, spaces, {0}) == expected
