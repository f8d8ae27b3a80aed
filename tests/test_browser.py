"""A real browser on the server: headless Chromium (Debian's ``chromium``, driven by Playwright with the
browser of the system; never ``playwright install``) loads the home page, a report and an activity, checks
the visible text and that every chart has its bars, follows links, and saves screenshots as artifacts in
``artifacts/browser/`` (``RSCAO_ARTIFACTS`` moves them). Skipped, saying why, where no browser is installed."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(os.environ.get("RSCAO_ARTIFACTS", Path(__file__).resolve().parent.parent / "artifacts")) / "browser"

if CHROMIUM is None:
    pytest.skip("no Chromium installed (apt-get install chromium; .ci/run does)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install '.[test]')")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def visible_bars(page: Any, chart: str) -> int:
    bars = page.locator(f"figure#{chart} svg rect.bar")
    return sum(1 for i in range(bars.count()) if (box := bars.nth(i).bounding_box()) and box["width"] > 0
               and box["height"] > 0)


def test_browse_from_the_home_page_to_an_activity_its_report_and_its_organisation(page: Any, server_root: str) -> None:
    page.goto(server_root)
    assert page.title() == "Home · RSCAO linked data"
    assert page.locator("h1").inner_text() == "IFLA RSCAO sub-regional reports as linked data"
    counts = page.locator("ul.counts").inner_text().split()
    assert counts[:4] == ["1", "report", "12", "activities"]
    assert [visible_bars(page, c) for c in ("chart-directions", "chart-initiatives", "chart-months")] == [8, 8, 4]
    assert page.locator("figure#chart-directions svg text", has_text="China (CN)").count() == 1
    page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)

    page.click("text=Bi-annual sub-regional report: North East Asia, 2019-09 to 2020-03")
    assert page.url == server_root + "report/north-east-asia/2019-09--2020-03/index.html"
    assert page.locator("h1").inner_text() == "Bi-annual sub-regional report: North East Asia, 2019-09 to 2020-03"
    assert page.locator("table.header").inner_text().splitlines()[2] == "Convenor\tChen Ying"
    assert page.locator("article.activity").count() == 12
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    page.emulate_media(media="print")
    assert not page.locator("header.site").is_visible()
    page.screenshot(path=str(ARTIFACTS / "report-print.png"), full_page=True)
    page.emulate_media(media="screen")

    page.click("text=#1 International Symposium on “Libraries • Keeping Pace with the Times”")
    assert page.url == server_root + "report/north-east-asia/2019-09--2020-03/activity/cn-1/index.html"
    assert page.locator("h1").inner_text() == "International Symposium on “Libraries • Keeping Pace with the Times”"
    assert page.locator("figure.source figcaption").inner_text().startswith(
        "north-east-asia-2019-09--2020-03.md, lines 52–54, characters 3515–4824")
    page.screenshot(path=str(ARTIFACTS / "activity.png"), full_page=True)

    page.click("table.properties a:has-text('National Library of China') >> nth=0")
    assert page.url == server_root + "org/national-library-of-china/index.html"
    assert page.locator("h1").inner_text() == "National Library of China"
    assert "Wikidata Q732353" in page.locator("#authority + ul").inner_text()
    page.screenshot(path=str(ARTIFACTS / "organisation.png"), full_page=True)

    page.go_back()
    page.click("table.properties a:has-text('Bi-annual sub-regional report') >> nth=0")
    assert page.url == server_root + "report/north-east-asia/2019-09--2020-03/index.html"


def test_a_stored_query_runs_from_its_form(page: Any, server_root: str) -> None:
    page.goto(server_root + "queries/index.html")
    page.click("text=activities-of-country")
    page.fill("#param-country", "MN")
    page.click("button[name=run]")
    assert page.url == server_root + "queries/activities-of-country/?country=MN&run=1"
    assert page.locator("#results").inner_text().startswith("Results")
    assert page.locator("table.data tbody tr").count() == 2
    page.screenshot(path=str(ARTIFACTS / "query.png"), full_page=True)
