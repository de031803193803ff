"""The review page in a real browser: headless Chromium, driven by Playwright.

Playwright cannot download its own browser here, so it drives Debian's `chromium` package, which
`make test` installs when it runs as root. Where there is none, the test is skipped and says what
to install. The screenshot goes to $EXTRACTOR_SCREENSHOT when set (`make screenshot` refreshes the
README's, docs/review.png), else to the test's temporary folder.
"""

import os
import shutil
from pathlib import Path

import pytest

from extractor import review

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -e '.[test]'")
CHROMIUM = shutil.which("chromium")
if CHROMIUM is None:
    pytest.skip("no browser: Debian's chromium package is not installed (apt-get install chromium; "
                "`make test` installs it when run as root)", allow_module_level=True)

EXAMPLE = Path(__file__).resolve().parents[1] / "corpus" / "d000.txt"
VIEWPORT = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def example(loaded, tmp_path_factory):
    """The example article's record and its page, on disk as a reviewer opens it."""
    text = EXAMPLE.read_text(encoding="utf-8")
    record = loaded.extract(text, published="2024-07-31", source={"path": "corpus/d000.txt"})
    page = tmp_path_factory.mktemp("review") / "d000.html"
    page.write_text(review.render_html(record, text), encoding="utf-8")
    return record, page


def in_view(page, selector: str) -> bool:
    """Whether the element is inside both the window and the article's scrolled pane."""
    return page.eval_on_selector(selector, """element => {
        const box = element.getBoundingClientRect(), pane = document.getElementById("article").getBoundingClientRect();
        return box.height > 0 && box.top >= Math.max(0, pane.top) && box.bottom <= Math.min(innerHeight, pane.bottom);
    }""")


def test_clicking_a_person_marks_their_mentions_and_scrolls_to_them(browser, example, tmp_path):
    record, path = example
    person = 1  # the second person: the first's mention is the one the page shows on opening
    mentions = [fact.id for fact in review.facts(record)[0] if fact.where.startswith(f"people[{person}].mentions")]
    first = f"#{mentions[0]}"
    page = browser.new_page(viewport=VIEWPORT)
    fetched = []
    page.route("**/*", lambda route: (fetched.append(route.request.url), route.abort())
               if not route.request.url.startswith("file:") else route.continue_())
    page.goto(path.as_uri())
    page.eval_on_selector("#article", "pane => pane.scrollTop = pane.scrollHeight")
    assert not in_view(page, first)
    assert page.locator("mark.marked").count() == 0

    page.locator("tr.person").nth(person).locator("strong").click()

    assert in_view(page, first)
    marked = page.eval_on_selector_all("mark.marked", "marks => marks.map(m => m.dataset.fact)")
    assert sorted(set(marked)) == sorted(mentions)
    assert "marked" in page.get_attribute(first, "class").split()

    page.hover(first)
    tip = page.locator("#tip")
    assert tip.is_visible()
    assert f"person: {record.people[person].name} (rule {record.people[person].mentions[0].rule})" in tip.inner_text()

    screenshot = Path(os.environ.get("EXTRACTOR_SCREENSHOT") or tmp_path / "review.png")
    page.screenshot(path=screenshot)
    assert screenshot.read_bytes().startswith(b"\x89PNG")
    assert fetched == []  # nothing but the file itself: the page works with no network
    page.close()
