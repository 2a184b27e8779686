"""E-mail addresses (``persondata.email``), round 16: the sender's own mailbox on a domain spelt in ASCII."""
from __future__ import annotations

import pytest

from letterlab.checks.privacy import _ascii_spellings, _senders_domain
from letterlab.core import analyse
from letterlab.ruleset import default_ruleset

LETTER = ("Ærøby Kommune\nSkole og Fritid\n\n{{navn}}\n{{adresse}}\n\nDin plads i skolen\n\nKære {{navn}}\n\n"
          "Vi har plads til dit barn fra 1. august. Skriv til {address}, hvis du har spørgsmål.\n\n"
          "Med venlig hilsen\nLone Holm\n")


def test_ascii_spellings_of_danish_letters():
    assert {"aeroby", "aroby", "eroby", "aeroeby", "aroeby", "eroeby"} == _ascii_spellings("Ærøby")
    assert "aabyhoj" in _ascii_spellings("Åbyhøj")


@pytest.mark.parametrize("address,own", [
    ("skole@aeroby.dk", True), ("skole@aeroeby.dk", True), ("post@aerobykommune.dk", True),
    ("skole@aabenraa.dk", False), ("anne.holm@gmail.com", False),
])
def test_senders_domain_in_ascii(address, own):
    assert _senders_domain(LETTER.format(address=address), address) is own


@pytest.mark.model
def test_a_shared_mailbox_of_the_municipality_is_no_personal_data(nlp):
    def found(address):
        return [f for f in analyse(LETTER.format(address=address), default_ruleset(), nlp=nlp).findings
                if f.rule == "persondata.email"]
    assert found("skole@aeroby.dk") == []
    # the hard negative: a citizen's own address in the text is still flagged
    own = LETTER.replace("Skriv til {address}, hvis du har spørgsmål.", "Vi sender en kopi til din e-mail, {address}.")
    assert [f.rule for f in analyse(own.format(address="anne.holm@gmail.com"), default_ruleset(), nlp=nlp).findings
            if f.rule == "persondata.email"] == ["persondata.email"]
