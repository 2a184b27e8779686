"""What the rewriting assistant says to a user passes letterlab's own rules (no passive, officialese, De-form)."""
from __future__ import annotations

import pytest

from letterlab import facts
from letterlab.checks import privacy
from letterlab.compare import CATEGORY_TITLES, NOT_BETTER, SCORE_TITLES
from letterlab.core import analyse
from letterlab.rewrite import active, cli, guard, message_first, run, split

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
    "compare.not_better": f"Kategorien er {NOT_BETTER}.",
    "active.why": " ".join([active.WHY_UNKNOWN, active.WHY_THIRD, active.WHY_RULE]),
    "guard.notes": " ".join([guard.NOTE_PLAN_DE, guard.NOTE_KEEP_DE, guard.NOTE_GREETING, guard.MSG_GLUED, guard.MSG_SAME, guard.MSG_RULE,
                             guard.NOTE_PLAN_UNDERTEGNEDE, guard.NOTE_MIXED, guard.NOTE_CONTEXT,
                             guard.NOTE_REPEAT.format(old="af", new="i"), guard.NOTE_REPEAT_CHECK.format(old="af"),
                             guard.MSG_MIXED, guard.MSG_AGREEMENT.format(what="noget"),
                             guard.MSG_LOST.format(what="noget"), guard.MSG_CPR]),
    "guard.verdicts": " ".join(["Forslaget ville fjerne eller ændre: noget.",
                                "Forslaget ville ændre et nægtende ord.", "Forslaget ville give en grammatisk fejl.",
                                "Forslaget ville give et nyt fund (noget).",
                                "Forslaget ville klippe en sætning over ved en forkortelse."]),
    "run.why": " ".join([run.MSG_WITHDRAWN.format(why="noget."), run.MSG_WITHDRAWN_MOVE, run.MSG_NO_SUGGESTION,
                         run.MSG_NOT_SAFE, run.MSG_NOT_CHOSEN.format(mode="safe")]),
    "cli.rewrite": " ".join([cli.MSG_NOT_CHANGED, cli.MSG_GUARD]),
    "facts": " ".join([facts.MSG_EMPTY.format(which="den nye"), facts.MSG_IDENTICAL, facts.MSG_UNRELATED,
                       facts.MSG_LEGAL.format(what="klagevejledning"), facts.MSG_ALL_KEPT,
                       ". ".join(facts.KIND_TITLES.values()) + "."]),
    "privacy.cpr": privacy.CPR_NOTE,
}


@pytest.mark.model
@pytest.mark.parametrize("where", sorted(TEXTS))
def test_user_text_is_plain_danish(where, nlp):
    report = analyse(TEXTS[where], nlp=nlp)
    bad = [(f.rule, f.text) for f in report.findings if f.category in BANNED]
    assert not bad, f"{where}: {bad}"
