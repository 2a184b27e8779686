"""What the rewriting assistant says to a user passes letterlab's own rules (no passive, officialese, De-form)."""
from __future__ import annotations

import pytest

from letterlab.compare import CATEGORY_TITLES, SCORE_TITLES
from letterlab.core import analyse
from letterlab.rewrite import active, cli, message_first, split

BANNED = {"passive", "jargon", "address", "nominalisation"}
TEXTS = {
    "active.formula": active.NOTE_FORMULA,
    "active.agent": active.NOTE_AGENT,
    "active.vi": active.NOTE_DEFAULT.format(who="os"),
    "active.du": active.NOTE_DEFAULT.format(who="dig"),
    "split": split.NOTE,
    "move": message_first.NOTE_MOVE,
    "heading": message_first.NOTE_HEADING + " Slet den gamle overskrift, når du har flyttet tallene.",
    "cli.summary": " ".join([cli.MSG_LETTER, cli.MSG_CHANGES, cli.MSG_NO_CHANGES,
                             cli.MSG_SUMMARY.format(n=12, safe=7, used=5, mode="safe"),
                             cli.MSG_SAVED.format(path="noget")]),
    "cli.save": cli.MSG_CANNOT_SAVE.format(why="noget"),
    "cli.open": cli.MSG_CANNOT_OPEN.format(why="noget"),
    "compare.titles": ". ".join(list(CATEGORY_TITLES.values()) + list(SCORE_TITLES.values())) + ".",
}


@pytest.mark.model
@pytest.mark.parametrize("where", sorted(TEXTS))
def test_user_text_is_plain_danish(where, nlp):
    report = analyse(TEXTS[where], nlp=nlp)
    bad = [(f.rule, f.text) for f in report.findings if f.category in BANNED]
    assert not bad, f"{where}: {bad}"
