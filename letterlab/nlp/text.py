"""Text helpers that need no spaCy import: template placeholders and the cached letter text.

They live apart from :mod:`letterlab.nlp.segment` (which registers spaCy
components) so that loading the rules, reading files and serving an audit from
its cache never import spaCy.
"""
from __future__ import annotations

import re
from letterlab import rxcache

# A placeholder's name: letters, digits, spaces, _ - . / ; it starts and ends with a letter,
# digit or underscore, so Danish quotes like »Send« ... «, og» are never mistaken for one.
_PH_NAME = r"[0-9A-Za-zÆØÅæøåÉé_](?:[0-9A-Za-zÆØÅæøåÉé_ ./-]{0,48}[0-9A-Za-zÆØÅæøåÉé_])?"
PLACEHOLDER_RE = rxcache.compile(
    r"\{\{\s*" + _PH_NAME + r"\s*\}\}"   # {{navn}}
    r"|\{" + _PH_NAME + r"\}"             # {navn}
    r"|«" + _PH_NAME + r"»"               # «Navn»
    r"|<<" + _PH_NAME + r">>"             # <<Navn>>
    r"|\[(?=[A-Za-zÆØÅæøå_])" + _PH_NAME + r"\]"  # [Navn]
    # !navn: a merge field of some mail systems. An exclamation mark is never glued to the next word,
    # and the field stands after a space, a line start or an opening bracket ("til !barn", "(!dato)").
    r"|(?<![^\s(\[\"»«„“])![A-Za-zÆØÅæøå_][0-9A-Za-zÆØÅæøå_]{0,48}"
    # %VEJNAVN%: a merge field of other mail systems; a per cent sign after a number ("50 %") never starts one
    r"|(?<![\w%])%[A-Za-zÆØÅæøå_][0-9A-Za-zÆØÅæøå_.]{0,48}%(?![\w%])"
)

TEXT_KEY = "letterlab_text"  # doc.user_data key of the cached doc.text


def find_placeholders(text: str) -> list[tuple[int, int]]:
    """Character spans of template placeholders in ``text``."""
    return [(m.start(), m.end()) for m in PLACEHOLDER_RE.finditer(text)]


def doc_text(doc) -> str:
    """``doc.text``, built once per Doc and kept in ``doc.user_data`` (spaCy joins the tokens at every access).

    The components never change the text, so the pipeline and the checks share one copy.
    """
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
