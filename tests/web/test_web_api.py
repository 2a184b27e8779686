"""The JSON API through Flask's test client: status codes, JSON bodies, headers, limits, bad input."""
from __future__ import annotations

import io
import json
import logging
import zipfile

import pytest

from webutil import API, make_docx

CSP_MUST = ("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'")


def error_of(resp) -> dict:
    assert resp.is_json, resp.data[:200]
    err = resp.get_json()["error"]
    assert err["code"] and err["message"]
    return err


def assert_danish_error(resp, status: int, code: str | None = None) -> dict:
    assert resp.status_code == status, (resp.status_code, resp.data[:300])
    err = error_of(resp)
    if code:
        assert err["code"] == code
    # a plain Danish sentence, not a stack trace or an English framework message
    assert any(w in err["message"].lower() for w in (" du ", "vi ", "teksten", "filen", "siden", "send", "vælg", "tilføj", "feltet", "forslag", "adressen"))
    assert "Traceback" not in err["message"]
    return err


# --- analyse ------------------------------------------------------------------

def test_analyse_returns_the_cli_schema_and_the_text(api, app, letter):
    from letterlab.core import analyse

    resp = api("/api/analyse", json={"text": letter})
    assert resp.status_code == 200
    data = resp.get_json()
    engine = app.extensions["letterlab"]
    cli = analyse(letter, engine.rules, nlp=engine.nlp, model=engine.model).to_dict()
    assert set(data) == set(cli) | {"text", "safe_suggestions"}
    assert data["schema_version"] == cli["schema_version"]
    # the safe set "Brug alle sikre forslag" applies: safe, from the findings, never overlapping
    offered = {(s["start"], s["end"], s["replacement"]) for f in data["findings"] for s in f["suggestions"] if s["safe"]}
    chosen = [(s["start"], s["end"], s["replacement"]) for s in data["safe_suggestions"]]
    assert chosen and set(chosen) <= offered
    assert all(a[1] <= b[0] for a, b in zip(chosen, chosen[1:]))
    assert data["text"] == letter
    assert data["findings"] == json.loads(json.dumps(cli["findings"]))
    assert data["scores"]["overall"] == cli["scores"]["overall"]
    for f in data["findings"]:
        assert data["text"][f["start"]:f["end"]] == f["text"]


def test_analyse_accepts_genre_and_profile(api, letter):
    resp = api("/api/analyse", json={"text": letter, "genre": "orientering", "profile": "fagfolk"})
    assert resp.status_code == 200
    assert resp.get_json()["genre"] == "orientering"
    assert resp.get_json()["profile"] == "fagfolk"
    assert_danish_error(api("/api/analyse", json={"text": letter, "genre": "roman"}), 400, "bad_genre")
    assert_danish_error(api("/api/analyse", json={"text": letter, "profile": ["x"]}), 400, "bad_profile")


def test_analyse_docx_upload(api, letter_docx):
    resp = api("/api/analyse", data={"file": (io.BytesIO(letter_docx), "brev.docx")})
    assert resp.status_code == 200
    data = resp.get_json()
    assert data["source"] == "brev.docx"
    assert "Under henvisning til" in data["text"]
    assert data["findings"]


def test_analyse_text_as_form_field(api, letter):
    resp = api("/api/analyse", data={"text": letter})
    assert resp.status_code == 200
    assert resp.get_json()["text"] == letter


@pytest.mark.parametrize("body", [{"text": ""}, {"text": "   \n\n  "}, {}, {"text": None}])
def test_empty_text_is_422(api, body):
    assert_danish_error(api("/api/analyse", json=body), 422, "empty")


def test_english_text_is_422(api):
    text = ("Dear Sir or Madam, we have received your application and we will get back to you as soon as "
            "we can. Please note that the decision can be appealed within four weeks.")
    err = assert_danish_error(api("/api/analyse", json={"text": text}), 422, "not_danish")
    assert "dansk" in err["message"]


