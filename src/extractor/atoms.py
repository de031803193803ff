"""Regex atoms for the parts of dates and numbers, written once for every stage that reads them.

Each atom is a pattern string without groups, to be put inside a stage's own regexes; a year
means the same thing to the dates, documents and amounts stages.
"""

# A year of the genre's range, 1800-2100: "2024", not "2024" of a count of 2,024.
YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
# Month names and their abbreviations, capitalized or in capitals whatever the flags: "may" is a verb.
MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_ABBREVIATIONS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
MONTH = (rf"(?-i:{MONTH_NAMES}|{MONTH_NAMES.upper()}|"  # "July"; an abbreviation may take a point: "Sept.", "FEB"
         rf"(?:{MONTH_ABBREVIATIONS}|{MONTH_ABBREVIATIONS.upper()})\.?)")
# The same in lower case too, for a text that writes its calendar words so ("see you april 22").
MONTH_ANY_CASE = (rf"(?-i:{MONTH_NAMES}|{MONTH_NAMES.upper()}|{MONTH_NAMES.lower()}|"
                  rf"(?:{MONTH_ABBREVIATIONS}|{MONTH_ABBREVIATIONS.upper()}|{MONTH_ABBREVIATIONS.lower()})\.?)")
# Any word that starts like a month, in any case ("jan", "Sept."): whether a text speaks of a month.
MONTH_WORD = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"  # "31", "31st"
# The days of a month written as ordinal words: "the twenty-first", "second of August".
_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
          "eighteenth", "nineteenth")
ORDINAL_DAYS = {
    **{word: n for n, word in enumerate(_UNITS + _TEENS, start=1)},
    "twentieth": 20, "thirtieth": 30, "thirty-first": 31, "thirty first": 31,
    **{f"twenty{joiner}{word}": 20 + n for n, word in enumerate(_UNITS, start=1) for joiner in ("-", " ")},
}
# Compounds first, so "twenty-first" is not read as "twenty" then "first"; a lookahead on the
# letters ordinals begin with keeps the alternation from being tried at every word.
DAY_WORD = (rf"(?=[efnst])(?:twenty[-\s](?:{'|'.join(_UNITS)})|thirty[-\s]first|"
            rf"{'|'.join(sorted(_UNITS + _TEENS + ('twentieth', 'thirtieth'), key=len, reverse=True))})")
# A month or weekday name written in full and capitalized: a text that writes one capitalizes its
# calendar words, so lower-case "may" and "march" there are a verb (see `DocContext.lowercase_calendar`).
CAPITALIZED_CALENDAR_WORD = (r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                             r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# A number right after a capitalized word or "No." names a thing: "Directive 40", "No. 2023-07".
NAMING_WORD = r"(?:\b[A-Z][\w-]*|\bNo\.?|#)\s*$"
