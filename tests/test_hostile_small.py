"""Smaller hostile inputs: other scripts, a letter without a body, HTML nested too deeply for the parser."""
from __future__ import annotations

import pytest

from letterlab.core import analyse, precheck
from letterlab.readers import read_document


@pytest.mark.parametrize("text", ["Κύριε Παπαδόπουλε, σας ενημερώνουμε ότι η αίτησή σας εγκρίθηκε.",
                                  "Уважаемый господин Иванов, ваше заявление одобрено."])
def test_greek_or_cyrillic_only_is_not_danish_not_placeholders(text):
    assert precheck(text)["code"] == "not_danish"


def test_placeholders_only_still_says_so():
    assert precheck("{navn}\n{adresse}")["code"] == "placeholders_only"


@pytest.mark.model
@pytest.mark.parametrize("text", ["Kære Anna Hansen,", "Kære Anna,\n\nMed venlig hilsen\nBo Jensen"])
def test_a_letter_without_a_body_gets_no_score(nlp, text):
    report = analyse(text, nlp=nlp)
    assert report.scores["overall"] is None
    assert "no_body" in [n["code"] for n in report.notices]


@pytest.mark.parametrize("tag", ["div", "span"])
def test_html_nested_too_deeply_is_read_not_empty(tag):
    html = f"<{tag}>" * 100_000 + "<p>Kære Anna. Du får hjælp til husleje fra den 1. maj.</p>" + f"</{tag}>" * 100_000
    doc = read_document(data=html.encode(), filename="brev.html")
    assert "Du får hjælp til husleje" in doc.text
    assert doc.warnings
