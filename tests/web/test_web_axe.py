"""axe-core on every page and state, and on the audit report: no WCAG 2.1 A/AA violation.

axe-core comes from npm (tests/web/axe/package.json, installed by scripts/test.sh
with ``npm ci``); nothing is fetched while the tests run. The results go to
test-artifacts/axe.json, and the analyse timing for a 400-word letter to the log.
"""
from __future__ import annotations

import json
import logging
import time

import pytest

from testutil import CORPUS, ROOT
from test_web_browser import analyse_letter, open_mark_with_suggestion, q, qa, set_text, visible, wait_for

pytestmark = [pytest.mark.browser]

AXE = ROOT / "tests" / "web" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RESULTS: dict[str, int] = {}
log = logging.getLogger("letterlab.tests.axe")


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run scripts/test.sh (npm ci --prefix tests/web/axe)")
    return AXE.read_text(encoding="utf-8")


def run_axe(drv, source: str, name: str) -> list[dict]:
    if not drv.execute_script("return !!window.axe"):
        drv.execute_script(source)
    drv.set_script_timeout(60)
    result = drv.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        "  .then(function (r) { done(r.violations.map(function (v) { return {id: v.id, impact: v.impact,"
        "    help: v.help, nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' ') + ' ' +"
        "    (n.failureSummary || '').slice(0, 200); })}; })); },"
        "        function (e) { done([{id: 'axe-error', help: String(e), nodes: []}]); });", TAGS)
    RESULTS[name] = len(result)
    out = ROOT / "test-artifacts"
    out.mkdir(exist_ok=True)
    (out / "axe.json").write_text(json.dumps(RESULTS, indent=2), encoding="utf-8")
    return result


def assert_clean(drv, source, name):
    violations = run_axe(drv, source, name)
    assert not violations, f"{name}: " + json.dumps(violations, ensure_ascii=False, indent=1)


def letter_of_400_words(letter: str) -> str:
    words = letter.split()
    paragraphs = letter.split("\n\n")
    out, n = [], 0
    while n < 400:
        for p in paragraphs:
            out.append(p)
            n += len(p.split())
            if n >= 400:
                break
    assert len(words) > 50
    return "\n\n".join(out)


def test_analyse_page_states(browser, live_server, letter, axe_source):
    drv = browser
    drv.get(live_server + "/")
    assert_clean(drv, axe_source, "analysér, tom")
    q(drv, "#analyse-button").click()
    visible(drv, "#form-error")
    assert_clean(drv, axe_source, "analysér, fejl i formularen")
    # a 400-word letter: time from the click to the marks goes to the log (no assertion: machines are noisy)
    long_letter = letter_of_400_words(letter)
    drv.get(live_server + "/")
    set_text(drv, "#text", long_letter)
    t0 = time.perf_counter()
    q(drv, "#analyse-button").click()
    visible(drv, "#letter mark.hl")
    ms = (time.perf_counter() - t0) * 1000
    page_ms = drv.execute_script("return window.__letterlabTiming && window.__letterlabTiming.analyseMs")
    log.warning("analyse, %d words: %.0f ms from click to marks (page: %s ms)", len(long_letter.split()), ms,
                page_ms and round(page_ms))
    print(f"\nanalyse {len(long_letter.split())} words: {ms:.0f} ms click to marks (page timer: {page_ms and round(page_ms)} ms)")
    wait_for(drv, lambda d: q(d, "#analyse-button").is_enabled())
    assert_clean(drv, axe_source, "analysér, resultat")
    q(drv, ".legend-box summary").click()
    assert_clean(drv, axe_source, "analysér, forklaring åben")
    open_mark_with_suggestion(drv)
    why = qa(drv, "#detail details.why summary")
    if why:
        why[0].click()
    assert_clean(drv, axe_source, "analysér, kort ved ordet")
    q(drv, "#detail .ignore").click()
    visible(drv, "#hidden-findings")
    assert_clean(drv, axe_source, "analysér, skjulte fund")
    q(drv, "#apply-safe").click()
    wait_for(drv, lambda d: "brugt" in q(d, "#status").text)
    assert_clean(drv, axe_source, "analysér, efter rettelser")


def test_analyse_on_a_phone(browser, live_server, letter, axe_source):
    drv = browser
    drv.set_window_size(390, 844)
    try:
        analyse_letter(drv, live_server, letter)
        open_mark_with_suggestion(drv)
        assert_clean(drv, axe_source, "analysér, telefon, kort ved ordet")
    finally:
        drv.set_window_size(1366, 1000)


def test_analyse_without_javascript(browser, live_server, letter, axe_source):
    drv = browser
    drv.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        drv.get(live_server + "/")
        q(drv, "#text").send_keys(letter[:500])
        q(drv, "#analyse-button").click()
        wait_for(drv, lambda d: qa(d, "#result mark.hl"))
    finally:
        drv.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    assert_clean(drv, axe_source, "analysér uden JavaScript, resultat")


def test_compare_rules_and_error_pages(browser, live_server, letter, letter_after, axe_source):
    drv = browser
    drv.get(live_server + "/sammenlign")
    assert_clean(drv, axe_source, "sammenlign, tom")
    set_text(drv, "#before", letter)
    set_text(drv, "#after", letter_after)
    q(drv, "#compare-button").click()
    visible(drv, "#diff-after ins")
    assert_clean(drv, axe_source, "sammenlign, resultat")
    drv.get(live_server + "/regler")
    assert_clean(drv, axe_source, "regler")
    q(drv, "article.rule details.rule-more summary").click()
    wait_for(drv, lambda d: qa(d, "mark.example-mark"))
    assert_clean(drv, axe_source, "regler, eksempler med markeringer")
    drv.get(live_server + "/findes-ikke")
    assert_clean(drv, axe_source, "fejlside")


def test_audit_report(browser, tmp_path, axe_source):
    from letterlab.cli import main

    folder = tmp_path / "skabeloner"
    for i, name in enumerate(("01-saerlig-stoette-husleje", "02-el-scooter-afslag")):
        sub = folder / ("ydelser" if i == 0 else "hjaelpemidler")
        sub.mkdir(parents=True)
        (sub / f"{name}.txt").write_text((CORPUS / name / "before.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "tom.txt").write_text("", encoding="utf-8")
    out = tmp_path / "rapport"
    for _ in range(2):   # the second run has a trend and changes
        assert main(["audit", str(folder), "--out", str(out), "--history", str(tmp_path / "h.sqlite"),
                     "--no-cache", "--progress", "never"]) == 0
    drv = browser
    drv.get((out / "report.html").as_uri())
    assert_clean(drv, axe_source, "audit-rapport")
    for d in qa(drv, "details")[:3]:
        drv.execute_script("arguments[0].open = true", d)
    assert_clean(drv, axe_source, "audit-rapport, alt åbent")
