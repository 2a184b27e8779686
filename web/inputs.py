"""Turn a request (JSON or multipart form) into letters for the core, or a Danish error.

Every problem with what the user sent becomes an ``InputError`` with an HTTP
4xx status, a stable ``code`` and a plain Danish ``message``. Uploads go
through ``letterlab.readers.read_document``, so they get the same checks as
the batch reader (zip bombs, encrypted files, .doc and .pdf in disguise).
"""
from __future__ import annotations

import re
from typing import Any

from flask import request

from letterlab.core import UNSCORED
from letterlab.genres import GENRES
from letterlab.readers import Document, ReadError, read_document, read_text
from letterlab.report.model import Report, Suggestion

MAX_UPLOAD_BYTES = 10 * 1024 * 1024      # the whole request, files included
MAX_TEXT_CHARS = 200_000                 # about 100 pages; far more than any letter
MAX_SUGGESTIONS = 1000
MAX_REPLACEMENT_CHARS = 5000

# Notices from the core that mean the letter has no score (not checked at all, not Danish, no body,
# too slow): the page shows the notice instead of a report, as ``letterlab check`` shows no score.
BLOCKING_NOTICES = UNSCORED

FIELD_NAMES = {"before": "Før-versionen", "after": "Efter-versionen"}

MSG = {
    "bad_json": 'Vi kan ikke læse det, du har sendt. Send JSON med feltet "{field}".',
    "not_text": 'Feltet "{field}" skal indeholde tekst.',
    "media": "Send teksten som JSON eller som en formular med en fil (multipart/form-data).",
    "empty": "Teksten er tom. Indsæt et brev, eller vælg en fil.",
    "too_long": "Teksten er for lang. Du kan højst tjekke 200.000 tegn ad gangen. Del teksten op.",
    "too_large": "Filen er for stor. Du kan højst sende 10 MB ad gangen.",
    "bad_genre": "Vi kender ikke brevtypen. Vælg en af disse: {choices}.",
    "bad_profile": "Vi kender ikke profilen. Vælg en af disse: {choices}.",
    "bad_apply": 'Skriv "safe" i feltet "apply", eller send de forslag, du vil bruge, i feltet "suggestions".',
    "bad_suggestion": "Et af forslagene passer ikke til teksten. Tjek teksten igen, og prøv så igen.",
    "too_many": "Du har sendt for mange forslag på én gang. Du kan højst sende 1.000.",
    "bad_format": 'Vælg "txt" eller "docx" som format.',
    "bad_unicode": "Teksten indeholder tegn, som ikke er gyldig tekst (halve Unicode-tegn). Kopiér teksten igen, "
                   "og prøv igen.",
}


class InputError(Exception):
    """What the user sent cannot be used. ``message`` is plain Danish."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None):
        super().__init__(code)
        self.status = status
        self.code = code
        self.field = field
        self.message = f"{FIELD_NAMES[field]}: {message}" if field in FIELD_NAMES else message

    def to_dict(self) -> dict[str, Any]:
        err: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.field:
            err["field"] = self.field
        return {"error": err}


def body() -> dict[str, Any]:
    """The request's fields: the JSON object, or the form fields of a form post."""
    if request.is_json:
        try:
            data = request.get_json(silent=True)
        except RecursionError:      # "[" * 100,000: too deeply nested for the JSON parser
            data = None
        if not isinstance(data, dict):
            raise InputError(400, "bad_json", MSG["bad_json"].format(field="text"))
        if _has_lone_surrogate(data):   # "\ud800" is valid JSON but not text: it cannot be encoded again
            raise InputError(400, "bad_unicode", MSG["bad_unicode"])
        return data
    if request.mimetype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        return request.form.to_dict()
    raise InputError(415, "unsupported_media_type", MSG["media"])


def _has_lone_surrogate(data: Any) -> bool:
    """True when a string anywhere in ``data`` (parsed JSON) holds a lone surrogate. Iterative: no recursion."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


_SURROGATE = re.compile("[\ud800-\udfff]")


def safe_filename(name: str | None) -> str | None:
    """The last path part of an uploaded file's name, without control characters, at most 120 characters."""
    if not name:
        return None
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(c for c in name if c.isprintable()).strip()
    return name[-120:] or None


def read_letter(field: str, fields: dict[str, Any], label: str | None = None) -> Document:
    """The letter in ``field``: an uploaded file (``field`` or ``field_file``) or text."""
    upload = None
    for key in (field, f"{field}_file", "file" if field == "text" else None):
        if key and key in request.files and request.files[key].filename:
            upload = request.files[key]
            break
    if upload is not None:
        data = upload.read(MAX_UPLOAD_BYTES + 1)
        try:
            document = read_document(data=data, filename=safe_filename(upload.filename) or "upload",
                                     max_bytes=MAX_UPLOAD_BYTES)
        except ReadError as exc:
            status = 413 if exc.code == "too_large" else 422
            message = MSG["too_large"] if exc.code == "too_large" else exc.message
            raise InputError(status, exc.code, message, label) from None
        check_length(document.text, label)
        return document
    text = fields.get(field)
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise InputError(400, "not_text", MSG["not_text"].format(field=field), label)
    if not text.strip():
        raise InputError(422, "empty", MSG["empty"], label)
    check_length(text, label)
    return read_text(text)


def check_length(text: str, label: str | None = None) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(413, "too_long", MSG["too_long"], label)


def options(fields: dict[str, Any], profiles: dict) -> dict[str, str | None]:
    """``genre`` and ``profile`` from the request; empty means "find it yourself" / the default."""
    genre = fields.get("genre") or None
    profile = fields.get("profile") or None
    if genre is not None and (not isinstance(genre, str) or genre not in GENRES):
        raise InputError(400, "bad_genre", MSG["bad_genre"].format(choices=", ".join(GENRES)))
    if profile is not None and (not isinstance(profile, str) or profile not in profiles):
        raise InputError(400, "bad_profile", MSG["bad_profile"].format(choices=", ".join(sorted(profiles))))
    return {"genre": genre, "profile": profile}


def check_report(report: Report, label: str | None = None) -> None:
    """Raise when the core could not check the letter (empty, not Danish, ...)."""
    for n in report.notices:
        if n.get("code") in BLOCKING_NOTICES:
            status = 413 if n["code"] == "too_long" else 422
            raise InputError(status, n["code"], n["message"], label)


def chosen_suggestions(raw: Any, text: str) -> list[Suggestion]:
    """Suggestions the user picked, checked against the text they belong to."""
    if not isinstance(raw, list):
        raise InputError(400, "bad_suggestion", MSG["bad_suggestion"])
    if len(raw) > MAX_SUGGESTIONS:
        raise InputError(400, "too_many", MSG["too_many"])
    out = []
    for item in raw:
        if not isinstance(item, dict):
            raise InputError(400, "bad_suggestion", MSG["bad_suggestion"])
        start, end, repl = item.get("start"), item.get("end"), item.get("replacement")
        ints = all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end))
        if not ints or not isinstance(repl, str) or not 0 <= start <= end <= len(text) \
                or len(repl) > MAX_REPLACEMENT_CHARS:
            raise InputError(400, "bad_suggestion", MSG["bad_suggestion"])
        kind = item.get("kind") if isinstance(item.get("kind"), str) else "replace"
        out.append(Suggestion(start=start, end=end, replacement=repl, kind=kind[:40], safe=item.get("safe") is True))
    return out
