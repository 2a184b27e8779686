"""Everything a user reads must pass letterlab's own rules: no passive, officialese or formal address.

Quoted examples ("Din ansøgning behandles") are left out: explanations quote
the very thing they warn against.
"""
from __future__ import annotations

import re

import pytest

from letterlab.core import NOTICES, analyse
from letterlab.ruleset import default_ruleset

BANNED = {"passive", "jargon", "address", "nominalisation", "tone"}
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|»[^«]*«|'[^']*'")


def _clean(text: str) -> str:
    text = QUOTED.sub("noget", text)
    return re.sub(r"\{[a-z_]+\}", "noget", text)


def user_texts():
    rs = default_ruleset()
    for r in rs.rules:
        yield f"{r.id}.message", r.message
        yield f"{r.id}.explanation", r.explanation
    for code, msg in NOTICES.items():
        yield f"notice.{code}", msg
    from letterlab.anatomy import COVERAGE_DESCRIPTION, NOTICES as ANATOMY_NOTICES, PART_TITLES
    for code, msg in ANATOMY_NOTICES.items():
        yield f"anatomy.{code}", msg
    yield "anatomy.coverage", COVERAGE_DESCRIPTION
    yield "anatomy.titles", ". ".join(PART_TITLES.values()) + "."
    import letterlab.rewrite.active as ra
    import letterlab.rewrite.guard as rg
    for mod in (ra, rg):      # the notes and reasons a rewrite shows the user
        for name in dir(mod):
            val = getattr(mod, name)
            if re.match(r"(NOTE|MSG|WHY)_[A-Z_]+$", name) and isinstance(val, str):
                yield f"rewrite.{mod.__name__.rsplit('.', 1)[1]}.{name}", val
    from letterlab.readers import _safety  # noqa: F401  (messages live in the reader modules)
    import letterlab.readers.model as rm
    for name in dir(rm):
        val = getattr(rm, name)
        if isinstance(val, dict):
            for k, v in val.items():
                if isinstance(v, str):
                    yield f"readers.{name}.{k}", v


TEXTS = list(user_texts())


@pytest.mark.model
@pytest.mark.parametrize("where,text", TEXTS, ids=[w for w, _ in TEXTS])
def test_user_text_is_plain_danish(where, text, nlp):
    report = analyse(_clean(text), nlp=nlp)
    bad = [(f.rule, f.text) for f in report.findings if f.category in BANNED]
    assert not bad, f"{where}: {bad}"
