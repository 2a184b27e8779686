"""DDT → UD-style conversion: tags, features, multi-root repair, multi-word tokens."""
from __future__ import annotations

import pytest

from letterlab.nlp.conll import ddt_to_ud, load_ud_style, read_conll
from testutil import SHARED_DDT, needs_shared

# "Ansøgningen behandles i_dag , og De har fået svar ." with a second root on "i_dag".
DDT_SAMPLE = """\
# sent_id = 0001-da-s1
1\tAnsøgningen\tansøgning\tNC\tNCCSU==D\tgender=common|number=sing|case=unmarked|def=def\t2\tsubj\t_\t_
2\tbehandles\tbehandle\tVA\tVADR=----P-\tmood=indic|tense=present|voice=passive\t0\tROOT\t_\t_
3\ti_dag\ti_dag\tRG\tRGU\tdegree=unmarked\t0\tROOT\t_\t_
4\t,\t,\tXP\tXP\t_\t2\tpnct\t_\t_
5\tog\tog\tCC\tCC\t_\t2\tcoord\t_\t_
6\tDe\tDe\tPP\tPP2[CN]SN--P\tperson=2|gender=common/neuter|number=sing/plur|case=nom|register=polite\t7\tsubj\t_\t_
7\thar\thave\tVA\tVADR=----A-\tmood=indic|tense=present|voice=active\t5\tconj\t_\t_
8\tfået\tfå\tVA\tVAPA=SIU=A-\tmood=partic|tense=past|number=sing|definiteness=indef\t7\tvobj\t_\t_
9\tsvar\tsvar\tNC\tNCNSU==I\tgender=neuter|number=sing|case=unmarked|def=indef\t8\tdobj\t_\t_
10\t.\t.\tXP\tXP\t_\t2\tpnct\t_\t_

"""


@pytest.fixture
def sample(tmp_path):
    p = tmp_path / "sample.conll"
    p.write_text(DDT_SAMPLE, encoding="utf-8")
    sents, fmt = read_conll(p)
    assert fmt == "conllx"
    return ddt_to_ud(sents[0])


def test_upos_and_features(sample):
    by_form = {t.form: t for t in sample.tokens}
    assert by_form["behandles"].upos == "VERB"
    assert "Voice=Pass" in by_form["behandles"].feats
    assert by_form["har"].upos == "AUX"          # have heading a verb via vobj
    assert by_form["fået"].feats.startswith("Definite=Ind") and "VerbForm=Part" in by_form["fået"].feats
    assert "Polite=Form" in by_form["De"].feats
    assert by_form["Ansøgningen"].feats == "Definite=Def|Gender=Com|Number=Sing"
    assert by_form[","].upos == "PUNCT"


def test_one_root_and_ud_labels(sample):
    roots = [t for t in sample.tokens if t.head == 0]
    assert [t.form for t in roots] == ["behandles"]
    by_form = {t.form: t for t in sample.tokens}
    assert by_form["Ansøgningen"].dep == "nsubj"
    assert by_form[","].dep == "punct"
    assert by_form["svar"].dep == "obj"
    assert by_form["fået"].dep == "vobj"          # DDT-style label kept


def test_multiword_split_and_reattached(sample):
    forms = [t.form for t in sample.tokens]
    assert forms[2:4] == ["i", "dag"]
    i_tok, dag_tok = sample.tokens[2], sample.tokens[3]
    assert dag_tok.head == i_tok.id and dag_tok.dep == "fixed"
    # the extra root "i_dag" hangs on the nearest verb to its left
    assert sample.tokens[i_tok.head - 1].form == "behandles"
    # heads still point at the right words after renumbering
    assert sample.tokens[sample.tokens[-1].head - 1].form == "behandles"


def test_every_sentence_is_a_tree():
    if not (SHARED_DDT / "ddt-train.conll").exists():
        pytest.skip("../shared/data/ddt is not here")
    sents, _ = load_ud_style(SHARED_DDT / "ddt-train.conll")
    for s in sents:
        roots = [t for t in s.tokens if t.head == 0]
        assert len(roots) == 1, s.sent_id
        for t in s.tokens:   # no cycles: every token reaches the root
            seen, cur = set(), t
            while cur.head:
                assert cur.id not in seen, s.sent_id
                seen.add(cur.id)
                cur = s.tokens[cur.head - 1]


@needs_shared
def test_mapping_agrees_with_ud_dev():
    """Our DDT→UD mapping against UD_Danish-DDT's own annotation of the same sentences."""
    ddt, _ = load_ud_style(SHARED_DDT / "ddt-dev.conll")
    ud, fmt = read_conll(SHARED_DDT / "ud-ddt-dev.conllu")
    assert fmt == "conllu"
    index = {"".join(t.form for t in s.tokens).lower(): s for s in ud}
    total = pos = feats = 0
    for s in ddt:
        u = index.get("".join(t.form for t in s.tokens).lower())
        if not u or len(u.tokens) != len(s.tokens):
            continue
        for a, b in zip(s.tokens, u.tokens):
            total += 1
            pos += a.upos == b.upos
            feats += set(filter(None, a.feats.split("|"))) == set(filter(None, b.feats.replace("_", "").split("|")))
    assert total > 9000
    assert pos / total >= 0.975
    assert feats / total >= 0.98
