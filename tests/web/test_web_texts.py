"""The page practises what it preaches: its own Danish passes letterlab's rules.

Collects every sentence a user can read on the pages (without the rule files'
own texts and examples, which quote bad Danish on purpose) and every message
the scripts and the API can show, and runs them through ``analyse``.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

STRICT_CATEGORIES = ("passive", "jargon", "address", "nominalisation")
SKIP_TAGS = {"script", "style", "code", "textarea"}


class VisibleText(HTMLParser):
    """Text nodes a reader sees, leaving out rule content (``data-rule-content``) and code."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("input", "img", "meta", "link", "br", "hr"):
            return
        a = dict(attrs)
        skip = tag in SKIP_TAGS or "data-rule-content" in a or (self.stack and self.stack[-1][1])
        self.stack.append((tag, bool(skip)))
        for key in ("aria-label", "title", "placeholder"):
            if a.get(key) and not skip:
                self.parts.append(a[key])

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][1]:
            return
        if data.strip():
            self.parts.append(data.strip())


def page_texts(client) -> list[str]:
    out = []
    for path in ("/", "/sammenlign", "/regler", "/findes-ikke"):
        p = VisibleText()
        p.feed(client.get(path).get_data(as_text=True))
        out.extend(p.parts)
    return out


def message_texts() -> list[str]:
    from letterlab_web.app import HTTP_MESSAGES
    from letterlab_web.inputs import FIELD_NAMES, MSG
    from letterlab_web.present import CATEGORY_LABELS, SCORE_LABELS, SEVERITY_LABELS, VERDICT_LABELS
    from letterlab_web.texts import UI_TEXTS

    sample = {"name": "brev.docx", "n": "3", "before": "40", "after": "62", "text": "din", "categories": "Passiv",
              "title": "Lange sætninger", "target": "40", "pct": "20", "words": "210", "sentences": "14",
              "field": "text", "choices": "brev, fagfolk", "time": "ca. 2 minutter"}
    out = [s.format(**sample) for s in list(UI_TEXTS.values()) + list(MSG.values())]
    out += list(HTTP_MESSAGES.values()) + list(FIELD_NAMES.values())
    out += [v for d in CATEGORY_LABELS.values() for v in d.values()]
    out += list(SEVERITY_LABELS.values()) + list(SCORE_LABELS.values()) + list(VERDICT_LABELS.values())
    return out


def as_letter(strings: list[str]) -> str:
    """One paragraph per string, so no sentence runs into the next."""
    seen, paras = set(), []
    for s in strings:
        s = re.sub(r"\s+", " ", s).strip()
        if s and s not in seen and re.search(r"[a-zæøå]", s):
            seen.add(s)
            paras.append(s)
    return "\n\n".join(paras)


@pytest.fixture(scope="module")
def ui_report(client, app):
    from letterlab.core import analyse

    engine = app.extensions["letterlab"]
    text = as_letter(page_texts(client) + message_texts())
    return analyse(text, engine.rules, nlp=engine.nlp, model=engine.model)


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


def test_the_collector_sees_the_page_and_not_the_rule_examples(client):
    texts = page_texts(client)
    assert "Tjek brevet" in texts and "Sammenlign" in texts
    assert "Gå til indholdet" in texts
    assert not any("Under henvisning til" in t for t in texts)   # a rule example, not our own text


def test_page_texts_have_no_passive_jargon_or_formal_address(ui_report):
    assert not [n for n in ui_report.notices if n["code"] in ("not_danish", "empty")]
    bad = [f"{f.category} ({f.rule}): {f.text!r} – {f.message}"
           for f in ui_report.findings if f.category in STRICT_CATEGORIES]
    assert not bad, "\n".join(bad)


def test_page_texts_have_short_sentences(ui_report):
    long = [f.text for f in ui_report.findings if f.category == "sentence_length"]
    assert not long, long