def test_huge_paste_is_413(api):
    text = "Du får hjælp til din husleje. " * 8000   # 240,000 characters
    err = assert_danish_error(api("/api/analyse", json={"text": text}), 413, "too_long")
    assert "200.000" in err["message"]


def test_request_over_10_mb_is_413_in_danish(api):
    big = b"x" * (10 * 1024 * 1024 + 10)
    err = assert_danish_error(api("/api/analyse", data={"file": (io.BytesIO(big), "brev.docx")}), 413)
    assert "10 MB" in err["message"]


@pytest.mark.parametrize("name, data, code", [
    ("brev.docx", b"%PDF-1.7\n1 0 obj <<>> endobj\n", "unsupported_format"),
    ("brev.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000, None),   # an old .doc renamed
    ("brev.docx", b"PK\x03\x04 this is not really a zip file at all", "corrupt"),
    ("brev.docx", b"", "empty"),
    ("brev.pdf", b"%PDF-1.4 hello", "unsupported_format"),
])
def test_bad_uploads_are_4xx_with_a_danish_message(api, name, data, code):
    resp = api("/api/analyse", data={"file": (io.BytesIO(data), name)})
    assert 400 <= resp.status_code < 500, resp.status_code
    err = error_of(resp)
    if code:
        assert err["code"] == code


def test_truncated_docx_is_422(api, letter_docx):
    resp = api("/api/analyse", data={"file": (io.BytesIO(letter_docx[: len(letter_docx) // 2]), "brev.docx")})
    assert_danish_error(resp, 422)


def test_zip_bomb_is_refused(api):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"0" * (20 * 1024 * 1024))
    resp = api("/api/analyse", data={"file": (io.BytesIO(buf.getvalue()), "bombe.docx")})
    assert 400 <= resp.status_code < 500
    error_of(resp)


@pytest.mark.parametrize("raw, ctype, status", [
    (b"{not json", "application/json", 400),
    (b"[1, 2, 3]", "application/json", 400),
    (b'"just a string"', "application/json", 400),
    (b"text=hej", "text/plain", 415),
    (b"<xml/>", "application/xml", 415),
])
def test_malformed_requests_are_4xx(client, raw, ctype, status):
    resp = client.post("/api/analyse", data=raw, content_type=ctype, headers=API)
    assert_danish_error(resp, status)


@pytest.mark.parametrize("value", [123, ["a"], {"a": 1}, True])
def test_text_must_be_a_string(api, value):
    assert_danish_error(api("/api/analyse", json={"text": value}), 400, "not_text")


def test_placeholders_only_and_binary_are_422(api):
    assert_danish_error(api("/api/analyse", json={"text": "{navn} {{dato}} [Sagsnummer]"}), 422)
    assert_danish_error(api("/api/analyse", json={"text": "\x00\x01\x02\x03\x04\x05\x06\x07" * 50}), 422)


# --- CSRF for the API -----------------------------------------------------------

def test_api_needs_the_custom_header(client, letter):
    err = assert_danish_error(client.post("/api/analyse", json={"text": letter}), 403, "missing_header")
    assert "X-Letterlab-Request" in err["message"]


@pytest.mark.parametrize("headers", [
    {"Origin": "https://evil.example"},
    {"Origin": "null"},
    {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site"},
])
def test_api_refuses_other_origins(api, letter, headers):
    assert_danish_error(api("/api/analyse", json={"text": letter}, headers=headers), 403, "cross_origin")


def test_api_accepts_its_own_origin(api, letter):
    resp = api("/api/analyse", json={"text": letter},
               headers={"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"})
    assert resp.status_code == 200


def test_no_cors_headers(api, client, letter):
    resp = api("/api/analyse", json={"text": letter}, headers={"Origin": "http://localhost"})
    assert "Access-Control-Allow-Origin" not in resp.headers
    pre = client.options("/api/analyse", headers={"Origin": "https://evil.example",
                                                   "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in pre.headers


def test_get_on_api_is_405_json(client):
    resp = client.get("/api/analyse")
    assert_danish_error(resp, 405)


def test_unknown_api_path_is_404_json(api):
    assert_danish_error(api("/api/nope", json={}), 404)


# --- headers --------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/sammenlign", "/regler", "/api/health", "/static/style.css", "/findes-ikke"])
def test_security_headers_everywhere(client, path):
    resp = client.get(path)
    csp = resp.headers["Content-Security-Policy"]
    for part in CSP_MUST:
        assert part in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["Referrer-Policy"] == "same-origin"
    assert resp.headers["X-Frame-Options"] == "DENY"


def test_api_answers_are_not_cached(api, letter):
    resp = api("/api/analyse", json={"text": letter})
    assert resp.headers["Cache-Control"] == "no-store"
    assert resp.mimetype == "application/json"


# --- rewrite --------------------------------------------------------------------

def test_rewrite_safe_applies_and_reanalyses(api, letter):
    before = api("/api/analyse", json={"text": letter}).get_json()
    resp = api("/api/rewrite", json={"text": letter, "apply": "safe"})
    assert resp.status_code == 200
    data = resp.get_json()
    assert data["applied"] > 0
    assert data["text"] != letter
    assert data["report"]["text"] == data["text"]
    assert data["report"]["scores"]["overall"] > before["scores"]["overall"]


def test_rewrite_one_chosen_suggestion(api, letter):
    report = api("/api/analyse", json={"text": letter}).get_json()
    s = next(s for f in report["findings"] for s in f["suggestions"] if s["replacement"])
    resp = api("/api/rewrite", json={"text": letter, "suggestions": [s]})
    assert resp.status_code == 200
    data = resp.get_json()
    assert data["applied"] == 1
    assert data["text"] == letter[: s["start"]] + s["replacement"] + letter[s["end"]:]


def test_rewrite_docx_upload(api, letter_docx):
    resp = api("/api/rewrite", data={"file": (io.BytesIO(letter_docx), "brev.docx"), "apply": "safe"})
    assert resp.status_code == 200
    assert resp.get_json()["applied"] > 0


@pytest.mark.parametrize("suggestions", [
    "alle",
    [1, 2],
    [{"start": 5, "end": 2, "replacement": "x"}],
    [{"start": -1, "end": 2, "replacement": "x"}],
    [{"start": 0, "end": 10 ** 9, "replacement": "x"}],
    [{"start": True, "end": 2, "replacement": "x"}],
    [{"start": 0, "end": 2, "replacement": 7}],
    [{"start": 0, "end": 5, "replacement": "a"}, {"start": 3, "end": 8, "replacement": "b"}],  # overlap
    [{"start": 0, "end": 1, "replacement": "x"}] * 1001,
])
def test_rewrite_bad_suggestions_are_400(api, letter, suggestions):
    assert_danish_error(api("/api/rewrite", json={"text": letter, "suggestions": suggestions}), 400)


def test_rewrite_bad_mode_is_400(api, letter):
    assert_danish_error(api("/api/rewrite", json={"text": letter, "apply": "alt"}), 400, "bad_apply")


def test_rewrite_that_empties_the_text_is_422(api):
    text = "Du får hjælp til din husleje fra den 1. maj. Vi sender pengene til din konto hver måned."
    resp = api("/api/rewrite", json={"text": text, "suggestions": [{"start": 0, "end": len(text), "replacement": ""}]})
    assert_danish_error(resp, 422, "empty")


# --- compare --------------------------------------------------------------------

def test_compare_json(api, letter, letter_after):
    resp = api("/api/compare", json={"before": letter, "after": letter_after})
    assert resp.status_code == 200, resp.data[:300]
    data = resp.get_json()
    assert data["before"]["text"] == letter and data["after"]["text"] == letter_after
    cmp = data["comparison"]
    assert cmp["overall"]["after"] > cmp["overall"]["before"]
    assert {"category", "title", "before", "after", "change", "verdict"} <= set(cmp["categories"][0])
    assert cmp["rules"]
    # the diff covers both texts exactly, in order
    ops = data["diff"]
    assert "".join(letter[o["before"][0]:o["before"][1]] for o in ops) == letter
    assert "".join(letter_after[o["after"][0]:o["after"][1]] for o in ops) == letter_after
    assert any(o["op"] != "equal" for o in ops)


def test_compare_uploads(api, letter, letter_after):
    resp = api("/api/compare", data={
        "before": (io.BytesIO(make_docx(letter.split("\n\n"))), "foer.docx"),
        "after_file": (io.BytesIO(make_docx(letter_after.split("\n\n"))), "efter.docx"),
    })
    assert resp.status_code == 200, resp.data[:300]
    assert resp.get_json()["before"]["source"] == "foer.docx"


def test_compare_says_which_side_is_wrong(api, letter):
    err = assert_danish_error(api("/api/compare", json={"before": letter, "after": ""}), 422, "empty")
    assert err["field"] == "after"
    assert err["message"].startswith("Efter-versionen")
    err = assert_danish_error(api("/api/compare", json={"before": "Hello there, this is an English letter for "
                                                                   "you and we will be in touch with you soon.",
                                                         "after": letter}), 422, "not_danish")
    assert err["field"] == "before"


# --- export ---------------------------------------------------------------------

def test_export_txt_and_docx(api):
    from letterlab.readers import read_document

    text = "Du får hjælp\n\nVi sender pengene den 1. maj.\nHilsen Mette"
    resp = api("/api/export", json={"text": text, "format": "txt", "name": "Afgørelse <b>.docx"})
    assert resp.status_code == 200
    assert resp.data.decode("utf-8") == text
    disp = resp.headers["Content-Disposition"]
    assert disp == 'attachment; filename="Afgoerelse b-rettet.txt"'
    resp = api("/api/export", json={"text": text, "format": "docx"})
    assert resp.status_code == 200
    doc = read_document(data=resp.data, filename="x.docx")
    assert doc.text.startswith("Du får hjælp\n\nVi sender pengene den 1. maj.\nHilsen Mette")
    assert_danish_error(api("/api/export", json={"text": text, "format": "pdf"}), 400, "bad_format")
    assert_danish_error(api("/api/export", json={"text": "", "format": "txt"}), 422, "empty")


def test_export_strips_characters_word_cannot_hold(api):
    resp = api("/api/export", json={"text": "Hej\x00 med\x07 dig\x1b", "format": "docx"})
    assert resp.status_code == 200


# --- privacy --------------------------------------------------------------------

def test_nothing_the_user_sends_is_logged(api, client, caplog, letter_docx):
    secret = "Hemmeligsen Pedersdatter bor på Gemmevej 17"
    with caplog.at_level(logging.DEBUG):
        api("/api/analyse", json={"text": f"Kære {secret}\n\nDu får hjælp til din husleje fra den 1. maj."})
        api("/api/analyse", json={"text": secret * 10000})
        api("/api/analyse", data={"file": (io.BytesIO(b"%PDF-1.4 " + secret.encode()), f"{secret}.docx")})
        api("/api/compare", json={"before": secret, "after": ""})
        client.post("/", data={"text": secret})   # no CSRF token: refused
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "/api/analyse" in logged            # the access log is on ...
    assert "Hemmeligsen" not in logged         # ... and holds no text or file name
    assert "Gemmevej" not in logged


def test_internal_errors_log_only_the_exception_type(app, api, caplog, monkeypatch):
    engine = app.extensions["letterlab"]

    def boom(*a, **kw):
        raise RuntimeError("Hemmeligsen Pedersdatter")

    monkeypatch.setattr(engine, "analyse", boom)
    with caplog.at_level(logging.DEBUG):
        resp = api("/api/analyse", json={"text": "Kære Hemmeligsen\n\nDu får hjælp til din husleje."})
    assert resp.status_code == 500
    assert error_of(resp)["code"] == "internal"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "RuntimeError" in logged and "Hemmeligsen" not in logged


def test_health(client):
    data = client.get("/api/health").get_json()
    assert data["status"] == "ok" and data["rules"] > 0
