"""JSON API: ``POST /api/analyse``, ``/api/rewrite``, ``/api/compare`` and ``/api/export``.

Each takes a JSON body or a multipart form with uploads, and answers with the
report schema of ``letterlab check --format json`` (plus the text). Errors are
``{"error": {"code", "message"}}`` with a 4xx status. See docs/api.md.
"""
from __future__ import annotations

from flask import Blueprint, Response, jsonify

from letterlab.report.model import Report

from . import inputs
from .app import engine
from .inputs import InputError
from .present import export_name, to_docx, word_diff

bp = Blueprint("api", __name__, url_prefix="/api")


def analyse_checked(document, opts: dict, label: str | None = None) -> Report:
    report = engine().analyse(document, **opts)
    inputs.check_report(report, label)
    return report


def report_json(report: Report) -> dict:
    return report.to_dict(include_text=True)


def page_report(report: Report) -> dict:
    """The report for the Analysér page: the schema plus ``safe_suggestions``, the exact
    non-overlapping set "Brug alle sikre forslag" applies (so its count is the real count)."""
    from letterlab.rewrite.apply import choose

    data = report_json(report)
    data["safe_suggestions"] = [s.to_dict() for s in choose(report, "safe")]
    return data


def changed_spans(before: str, after: str) -> list[list[int]]:
    """Character spans in ``after`` that differ from ``before`` (to highlight what a fix changed)."""
    return [op["after"] for op in word_diff(before, after)
            if op["op"] in ("insert", "replace") and op["after"][1] > op["after"][0]]


def run_analyse() -> Report:
    fields = inputs.body()
    document = inputs.read_letter("text", fields)
    return analyse_checked(document, inputs.options(fields, engine().rules.profiles))


def run_rewrite() -> dict:
    """Apply the safe suggestions (``apply: "safe"``) or the chosen ones, then analyse again."""
    from letterlab.rewrite.apply import apply_suggestions, choose

    fields = inputs.body()
    document = inputs.read_letter("text", fields)
    opts = inputs.options(fields, engine().rules.profiles)
    chosen = fields.get("suggestions")
    if chosen is None:
        if fields.get("apply", "safe") != "safe":
            raise InputError(400, "bad_apply", inputs.MSG["bad_apply"])
        before = analyse_checked(document, opts)
        suggestions = choose(before, "safe")
    else:
        suggestions = inputs.chosen_suggestions(chosen, document.text)
    try:
        text = apply_suggestions(document.text, suggestions) if suggestions else document.text
    except ValueError:
        raise InputError(400, "bad_suggestion", inputs.MSG["bad_suggestion"]) from None
    inputs.check_length(text)
    after = analyse_checked(text, opts)
    return {"text": text, "applied": len(suggestions), "report": page_report(after),
            "changes": changed_spans(document.text, text)}


def run_compare() -> dict:
    from letterlab.compare import compare_reports

    fields = inputs.body()
    before_doc = inputs.read_letter("before", fields, "before")
    after_doc = inputs.read_letter("after", fields, "after")
    opts = inputs.options(fields, engine().rules.profiles)
    before = analyse_checked(before_doc, opts, "before")
    after = analyse_checked(after_doc, opts, "after")
    return {
        "before": report_json(before),
        "after": report_json(after),
        "comparison": compare_reports(before, after, engine().rules),
        "diff": word_diff(before.text, after.text),
    }


def export_response(text: str, fmt: str, source: str | None) -> Response:
    if fmt not in ("txt", "docx"):
        raise InputError(400, "bad_format", inputs.MSG["bad_format"])
    if not text.strip():
        raise InputError(422, "empty", inputs.MSG["empty"])
    inputs.check_length(text)
    name = export_name(source, fmt)
    if fmt == "txt":
        data, mime = text.encode("utf-8"), "text/plain; charset=utf-8"
    else:
        data, mime = to_docx(text), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    resp = Response(data, content_type=mime)   # content_type: mimetype= would add a second charset
    resp.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return resp


@bp.post("/analyse")
def analyse():
    return jsonify(page_report(run_analyse()))


@bp.post("/rewrite")
def rewrite():
    return jsonify(run_rewrite())


@bp.post("/compare")
def compare():
    return jsonify(run_compare())


@bp.post("/export")
def export():
    fields = inputs.body()
    text, fmt, source = fields.get("text"), fields.get("format", "txt"), fields.get("name")
    if not isinstance(text, str):
        raise InputError(400, "not_text", inputs.MSG["not_text"].format(field="text"))
    if not isinstance(fmt, str):
        raise InputError(400, "bad_format", inputs.MSG["bad_format"])
    return export_response(text, fmt, source if isinstance(source, str) else None)


@bp.get("/health")
def health():
    rules = engine().rules
    return jsonify({"status": "ok", "rules": len(rules.active()), "ruleset_version": rules.version})
