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


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Kære Anna\n\nDu får hjælp til din husleje fra den 1. maj. Vi udbetaler pengene hver måned.",
    "Kære Anna,", "Kære Anna,\n\nMed venlig hilsen\nBo Jensen", "Kære Anna\n\n{brevtekst}\n\nMed venlig hilsen\nBo",
    "{navn}\n{adresse}", "", "Dear Anna, we have received your application and will reply within a week.",
    "Уважаемый господин Иванов, ваше заявление одобрено.", "\x00\x01\x02" * 100,
])
def test_a_letter_has_no_score_exactly_when_it_has_an_unscored_notice(nlp, text):
    """One list (core.UNSCORED) tells every door which notices mean "no score"; it must match the scores."""
    from letterlab.core import UNSCORED

    report = analyse(text, nlp=nlp)
    codes = [n["code"] for n in report.notices]
    assert (report.scores.get("overall") is None) == any(c in UNSCORED for c in codes), codes
    assert len(codes) == len(set(codes))      # each notice once ("no_body" came twice)
