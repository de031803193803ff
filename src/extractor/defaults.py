"""The defaults the command line shows in its help and the library's modules take.

Kept apart from those modules and importing nothing, so `extractor --help` and `extractor schema`
start without loading spaCy, trafilatura or the pipeline's lexicons.
"""

# The spaCy pipeline extractor builds on (pipeline.MODEL_ALIASES says which package gives it).
DEFAULT_MODEL = "en_core_web_sm"

# How numeric dates whose day and month could be either are read (the dates stage's `date_order`).
DATE_ORDERS = ("auto", "DMY", "MDY", "YMD")

# Longer texts are refused rather than extracted: the model's memory grows with a text's length,
# and a news article is a few thousand characters. `--max-chars` changes it.
MAX_CHARS = 100_000

# Which files of a folder are articles, matched against file names, ignoring case (`--glob`): one
# pattern or several, apart by commas. Texts and saved pages.
DEFAULT_GLOB = "*.txt,*.html,*.htm"

# Articles a batch run reads, extracts and writes together (`--batch-size`).
DEFAULT_BATCH_SIZE = 32

# Seconds an article may take before its worker is stopped (`--timeout`; 0: no limit).
DEFAULT_TIMEOUT = 30.0

FETCH_TIMEOUT = 30  # seconds a fetch may wait for the server (trafilatura counts whole seconds)
