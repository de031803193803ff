"""extractor_attribute_lookup: the model's attribute_ruler, its one-token rules looked up in a table.

en_core_web_sm's ruler holds 179 rules, nearly all one token keyed by its tag and word ({"TAG": "NN"},
{"TAG": "VBZ", "LOWER": {"IN": ["is", "'s"]}}), and spaCy's Matcher tries each rule at every token,
half of them through a Python predicate (IN, NOT_IN): 13% of the bare model's time on our articles.
Here a one-token rule on the tag, dependency, word and whether it is a space is a table key, or a
key for each value it allows (NOT_IN conditions are checked on the token the key finds); the rest
(two tokens, REGEX, other attributes) stay in a Matcher.

Built from the loaded ruler's own patterns, so another model gets its own rules. The precedence is
the ruler's (AttributeRuler.match and set_annotations): every rule matches the annotations as they
were before the ruler ran, then the matches apply in rule order, a later rule overwriting what an
earlier one set on the same token.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
from spacy.errors import Errors
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs
from spacy.vocab import Vocab

# The attributes a looked-up rule may test, by their names in a Matcher pattern, and the type of
# the values it compares them with (the Matcher compares a string by its hash, a flag as 0 or 1).
LOOKUP_ATTRS = {"TAG": (TAG, str), "DEP": (DEP, str), "LOWER": (LOWER, str), "ORTH": (ORTH, str),
                "TEXT": (ORTH, str), "IS_SPACE": (IS_SPACE, bool)}
TOKEN_COLUMNS = (TAG, DEP, LOWER, ORTH, IS_SPACE)
# Tokens (tag, dependency, word, space) whose table rules are remembered; past it the memory restarts.
REMEMBERED_TOKENS = 100_000

Condition = tuple[int, frozenset[int]]  # an attribute and the values it may (or may not) take


def conditions(pattern: Sequence[dict], index: int, vocab: Vocab) -> tuple[list[Condition], list[Condition]] | None:
    """(the values each attribute may take, the values each may not) for a one-token pattern whose
    every attribute is one of LOOKUP_ATTRS, equal to a value, IN or NOT_IN a list, and at least one
    not NOT_IN; None for any other pattern (the Matcher keeps it). An index other than 0 or -1 stays
    with the Matcher too, which reports it as the ruler does."""
    if len(pattern) != 1 or index not in (0, -1):
        return None
    allowed, excluded, seen = [], [], set()
    for name, value in pattern[0].items():
        attr, kind = LOOKUP_ATTRS.get(name.upper(), (None, None)) if isinstance(name, str) else (None, None)
        if isinstance(value, dict) and len(value) == 1:
            [(predicate, values)] = value.items()
        else:
            predicate, values = "IN", [value]
        if attr is None or attr in seen or predicate not in ("IN", "NOT_IN") or not isinstance(values, list) \
                or not all(type(v) is kind for v in values):
            return None
        seen.add(attr)
        hashed = frozenset(vocab.strings.add(v) if kind is str else int(v) for v in values)
        (allowed if predicate == "IN" else excluded).append((attr, hashed))
    return (allowed, excluded) if allowed else None


class AttributeLookupComponent:
    """Rules are numbered as in the ruler. `tables` maps the attributes a key tests to {their values:
    [(rule number, the values the token's attributes may not take)]}; `token_rules` remembers the
    table's rules for each token (its TOKEN_COLUMNS) seen."""

    def __init__(self, vocab: Vocab, patterns: Iterable[dict]) -> None:
        self.attrs: list[dict] = []
        self.indices: list[int] = []
        self.tables: dict[tuple[int, ...], dict[tuple[int, ...], list[tuple[int, list[Condition]]]]] = {}
        self.matcher = Matcher(vocab)
        for rule, entry in enumerate(patterns):
            index = entry.get("index", 0)
            self.attrs.append(normalize_token_attrs(vocab, entry["attrs"]))
            self.indices.append(index)
            matched = []
            for pattern in entry["patterns"]:
                found = conditions(pattern, index, vocab)
                if found is None:
                    matched.append(pattern)
                    continue
                allowed, excluded = found
                table = self.tables.setdefault(tuple(attr for attr, _ in allowed), {})
                for values in itertools.product(*(values for _, values in allowed)):
                    table.setdefault(values, []).append((rule, excluded))
            if matched:
                self.matcher.add(str(rule), matched)
        self.token_rules: dict[tuple[int, ...], tuple[int, ...]] = {}

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> dict[int, Sequence[int]]:
        """The rules matching each token, by its index, in the order they apply."""
        found: dict[int, Sequence[int]] = {}
        for i, columns in enumerate(doc.to_array(TOKEN_COLUMNS).tolist()):
            rules = self.table_rules(tuple(columns))
            if rules:
                found[i] = rules
        for match_id, start, end in self.matcher(doc, allow_missing=True):
            rule = int(doc.vocab.strings[match_id])
            span = doc[start:end]
            try:
                i = span[self.indices[rule]].i
            except IndexError:
                raise ValueError(Errors.E1001.format(patterns=self.matcher.get(match_id)[1],
                                                     span=[t.text for t in span], index=self.indices[rule])) from None
            found[i] = sorted({*found.get(i, ()), rule})
        return found

    def table_rules(self, columns: tuple[int, ...]) -> tuple[int, ...]:
        """The table's rules for a token with these TOKEN_COLUMNS, in rule order."""
        rules = self.token_rules.get(columns)
        if rules is None:
            token = dict(zip(TOKEN_COLUMNS, columns))
            rules = tuple(sorted({rule for attrs, table in self.tables.items()
                                 for rule, excluded in table.get(tuple(token[attr] for attr in attrs), ())
                                 if not any(token[attr] in values for attr, values in excluded)}))
            if len(self.token_rules) >= REMEMBERED_TOKENS:
                self.token_rules.clear()
            self.token_rules[columns] = rules
        return rules

    def set_annotations(self, doc: Doc, found: dict[int, Sequence[int]]) -> None:
        for i, rules in found.items():
            token = doc[i]
            for rule in rules:
                set_token_attrs(token, self.attrs[rule])


@Language.factory("extractor_attribute_lookup", default_config={"ruler": "attribute_ruler"},
                  assigns=["token.pos", "token.morph", "token.lemma"])
def make_attribute_lookup(nlp: Language, name: str, ruler: str) -> AttributeLookupComponent:
    """`ruler` names the pipeline's attribute_ruler whose patterns this takes; build_pipeline then
    removes that ruler."""
    return AttributeLookupComponent(nlp.vocab, nlp.get_pipe(ruler).patterns)
