"""Bound the tokenizer's work on pathological input, without moving a single offset.

spaCy's tokenizer peels prefixes and suffixes off a whitespace-free stretch one
at a time and searches the rest again after each one, so a long run of
punctuation glued to a word ("Svar" followed by 16,000 "=" or a run of
quotation marks) costs time quadratic in the run's length: 2,000 characters
took about a second, 16,000 took 52 seconds.

``GuardedTokenizer`` wraps the pipeline's tokenizer. A whitespace-free stretch
of at least ``LONG_CHUNK`` characters with a run of ``RUN`` or more
punctuation characters, or with ``MANY_PUNCT`` punctuation characters in all
(and not a plain web address), is cut by a linear regular expression into
words and punctuation runs, and a punctuation run becomes tokens of at most
``PIECE`` characters. A web address is left whole only up to ``MAX_URL``
characters: a longer one ("www.x.dk" followed by 14,000 "a:", input 2341 of
the fuzz with seed 1) cost the tokenizer time quadratic in its length (28,000
characters took 6 s) and became a token for every character (28,000 tokens, 8 s
more in the pipeline). Everything else goes to the real tokenizer exactly as
before. The Doc is built from the pieces with their original whitespace, so
``doc.text`` is the input, character for character, and every offset stays put.
Ordinary letters never contain such a stretch, so they are tokenized as before.
"""
from __future__ import annotations

import re
from letterlab import rxcache

LONG_CHUNK = 32     # shorter stretches cost at most LONG_CHUNK² character steps: harmless
RUN = 8             # this many punctuation characters in a row is never a word
MANY_PUNCT = 8      # nor is a stretch with this many punctuation characters (unless a web address)
PIECE = 64          # longest token made from a punctuation run
DENSE = 4           # pieces shorter than this on average: not text, joined into PIECE-long tokens
MAX_URL = 512       # a web address up to this long goes to the tokenizer whole (a few ms at most)

_CHUNK_RE = rxcache.compile(r"\S{%d,}" % LONG_CHUNK)
# "_" counts as punctuation here: it is a word character to ``re``, but spaCy peels it off as a
# suffix, one at a time (60,000 "_" took over 30 s)
_RUN_RE = rxcache.compile(r"(?:[^\w\s]|_){%d,}" % RUN)
_PIECE_RE = rxcache.compile(r"[^\W_]+|(?:[^\w\s]|_)+")
_URL_RE = rxcache.compile(r"(?:https?://|www\.)[\w.~:/?#@!$&*+,;=%-]+\Z", re.IGNORECASE)
_NOT_WORD_RE = rxcache.compile(r"[^\w]")


def risky(chunk: str) -> bool:
    """True when the tokenizer would spend time quadratic in ``chunk``'s length on it."""
    if len(chunk) < LONG_CHUNK:
        return False
    if _RUN_RE.search(chunk):
        return True
    if len(chunk) <= MAX_URL and _URL_RE.match(chunk):
        return False
    return len(_NOT_WORD_RE.findall(chunk)) + chunk.count("_") >= MANY_PUNCT


def pieces(chunk: str) -> list[str]:
    """``chunk`` cut into words and punctuation runs (a run in tokens of at most ``PIECE`` characters).

    A stretch that falls apart into tiny pieces ("a:a:a:...", 100,000 characters) is not text: its
    pieces are joined again into tokens of up to ``PIECE`` characters, so the pipeline after the
    tokenizer does not get a token for every character.
    """
    out = []
    for m in _PIECE_RE.finditer(chunk):
        piece = m.group()
        if len(piece) > PIECE and not piece[0].isalnum():
            out.extend(piece[i:i + PIECE] for i in range(0, len(piece), PIECE))
        else:
            out.append(piece)
    if len(out) * DENSE > len(chunk):
        joined, cur = [], ""
        for piece in out:
            if cur and len(cur) + len(piece) > PIECE:
                joined.append(cur)
                cur = ""
            cur += piece
        joined.append(cur)
        out = joined
    return out


class GuardedTokenizer:
    """A tokenizer that hands only bounded work to ``inner`` (the pipeline's own tokenizer)."""

    def __init__(self, inner):
        self.inner = inner

    def __getattr__(self, name):        # special cases, rules, vocab, to_disk...: the real tokenizer's
        return getattr(self.inner, name)

    def __call__(self, text: str):
        spans = [m.span() for m in _CHUNK_RE.finditer(text) if risky(m.group())]
        if not spans:
            return self.inner(text)
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for start, end in spans:
            if start > pos:
                self._inner_part(text[pos:start], words, spaces)
            for piece in pieces(text[start:end]):
                words.append(piece)
                spaces.append(False)
            pos = end
            if text.startswith(" ", end):      # one plain space belongs to the token before it, as in spaCy
                spaces[-1] = True
                pos = end + 1
        if pos < len(text):
            self._inner_part(text[pos:], words, spaces)
        return Doc(self.inner.vocab, words=words, spaces=spaces)

    def _inner_part(self, part: str, words: list[str], spaces: list[bool]) -> None:
        for token in self.inner(part):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)


def install(nlp) -> None:
    """Put the guard in front of ``nlp``'s tokenizer (once)."""
    if not isinstance(nlp.tokenizer, GuardedTokenizer):
        nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)
