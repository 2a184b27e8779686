"""A list item under a reminder heading ("Husk" over "- Stil containeren frem senest kl. 7") is a detail of the
message, never the late message to move first (late session-13 fix: a blind reviewer's information letter had such
an item picked as its late message; letters of our own in the same shape did not reach that branch, so the test is
of the reading itself). A list under a plain sub-heading still counts."""
from __future__ import annotations

from letterlab.checks import message


def test_only_list_items_under_a_reminder_heading_are_passed_over():
    text = "Intro.\n\nHusk\n- Læg nøglen frem senest kl. 7.30.\n- Ring til os.\n\nPraktisk\n- Send skemaet senest 1. maj.\n"
    at = text.index
    assert message._under_reminder_heading(text, at("Læg"))
    assert message._under_reminder_heading(text, at("- Ring"))
    assert not message._under_reminder_heading(text, at("Send"))          # a plain sub-heading
    assert not message._under_reminder_heading(text, at("Intro"))         # not a list item
    assert not message._under_reminder_heading("Husk at sende skemaet.\nSend det senest 1. maj.\n", 23)
