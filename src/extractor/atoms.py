"""Regex atoms for the parts of dates and numbers, written once for every stage that reads them.

Each atom is a pattern string without groups, to be put inside a stage's own regexes; a year
means the same thing to the dates, documents and amounts stages.
"""

# A year of the genre's range, 1800-2100: "2024", not "2024" of a count of 2,024.
YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
# Month names and their abbreviations, capitalized or in capitals whatever the flags: "may" is a verb.
MONTH_NAMES = ("January|February|March|April|May|June|July|August|September|October|November|December|"
               "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
MONTH = rf"(?-i:{MONTH_NAMES}|{MONTH_NAMES.upper()})\.?"  # "July", "Sept.", "FEB"
# Any word that starts like a month, in any case ("jan", "Sept."): whether a text speaks of a month.
MONTH_WORD = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"  # "31", "31st"
# A month or weekday name written in full and capitalized: a text that writes one capitalizes its
# calendar words, so lower-case "may" and "march" there are a verb (see `DocContext.lowercase_calendar`).
CAPITALIZED_CALENDAR_WORD = (r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                             r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
