"""The three pages (Analysér, Sammenlign, Regler) and the download form.

The pages work without JavaScript: a form post renders the result on the
server. With JavaScript the scripts call the JSON API instead and draw the
interactive view from the same report.
"""
from __future__ import annotations

from flask import Blueprint, render_template, request

from letterlab.genres import GENRES
from letterlab.report.words import danish_quotes, rule_severity_text
from letterlab.ruleset import THEMES

from . import inputs
from .api import export_response, page_report, run_analyse, run_compare
from .app import engine
from .present import finding_groups, sort_findings, GENRE_LABELS, SCORE_LABELS, SEVERITY_LABELS, VERDICT_LABELS, category_labels, inline_segments, paragraphs
from .texts import UI_TEXTS

bp = Blueprint("pages", __name__)
bp.add_app_template_global(finding_groups)
bp.add_app_template_global(sort_findings)
bp.add_app_template_global(rule_severity_text)
bp.add_app_template_filter(danish_quotes, "quotes")


def ui_data() -> dict:
    return {"texts": UI_TEXTS, "categories": category_labels(), "severities": SEVERITY_LABELS,
            "scores": SCORE_LABELS, "verdicts": VERDICT_LABELS,
            "maxUploadBytes": inputs.MAX_UPLOAD_BYTES, "maxTextChars": inputs.MAX_TEXT_CHARS}


def choices() -> dict:
    profiles = engine().rules.profiles
    genres = {k: GENRE_LABELS.get(k, v) for k, v in GENRES.items()}
    return {"genres": genres, "profiles": {k: p.title for k, p in sorted(profiles.items())},
            "default_genre": engine().genre or "", "default_profile": engine().profile}


def render_page(template: str, status: int = 200, **ctx):
    return render_template(template, ui=ui_data(), categories=category_labels(),
                           severities=SEVERITY_LABELS, **choices(), **ctx), status


def render_error(message: str, status: int):
    """An error shown on the page the user came from, with what they typed kept."""
    if request.method == "POST" and request.endpoint == "pages.compare":
        return render_page("compare.html", status, error=message, form=_form_fields())
    if request.method == "POST" and request.endpoint == "pages.analyse":
        return render_page("analyse.html", status, error=message, form=_form_fields())
    return render_page("error.html", status, error=message)


def _form_fields() -> dict:
    try:
        return {k: v for k, v in request.form.items() if k != "csrf_token"}
    except Exception:  # the body itself was the problem (too large)
        return {}


@bp.get("/")
def analyse_page():
    return render_page("analyse.html", form={})


@bp.post("/")
def analyse():
    report = run_analyse()
    data = page_report(report)
    return render_page("analyse.html", form=request.form, report=data,
                       segments=inline_segments(report.text, data["findings"]))


@bp.get("/sammenlign")
def compare_page():
    return render_page("compare.html", form={})


@bp.post("/sammenlign")
def compare():
    result = run_compare()
    return render_page("compare.html", form=request.form, result=result)


@bp.get("/regler")
def rules_page():
    rules = engine().rules.rules
    themes = {**THEMES}
    for r in rules:
        themes.setdefault(r.theme, r.theme.replace("-", " ").capitalize())
    chosen = rule_filter(request.args, themes)
    shown = [r for r in rules if _rule_shown(r, chosen)]
    groups = [(key, title, [r for r in shown if r.theme == key]) for key, title in themes.items()]
    groups = [g for g in groups if g[2]]
    return render_page("rules.html", groups=groups, paragraphs=paragraphs, themes=themes, chosen=chosen,
                       shown=len(shown), total=len(rules))


def rule_filter(args, themes: dict) -> dict:
    """The Regler page's search and filters from the query string (unknown values are ignored)."""
    cats = category_labels()
    pick = lambda key, allowed: args.get(key, "") if args.get(key, "") in allowed else ""   # noqa: E731
    return {"q": args.get("q", "").strip()[:100], "tema": pick("tema", themes), "kategori": pick("kategori", cats),
            "alvor": pick("alvor", SEVERITY_LABELS)}


def _rule_shown(rule, chosen: dict) -> bool:
    if chosen["tema"] and rule.theme != chosen["tema"]:
        return False
    if chosen["kategori"] and rule.category != chosen["kategori"]:
        return False
    if chosen["alvor"] and rule.severity != chosen["alvor"]:
        return False
    q = chosen["q"].lower()
    if q:
        hay = " ".join([rule.id, rule.title, rule.explanation or "", *rule.examples.get("flag", ()),
                        *rule.examples.get("pass", ())]).lower()
        return all(word in hay for word in q.split())
    return True


@bp.post("/hent")
def download():
    text = request.form.get("text", "")
    fmt = request.form.get("format", "txt")
    return export_response(text, fmt, request.form.get("name") or None)

