"""The page in a real (headless) Chromium against a live waitress server on 127.0.0.1.

Each test leaves a screenshot in test-artifacts/screenshots/ to look at.
"""
from __future__ import annotations

import pytest

from webutil import make_docx

pytestmark = [pytest.mark.browser]

WAIT = 30


def wait_for(drv, condition, timeout=WAIT):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(drv, timeout).until(condition)


def visible(drv, css):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC

    return wait_for(drv, EC.visibility_of_element_located((By.CSS_SELECTOR, css)))


def q(drv, css):
    from selenium.webdriver.common.by import By

    return drv.find_element(By.CSS_SELECTOR, css)


def qa(drv, css):
    from selenium.webdriver.common.by import By

    return drv.find_elements(By.CSS_SELECTOR, css)


def set_text(drv, css, text):
    """Put text in a textarea as a paste would (send_keys is slow for whole letters)."""
    el = q(drv, css)
    drv.execute_script(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", el, text)
    return el


def overall(drv) -> int:
    return int(q(drv, "#score-overall").text)


def js_errors(drv) -> list[str]:
    try:
        logs = drv.get_log("browser")
    except Exception:
        return []
    # 4xx answers to bad input show up as "Failed to load resource"; they are expected, script errors are not
    return [e["message"] for e in logs if e.get("level") == "SEVERE" and "Failed to load resource" not in e["message"]]


def letter_text(drv) -> str:
    """The letter as shown, without the sentence chips (buttons drawn inside the text)."""
    return drv.execute_script(
        "var c = document.getElementById('letter').cloneNode(true);"
        "c.querySelectorAll('.sent-chip').forEach(function (n) { n.remove(); }); return c.textContent;")


def analyse_letter(drv, url, text):
    drv.get(url + "/")
    set_text(drv, "#text", text)
    q(drv, "#analyse-button").click()
    visible(drv, "#letter mark.hl")
    wait_for(drv, lambda d: q(d, "#analyse-button").is_enabled())


def test_analyse_page_shows_highlights_scores_and_findings(browser, live_server, letter, screenshot):
    drv = browser
    drv.get(live_server + "/")
    assert drv.find_element("css selector", "html").get_attribute("lang") == "da"
    screenshot(drv, "01-analyser-tom")
    analyse_letter(drv, live_server, letter)
    marks = qa(drv, "#letter mark.hl")
    assert len(marks) >= 5
    # the letter shown is the letter sent, character for character
    assert q(drv, "#letter").get_attribute("textContent").replace("\u2195", "") != ""
    assert "Under henvisning til" in q(drv, "#letter").text
    # scores
    assert 0 <= overall(drv) <= 100
    assert "LIX" in q(drv, "#scores").text
    # findings grouped by category, each group a heading with a count
    groups = qa(drv, "#findings .finding-group h3")
    assert any("Passiv" in g.text for g in groups)
    assert any("Kancellisprog" in g.text for g in groups)
    # more than colour: every highlight carries its category letter and a line style
    styles = {drv.execute_script("return getComputedStyle(arguments[0]).textDecorationStyle", m) for m in marks}
    assert len(styles) >= 2
    assert all(m.get_attribute("data-mark") for m in marks)
    screenshot(drv, "02-analyser-resultat")
    assert not js_errors(drv)


def open_mark_with_suggestion(drv):
    """Open highlights one by one (closing each card) until one offers a suggestion; returns the mark."""
    from selenium.webdriver.common.keys import Keys

    for mark in qa(drv, "#letter mark.hl"):
        drv.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
        mark.click()
        visible(drv, "#detail")
        if qa(drv, "#detail .apply-one"):
            return mark
        drv.switch_to.active_element.send_keys(Keys.ESCAPE)
        wait_for(drv, lambda d: not q(d, "#detail").is_displayed())
    raise AssertionError("no highlight offers a suggestion")


def test_open_finding_and_apply_a_suggestion(browser, live_server, letter, screenshot):
    drv = browser
    analyse_letter(drv, live_server, letter)
    before_score = overall(drv)
    before_text = q(drv, "#letter").text
    # open a finding from the list: the card shows the message and "Hvorfor?"
    buttons = qa(drv, "#findings .finding-button")
    assert buttons
    buttons[0].click()
    panel = visible(drv, "#detail")
    assert "Ignorér" in panel.text
    q(drv, "#detail-close").click()
    open_mark_with_suggestion(drv)
    screenshot(drv, "03-analyser-forslag")
    replacement = q(drv, "#detail .suggestion ins").text if qa(drv, "#detail .suggestion ins") else ""
    q(drv, "#detail .apply-one").click()
    wait_for(drv, lambda d: "score" in q(d, "#status").text.lower())
    after_text = q(drv, "#letter").text
    assert after_text != before_text
    if replacement:
        assert replacement in after_text
    after_score = overall(drv)
    status = q(drv, "#status").text
    if after_score == before_score:
        assert f"stadig {after_score}" in status
    else:
        assert f"fra {before_score} til {after_score}" in status
    # the change is marked in the letter and has reached the text box
    assert qa(drv, "#letter .changed")
    assert q(drv, "#text").get_attribute("value") == letter_text(drv)
    # "Tjek brevet" checks the changed text: same score, and "Fortryd" still works
    q(drv, "#analyse-button").click()
    wait_for(drv, lambda d: "tjekket" in q(d, "#status").text)
    assert overall(drv) == after_score
    assert replacement in q(drv, "#letter").text
    assert q(drv, "#undo").is_enabled()
    q(drv, "#undo").click()
    wait_for(drv, lambda d: q(d, "#letter").text == before_text)
    assert overall(drv) == before_score
    assert q(drv, "#text").get_attribute("value") == letter
    assert not js_errors(drv)


def test_apply_all_safe_suggestions_counts_agree(browser, live_server, letter, screenshot):
    import re

    drv = browser
    analyse_letter(drv, live_server, letter)
    before_score = overall(drv)
    button = q(drv, "#apply-safe")
    assert button.is_enabled(), "the corpus letter should have safe suggestions"
    offered = int(re.search(r"\((\d+)\)", button.text).group(1))
    button.click()
    wait_for(drv, lambda d: "sikre forslag" in q(d, "#status").text or "sikkert forslag" in q(d, "#status").text)
    status = q(drv, "#status").text
    used = int(re.search(r"brugt (\d+)", status).group(1))
    assert used == offered
    after = overall(drv)
    assert after > before_score
    assert f"fra {before_score} til {after}" in status
    assert qa(drv, "#letter .changed")
    assert q(drv, "#text").get_attribute("value") == letter_text(drv)
    from letterlab.rewrite.guard import mixed_address

    assert not mixed_address(letter_text(drv))          # safe suggestions never leave "De" and "du" side by side
    screenshot(drv, "04-analyser-efter-sikre")


def test_card_opens_next_to_the_word(browser, live_server, letter, screenshot):
    drv = browser
    analyse_letter(drv, live_server, letter)
    mark = open_mark_with_suggestion(drv)
    card = q(drv, "#detail")
    m, c = mark.rect, card.rect
    assert c["width"] <= 450
    assert 0 <= c["y"] - (m["y"] + m["height"]) <= 40          # just below the word
    # the suggestion comes first: "Brug" before "Ignorér" before "Hvorfor?"
    html = card.get_attribute("innerHTML")
    assert html.index("apply-one") < html.index("ignore")
    if "Hvorfor?" in card.text:
        assert html.index("ignore") < html.index("Hvorfor?")
    screenshot(drv, "09-kort-ved-ordet")


def test_card_on_a_phone(browser, live_server, letter, screenshot):
    drv = browser
    drv.set_window_size(390, 844)
    try:
        analyse_letter(drv, live_server, letter)
        mark = open_mark_with_suggestion(drv)
        card = q(drv, "#detail")
        view_h = drv.execute_script("return window.innerHeight")
        view_w = drv.execute_script("return document.documentElement.clientWidth")
        top = drv.execute_script("return arguments[0].getBoundingClientRect().top", card)
        mark_bottom = drv.execute_script("return arguments[0].getBoundingClientRect().bottom", mark)
        assert 0 <= top < view_h and top >= mark_bottom - 1         # on screen, under the word
        assert card.rect["width"] <= view_w
        assert not drv.execute_script("return document.documentElement.scrollWidth > document.documentElement.clientWidth")
        screenshot(drv, "10-kort-paa-telefon")
    finally:
        drv.set_window_size(1366, 1000)


def test_ignore_and_switch_off_a_rule_then_undo(browser, live_server, letter):
    drv = browser
    analyse_letter(drv, live_server, letter)
    total = len(qa(drv, "#findings .finding-button"))
    qa(drv, "#findings .finding-button")[0].click()
    visible(drv, "#detail .ignore").click()
    wait_for(drv, lambda d: len(qa(d, "#findings .finding-button")) == total - 1)
    hidden = visible(drv, "#hidden-findings")
    assert "Vis igen" in hidden.text
    # switch a whole rule off: every finding of that rule goes
    first = qa(drv, "#findings .finding-button")[0]
    first.click()
    visible(drv, "#detail .switch-off").click()
    wait_for(drv, lambda d: len(qa(d, "#hidden-findings .show-again")) == 2)
    fewer = len(qa(drv, "#findings .finding-button"))
    assert fewer < total - 1
    assert "slået" in q(drv, "#hidden-findings").text
    # nothing went to the server: both come back with "Vis igen"
    for _ in range(2):
        qa(drv, "#hidden-findings .show-again")[0].click()
    wait_for(drv, lambda d: len(qa(d, "#findings .finding-button")) == total)
    assert not q(drv, "#hidden-findings").is_displayed()


def test_findings_are_sorted_by_severity(browser, live_server):
    drv = browser
    text = ("Kære Anna\n\nVi har modtaget din ansøgning om boligstøtte. Dit CPR-nummer er 010203-1234. "
            "Under henvisning til ovennævnte skal du bedes indsende dokumentation for din husleje.\n\n"
            "Med venlig hilsen\nBorgerservice")
    analyse_letter(drv, live_server, text)
    ranks = {"error": 0, "warning": 1, "info": 2}
    sev = [ranks[b.get_attribute("data-severity")] for b in qa(drv, "#findings .finding-button")]
    groups = qa(drv, "#findings .finding-group")
    firsts = [ranks[g.find_element("css selector", ".finding-button").get_attribute("data-severity")] for g in groups]
    assert firsts == sorted(firsts)
    for g in groups:
        inner = [ranks[b.get_attribute("data-severity")] for b in g.find_elements("css selector", ".finding-button")]
        assert inner == sorted(inner)
    assert sev


def test_download_after_accepting_fixes(browser, live_server, letter, tmp_path):
    drv = browser
    drv.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    analyse_letter(drv, live_server, letter)
    q(drv, "#apply-safe").click()
    wait_for(drv, lambda d: "brugt" in q(d, "#status").text)
    fixed = letter_text(drv)
    assert fixed != letter
    for fmt in ("txt", "docx"):
        q(drv, f'#download-form button[value="{fmt}"]').click()
        path = wait_for(drv, lambda d: next(iter(tmp_path.glob(f"*.{fmt}")), None))
        wait_for(drv, lambda d: path.stat().st_size > 0 and not list(tmp_path.glob("*.crdownload")))
        if fmt == "txt":
            assert path.read_text(encoding="utf-8") == fixed
        else:
            from letterlab.readers import read_document

            assert read_document(str(path)).text.split()[:5] == fixed.split()[:5]
    # the page is still there with the work on it
    assert letter_text(drv) == fixed
    assert not drv.title.startswith("Noget gik galt")


def test_without_javascript_analyse_and_download(browser, live_server, letter, tmp_path, screenshot):
    drv = browser
    drv.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    drv.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        drv.get(live_server + "/")
        area = q(drv, "#text")
        area.send_keys(letter[:600])
        q(drv, "#analyse-button").click()
        wait_for(drv, lambda d: qa(d, "#result mark.hl"))
        assert not drv.title.startswith("Noget gik galt")
        assert not q(drv, "#form-error").is_displayed()
        assert qa(drv, "#findings .finding-static")
        assert 0 <= int(q(drv, "#scores .big").text) <= 100
        screenshot(drv, "11-uden-javascript")
        q(drv, '#download-form button[value="txt"]').click()
        path = wait_for(drv, lambda d: next(iter(tmp_path.glob("*.txt")), None))
        wait_for(drv, lambda d: path.stat().st_size > 0 and not list(tmp_path.glob("*.crdownload")))
        assert path.read_text(encoding="utf-8").split() == letter[:600].split()
    finally:
        drv.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_keyboard_reaches_and_opens_a_highlight(browser, live_server, letter):
    from selenium.webdriver.common.keys import Keys

    drv = browser
    analyse_letter(drv, live_server, letter)
    first = qa(drv, "#letter mark.hl")[0]
    assert first.get_attribute("tabindex") == "0"
    assert first.get_attribute("role") == "button"
    # Tab from the element before the letter lands on a highlight or a sentence chip
    drv.execute_script("document.getElementById('copy').focus()")
    active = drv.switch_to.active_element
    for _ in range(3):
        active.send_keys(Keys.TAB)
        active = drv.switch_to.active_element
        if active.get_attribute("data-cluster") or "sent-chip" in (active.get_attribute("class") or ""):
            break
    assert active.get_attribute("data-cluster") or "sent-chip" in active.get_attribute("class")
    # the focus is visible (an outline)
    outline = drv.execute_script("return getComputedStyle(arguments[0]).outlineStyle", active)
    assert outline != "none"
    active.send_keys(Keys.ENTER)
    panel = visible(drv, "#detail")
    assert panel.text
    # Escape closes the panel and gives the focus back
    drv.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait_for(drv, lambda d: not q(d, "#detail").is_displayed())


def test_docx_upload(browser, live_server, letter_docx, tmp_path, screenshot):
    drv = browser
    path = tmp_path / "Afgørelse <img src=x onerror=window.__xss=3> støtte.docx"
    path.write_bytes(letter_docx)
    drv.get(live_server + "/")
    q(drv, "#file").send_keys(str(path))
    status = visible(drv, "#file-status")
    assert "<img src=x onerror=window.__xss=3>" in status.text     # shown as text, not as markup
    assert not qa(drv, "#file-status img")
    q(drv, "#analyse-button").click()
    visible(drv, "#letter mark.hl")
    assert "Under henvisning til" in q(drv, "#letter").text
    assert "<img src=x onerror=window.__xss=3>" in q(drv, "#letter-source").text
    assert drv.execute_script("return window.__xss === undefined")
    screenshot(drv, "05-analyser-docx")


def test_bad_input_shows_a_danish_message(browser, live_server, tmp_path):
    drv = browser
    drv.get(live_server + "/")
    q(drv, "#analyse-button").click()
    err = visible(drv, "#form-error")
    assert "tom" in err.text
    set_text(drv, "#text", "This is a letter in English. We will look at your application and get back to you "
                           "as soon as we can. Thank you for your patience with us.")
    q(drv, "#analyse-button").click()
    wait_for(drv, lambda d: "dansk" in q(d, "#form-error").text)
    fake = tmp_path / "brev.docx"
    fake.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    q(drv, "#file").send_keys(str(fake))
    q(drv, "#analyse-button").click()
    wait_for(drv, lambda d: "PDF" in q(d, "#form-error").text or "pdf" in q(d, "#form-error").text)


def test_xss_in_the_letter_stays_text(browser, live_server):
    drv = browser
    payload = ('Kære <img src=x onerror="window.__xss=1"> Anna\n\nDu skal bedes indsende <script>window.__xss=2</script> '
               'dokumentationen. Ansøgningen behandles hurtigst muligt af kommunen, og afgørelsen fremsendes til dig.')
    analyse_letter(drv, live_server, payload)
    assert drv.execute_script("return window.__xss === undefined")
    assert not qa(drv, "#letter img") and not qa(drv, "#letter script")
    assert "<img src=x" in q(drv, "#letter").text


def test_compare_side_by_side(browser, live_server, letter, letter_after, screenshot):
    drv = browser
    drv.get(live_server + "/sammenlign")
    screenshot(drv, "06-sammenlign-tom")
    set_text(drv, "#before", letter)
    set_text(drv, "#after", letter_after)
    q(drv, "#compare-button").click()
    visible(drv, "#diff-after ins")
    assert qa(drv, "#diff-before del")
    assert int(q(drv, "#overall-after").text) > int(q(drv, "#overall-before").text)
    rows = qa(drv, "#category-rows tbody tr")
    assert rows
    assert qa(drv, "#rule-rows tbody tr")
    assert any("Bedre" in r.text for r in rows)
    screenshot(drv, "07-sammenlign-resultat")
    assert not js_errors(drv)


def test_compare_with_uploads(browser, live_server, letter, letter_after, tmp_path):
    drv = browser
    b, a = tmp_path / "foer.docx", tmp_path / "efter.docx"
    b.write_bytes(make_docx(letter.split("\n\n")))
    a.write_bytes(make_docx(letter_after.split("\n\n")))
    drv.get(live_server + "/sammenlign")
    q(drv, "#before_file").send_keys(str(b))
    q(drv, "#after_file").send_keys(str(a))
    q(drv, "#compare-button").click()
    visible(drv, "#diff-after ins")


def test_rules_page(browser, live_server, screenshot):
    drv = browser
    drv.get(live_server + "/regler")
    themes = qa(drv, "section.theme")
    assert len(themes) >= 3
    assert qa(drv, "article.rule .example-list.flag li")
    screenshot(drv, "08-regler")
    # opening a rule's examples marks the words the rule finds
    first = qa(drv, "article.rule")[0]
    first.find_element("css selector", "details.rule-more summary").click()
    wait_for(drv, lambda d: first.find_elements("css selector", ".example-list.flag mark.example-mark"))
    wait_for(drv, lambda d: first.find_element("css selector", ".example-marks").is_displayed())
    total = len(qa(drv, "article.rule"))
    from selenium.webdriver.support.ui import Select

    Select(q(drv, "#kategori")).select_by_value("passive")
    q(drv, "#filter-button").click()
    wait_for(drv, lambda d: "kategori=passive" in d.current_url)
    shown = qa(drv, "article.rule")
    assert 0 < len(shown) < total
    assert f"Vi viser {len(shown)} af {total}" in q(drv, "#filter-count").text
    set_text(drv, "#q", "zzzqqqxx")
    q(drv, "#filter-button").click()
    wait_for(drv, lambda d: "Ingen regler passer" in d.page_source)


def test_skip_link_is_first_and_works(browser, live_server):
    from selenium.webdriver.common.keys import Keys

    drv = browser
    drv.get(live_server + "/")
    q(drv, "body").send_keys(Keys.TAB)
    active = drv.switch_to.active_element
    assert active.get_attribute("class") == "skip-link"
    assert active.is_displayed()
    active.send_keys(Keys.ENTER)
    assert drv.switch_to.active_element.get_attribute("id") == "main"
