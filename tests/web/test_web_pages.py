"""The HTML pages through Flask's test client: structure, accessibility basics, CSRF, escaping."""
from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest

from webutil import make_docx

PAGES = ["/", "/sammenlign", "/regler"]
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'


class Page(HTMLParser):
    """Collects the tags and attributes a test wants to look at."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.label_for: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "label" and a.get("for"):
            self.label_for.add(a["for"])


def parse(html: str) -> Page:
    p = Page()
    p.feed(html)
    return p


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


@pytest.mark.parametrize("path", PAGES)
def test_page_basics(client, path):
    resp = client.get(path)
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    page = parse(html)
    assert '<html lang="da">' in html
    # the skip link is the first link and points at <main id="main">
    first_link = next(a for t, a in page.tags if t == "a")
    assert first_link.get("href") == "#main" and first_link.get("class") == "skip-link"
    assert any(t == "main" and a.get("id") == "main" for t, a in page.tags)
    # every form control has a label
    for tag, a in page.tags:
        if "hidden" in a:
            continue
        if tag in ("textarea", "select") or (tag == "input" and a.get("type") not in ("hidden", "submit")):
            assert a.get("id") in page.label_for, f"{tag} {a} has no label"
    # the privacy promise is on every page
    assert "Vi gemmer ikke dine breve" in html


@pytest.mark.parametrize("path", PAGES)
def test_no_inline_script_style_or_external_resource(client, path):
    html = client.get(path).get_data(as_text=True)
    page = parse(html)
    for tag, a in page.tags:
        assert "style" not in a, f"inline style on {tag}"
        assert not any(k.startswith("on") for k in a), f"inline handler on {tag}"
        if tag == "script":
            assert a.get("src", "").startswith("/static/") or a.get("type") == "application/json"
        for attr in ("src", "href", "action"):
            v = a.get(attr) or ""
            assert not re.match(r"(https?:)?//", v), f"external resource {v}"


def test_static_files_are_served(client):
    for name in ("style.css", "common.js", "analyse.js", "compare.js", "favicon.svg"):
        assert client.get(f"/static/{name}").status_code == 200


def test_nav_marks_the_current_page(client):
    html = client.get("/sammenlign").get_data(as_text=True)
    assert re.search(r'href="/sammenlign"\s+aria-current="page"', html)


# --- forms without JavaScript, with CSRF ------------------------------------------

def test_form_post_without_token_is_refused(client, letter):
    resp = client.post("/", data={"text": letter})
    assert resp.status_code == 403
    html = resp.get_data(as_text=True)
    assert "Genindlæs siden" in html
    assert letter[:40] in html or "Genindlæs" in html


def test_form_post_with_a_wrong_token_is_refused(client, letter):
    client.get("/")
    assert client.post("/", data={"text": letter, "csrf_token": "gæt"}).status_code == 403


def test_form_post_from_another_site_is_refused(client, letter):
    token = csrf_of(client.get("/").get_data(as_text=True))
    resp = client.post("/", data={"text": letter, "csrf_token": token}, headers={"Origin": "https://evil.example"})
    assert resp.status_code == 403


def test_form_post_with_a_hidden_origin_from_this_site_is_accepted(client):
    """Chromium sends Origin: null under a strict referrer policy; Sec-Fetch-Site still says same-origin."""
    token = csrf_of(client.get("/").get_data(as_text=True))
    resp = client.post("/hent", data={"text": "Kære Anna", "format": "txt", "csrf_token": token},
                       headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})
    assert resp.status_code == 200
    assert resp.get_data(as_text=True) == "Kære Anna"


@pytest.mark.parametrize("site", [None, "cross-site", "same-site", "none"])
def test_form_post_with_a_hidden_origin_from_elsewhere_is_refused(client, site):
    token = csrf_of(client.get("/").get_data(as_text=True))
    headers = {"Origin": "null", **({"Sec-Fetch-Site": site} if site else {})}
    resp = client.post("/hent", data={"text": "Kære Anna", "format": "txt", "csrf_token": token}, headers=headers)
    assert resp.status_code == 403


def test_form_post_with_a_hidden_origin_still_needs_the_token(client):
    client.get("/")
    resp = client.post("/hent", data={"text": "Kære Anna", "format": "txt"},
                       headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})
    assert resp.status_code == 403


def test_form_post_renders_the_result_on_the_server(client, letter):
    token = csrf_of(client.get("/").get_data(as_text=True))
    resp = client.post("/", data={"text": letter, "csrf_token": token})
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert '<mark class="hl cat-' in html
    assert "Samlet score" in html
    assert 'id="initial-report"' in html


def test_form_post_errors_keep_the_text(client):
    token = csrf_of(client.get("/").get_data(as_text=True))
    text = "Hello, this is a letter written in English so that nobody here can read it at all, sorry."
    resp = client.post("/", data={"text": text, "csrf_token": token})
    assert resp.status_code == 422
    html = resp.get_data(as_text=True)
    assert "dansk" in html
    assert text in html


def test_xss_in_the_letter_is_escaped(client):
    token = csrf_of(client.get("/").get_data(as_text=True))
    text = f"Kære {XSS} Anna\n\nDu bedes fremsende dokumentationen. Ansøgningen behandles af kommunen."
    resp = client.post("/", data={"text": text, "csrf_token": token})
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert "<script>window.__xss" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    # the JSON for the script is escaped too (no "</script>" can end the data block early)
    data_block = html.split('id="initial-report">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data_block


def test_xss_in_a_file_name_is_escaped(client, letter):
    token = csrf_of(client.get("/").get_data(as_text=True))
    name = f"brev{XSS}.docx".replace("/", "")
    resp = client.post("/", data={"file": (io.BytesIO(make_docx(letter.split("\n\n"))), name), "csrf_token": token},
                       content_type="multipart/form-data")
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert "<script>window.__xss" not in html and "<img src=x" not in html


def test_xss_in_an_api_file_name_comes_back_as_json(api, letter):
    name = f"brev{XSS}.docx".replace("/", "")
    resp = api("/api/analyse", data={"file": (io.BytesIO(make_docx(letter.split("\n\n"))), name)})
    assert resp.status_code == 200
    assert resp.mimetype == "application/json"
    assert resp.headers["X-Content-Type-Options"] == "nosniff"


def test_download_form(client):
    token = csrf_of(client.get("/").get_data(as_text=True))
    resp = client.post("/hent", data={"text": "Du får hjælp.", "format": "docx", "name": "brev.docx",
                                      "csrf_token": token})
    assert resp.status_code == 200
    assert resp.headers["Content-Disposition"] == 'attachment; filename="brev-rettet.docx"'
    assert resp.data[:2] == b"PK"
    assert client.post("/hent", data={"text": "Du får hjælp.", "format": "txt"}).status_code == 403


def test_form_post_over_the_size_limit_is_413_in_danish(client):
    token = csrf_of(client.get("/").get_data(as_text=True))
    resp = client.post("/", data={"file": (io.BytesIO(b"x" * (11 * 1024 * 1024)), "brev.docx"), "csrf_token": token},
                       content_type="multipart/form-data")
    assert resp.status_code == 413
    assert "10 MB" in resp.get_data(as_text=True)


def test_compare_form_post(client, letter, letter_after):
    token = csrf_of(client.get("/sammenlign").get_data(as_text=True))
    resp = client.post("/sammenlign", data={"before": letter, "after": letter_after, "csrf_token": token})
    assert resp.status_code == 200, resp.get_data(as_text=True)[:500]
    html = resp.get_data(as_text=True)
    assert '<del class="diff-del">' in html and '<ins class="diff-ins">' in html


# --- rules page ------------------------------------------------------------------

def test_rules_page_lists_every_rule_by_theme(client, app):
    from letterlab.ruleset import THEMES

    html = client.get("/regler").get_data(as_text=True)
    rules = app.extensions["letterlab"].rules.rules
    for r in rules:
        assert f'id="regel-{r.id}"' in html
    positions = [html.find(f'id="tema-{t}"') for t in THEMES if any(r.theme == t for r in rules)]
    assert positions == sorted(positions) and min(positions) > 0


ORG_RULE = '''
[[rule]]
id = "fjordby.egne-ord"
kind = "wordlist"
category = "terms"
severity = "info"
theme = "fjordby"
title = "Fjordbys egne ord <script>window.__xss=1</script>"
message = "Skriv det ord, borgerne kender:"
explanation = """
Vi skriver "Borgerservice",
ikke "Borgerbetjeningen".
"""
examples = { flag = ["Kontakt Borgerbetjeningen i dag."], pass = ["Kontakt Borgerservice i dag."] }

[rule.params]
entries = [{ match = "borgerbetjening", replace = ["borgerservice"] }]
'''


def test_rules_page_shows_an_organisations_own_rules(tmp_path):
    from letterlab_web import create_app

    (tmp_path / "fjordby.toml").write_text(ORG_RULE, encoding="utf-8")
    app = create_app(rules_dirs=[tmp_path], warm_up=False)
    html = app.test_client().get("/regler").get_data(as_text=True)
    assert 'id="regel-fjordby.egne-ord"' in html
    assert 'id="tema-fjordby"' in html
    assert "Fjordbys egne ord &lt;script&gt;" in html
    assert "<script>window.__xss" not in html
    assert 'Vi skriver "Borgerservice", ikke "Borgerbetjeningen".' in html.replace("&#34;", '"')


def test_rules_page_search_and_filters(client, app):
    rules = app.extensions["letterlab"].rules.rules
    all_html = client.get("/regler").get_data(as_text=True)
    assert f"Vi viser {len(rules)} af {len(rules)} regler." in all_html
    some = next(r for r in rules if r.category == "passive")
    html = client.get("/regler?kategori=passive").get_data(as_text=True)
    n = sum(1 for r in rules if r.category == "passive")
    assert f"Vi viser {n} af {len(rules)} regler." in html and f'id="regel-{some.id}"' in html
    assert not any(f'id="regel-{r.id}"' in html for r in rules if r.category != "passive")
    sev = client.get("/regler?alvor=error").get_data(as_text=True)
    assert all(f'id="regel-{r.id}"' not in sev for r in rules if r.severity != "error")
    theme = rules[0].theme
    html = client.get(f"/regler?tema={theme}").get_data(as_text=True)
    assert all(f'id="regel-{r.id}"' not in html for r in rules if r.theme != theme)
    html = client.get("/regler", query_string={"q": some.id}).get_data(as_text=True)
    assert f'id="regel-{some.id}"' in html
    none = client.get("/regler?q=zzzqqqxx").get_data(as_text=True)
    assert "Ingen regler passer" in none
    # unknown filter values are ignored, and the search text is escaped
    odd = client.get("/regler", query_string={"alvor": "<x>", "q": "<script>"}).get_data(as_text=True)
    assert "<script>" not in odd.split("</head>")[1].replace('<script src="/static', "")
