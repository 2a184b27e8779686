"""Guess the letter's genre from words that mark it; the user can always override the guess.

Genres: ``afgoerelse`` (decision), ``partshoering`` (hearing before a
decision, forvaltningsloven § 19), ``indkaldelse`` (summons to a meeting),
``kvittering`` (receipt), ``anmodning`` (request for documents or payment) and
``orientering`` (information; the fallback).
"""
from __future__ import annotations

from .checks.base import doc_text
from .prefilter import Rx

GENRES = {
    "afgoerelse": "Afgørelse",
    "partshoering": "Partshøring",
    "indkaldelse": "Indkaldelse",
    "kvittering": "Kvittering",
    "anmodning": "Anmodning",
    "orientering": "Orientering",
}

# Regular expressions over the lower-cased text, each with a weight.
MARKERS: dict[str, list[tuple[str, float]]] = {
    "afgoerelse": [
        (r"\bafgørelse(n|r|rne)?\b", 2), (r"\bafslag\b", 2), (r"\bbevilge[rt]?\b|\bbevilling\b|\bbevilges\b", 2),
        (r"\bklagevejledning\b", 2), (r"\bdu (får|kan få) ikke\b", 1.5), (r"\bdu får\b", 0.5),
        (r"\bgive[rt]? (dig )?afslag\b", 2), (r"\bimødekomme[st]?\b", 1), (r"\bkan klage\b", 1),
        (r"\bhar (vi )?besluttet\b|\bbeslutning\b", 1),
        (r"\b\w*tilladelse(n)?\b", 1.5), (r"\bpåklage[rs]?\b", 1.5),
        (r"\bkan (du )?ikke få\b|\bfår du ikke\b", 1.5), (r"\bsagt (ja|nej)\b", 2),
    ],
    "partshoering": [
        (r"\bpartshøring\b", 4), (r"\bbemærkninger\b", 1.5), (r"\bkommentere\b|\bkommentarer\b", 1),
        (r"\bforvaltningslovens? § ?19\b", 3), (r"\binden vi træffer (en )?afgørelse\b", 2),
        (r"\bsige din mening\b|\bhøre din mening\b", 2), (r"\bpåtænker\b|\boverveje[r]?\b", 1),
        (r"\bhøre,? hvad du mener\b", 2), (r"\budtale dig\b", 2),
        (r"\b(før|inden) vi (beslutter|træffer)\b", 2),
    ],
    "indkaldelse": [
        (r"\bindkald(else|es|er)\b", 3), (r"\bmøde(t)?\b", 1), (r"\bsamtale\b", 1.5),
        (r"\bkl\. ?\d", 1), (r"\bmød(e)? op\b|\bmøde op\b", 2), (r"\badresse\b", 0.5),
    ],
    "kvittering": [
        (r"\bkvittering\b", 3), (r"\bhar modtaget\b|\bmodtaget din\b", 2), (r"\bsagsbehandlingstid\b", 1.5),
        (r"\bbehandle[rs]? (din|deres) (ansøgning|sag)\b", 1),
        (r"\btak for (din|deres) ansøgning\b", 2), (r"\bsagsbehandling(stid|en)?\b", 1.5),
    ],
    "anmodning": [
        (r"\banmod(er|ning|es)\b", 2), (r"\bsende os\b|\bindsende\b|\bfremsende\b", 1),
        (r"\brestance\b|\bskylder\b|\bbetale\b", 1.5), (r"\bsenest\b", 0.5), (r"\bdokumentation\b", 1),
        (r"\budfyld\w*\b", 1.5), (r"\bsend os\b", 1), (r"\bvi skal have\b", 1),
        (r"\bdu skal (\w+ )?(sende|udfylde|betale|indsende|indbetale)\b", 1.5),
    ],
}
THRESHOLD = 2.5

_COMPILED = [(genre, [(Rx(rx), w) for rx, w in markers]) for genre, markers in MARKERS.items()]


def detect_genre(doc_or_text) -> tuple[str, dict[str, float]]:
    """The most likely genre and every genre's score."""
    text = (doc_or_text if isinstance(doc_or_text, str) else doc_text(doc_or_text)).lower()
    scores = {g: 0.0 for g in GENRES}
    for genre, markers in _COMPILED:
        for rx, w in markers:
            scores[genre] += w * rx.count(text, 3)
    best = max(scores, key=lambda g: scores[g])
    if scores[best] < THRESHOLD:
        best = "orientering"
    return best, {g: round(v, 2) for g, v in scores.items()}
