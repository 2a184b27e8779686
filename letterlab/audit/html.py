"""The self-contained HTML report: overview table, inline SVG charts, one section per template.

Everything from a letter or a file name goes through ``esc`` (``html.escape``
with quotes), so a letter or a file name can never add markup or script to the
page. The page loads nothing from outside: CSS and the small sorting script
are inline, the charts are inline SVG.
"""
from __future__ import annotations

import html
import math
from collections import Counter
from functools import lru_cache
from typing import Any, Iterable, TextIO

from ..report.safe import mask as mask_cprs
from ..report.model import CATEGORIES, Report
from ..report.text import LineIndex, coverage_description
from ..report.words import CATEGORY_COLOURS, count_summary, danish_quotes, quote, severity_word, sort_key
from .summary import CATEGORY_DA, SEVERITY_DA, STATUS_DA, fmt_change, fmt_num

MAX_HIGHLIGHT = 400     # longer findings (LIX, long paragraphs) are listed but not painted over the text
MAX_EMBED = 20_000      # characters of one letter shown in the page (only letters that got a score)
EXCERPT = 120


def esc(value: Any) -> str:
    s = "" if value is None else str(value)
    if "&" in s or "<" in s or ">" in s or '"' in s or "'" in s:
        return html.escape(s, quote=True)
    return s        # nothing to escape (most pieces of a letter): what html.escape would give


@lru_cache(maxsize=4096)
def _mark_open(category: str, severity: str, message: str) -> str:
    return f'<mark class="k-{esc(category)} s-{esc(severity)}" title="{esc(message)}">'


# --- one template -----------------------------------------------------------------------

def _highlighted(report: Report) -> str:
    # CPR numbers masked (same length, so the offsets hold); at most MAX_EMBED characters.
    text = mask_cprs(report.text[:MAX_EMBED])
    marks = [f for f in report.findings if 0 <= f.start < f.end <= len(text) and f.end - f.start <= MAX_HIGHLIGHT]
    if not marks:
        return esc(text)
    bounds = sorted({0, len(text), *(f.start for f in marks), *(f.end for f in marks)})
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for k, f in enumerate(marks):
        starting.setdefault(f.start, []).append(k)
        ending.setdefault(f.end, []).append(k)
    active: set[int] = set()   # the findings that cover the piece from a to the next bound
    out = []
    for a, b in zip(bounds, bounds[1:]):
        active.difference_update(ending.get(a, ()))
        active.update(starting.get(a, ()))
        piece = esc(text[a:b])
        if not active:
            out.append(piece)
            continue
        # The innermost finding (the first of equally long ones) gives colour and tooltip;
        # the list below the text has them all.
        inner = marks[min(active, key=lambda k: (marks[k].end - marks[k].start, k))]
        out.append(f"{_mark_open(inner.category, inner.severity, inner.message)}{piece}</mark>")
    return "".join(out)


def _excerpt(text: str) -> str:
    """The start of a finding's text on one line. Masked again after the cut: "120385-43212026" is no CPR number,
    but cut after its tenth digit it reads as one (fuzz seed 9 found it in report.html)."""
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else mask_cprs(text[: EXCERPT - 1].rstrip()) + "…"


def _key_figures(row: dict[str, Any]) -> str:
    parts = []
    if row.get("overall") is not None:
        parts.append(f"Samlet: <b>{esc(row['overall'])}</b> af 100")
    if row.get("lix") is not None:
        parts.append(f"LIX {esc(round(row['lix']))} ({esc(row.get('lix_band') or '')})")
    if row.get("passive_share") is not None:
        parts.append(f"Passiv: {esc(round(100 * row['passive_share']))} %")
    if row.get("jargon_count") is not None:
        parts.append(f"Kancellisprog: {esc(row['jargon_count'])}")
    if row.get("message_first") is not None:
        parts.append("Budskab først: " + ("ja" if row["message_first"] else "nej"))
    if row.get("words") is not None:
        parts.append(f"{esc(row['words'])} ord")
    if row.get("reading_time"):
        parts.append(f"Læsetid: {esc(row['reading_time'])}")
    sev = row.get("severities") or {}
    if any(sev.values()):
        parts.append(esc(count_summary(sev)))
    return " · ".join(parts)


def rule_anchor(rule_id: str) -> str:
    return "regel-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in rule_id)


def render_section(index: int, rel: str, row: dict[str, Any], report: Report | None,
                   titles: dict[str, str]) -> str:
    """The HTML section for one template (error rows too): a folded section with the key figures
    in its summary line, so a report for many templates stays short."""
    worst = row.get("worst_severity") or ("error" if row["status"] == "error" else "")
    head = (f'<details class="skabelon" id="s{index}" data-navn="{esc(rel.lower())}" data-alvor="{esc(worst)}">\n'
            f'<summary><h3>{esc(rel)}</h3>')
    back = '<p class="tilbage"><a href="#oversigt">Til oversigten</a></p>\n'
    if row["status"] == "error":
        return (head + f' <span class="kort">{esc(STATUS_DA["error"])}</span></summary>\n'
                f'<p class="fejlbesked">Vi kunne ikke læse filen. {esc(row["error_message"])}</p>\n{back}</details>\n')
    out = [head, f' <span class="kort">{_key_figures(row)}</span></summary>\n']
    for n in report.notices:
        out.append(f'<p class="note">{esc(n["message"])}</p>\n')
    described = coverage_description(report)
    if described:
        out.append(f'<p class="daekning">{esc(described)}</p>\n')
    if row["status"] == "analysed":    # a letter without a score (empty, not Danish, ...) is not shown
        cut = "" if len(report.text) <= MAX_EMBED else \
            f'<p class="note">Vi viser kun de første {MAX_EMBED:,} tegn af brevet.</p>\n'.replace(",", ".")
        out.append('<details class="brevboks"><summary>Vis brevet med markeringer</summary>\n'
                   f'<div class="brev">{_highlighted(report)}</div>\n{cut}</details>\n')
    if not report.findings:
        out.append("<p>Vi har ikke fundet noget at rette.</p>\n")
        return "".join(out) + back + "</details>\n"
    out.append("<h4>Det har vi fundet</h4>\n")
    lines = LineIndex(report.text)
    by_rule: dict[str, list] = {}
    for f in sorted(report.findings, key=sort_key):
        by_rule.setdefault(f.rule, []).append(f)
    for rule, found in by_rule.items():   # the rule with the worst finding first
        first = found[0]
        title = titles.get(rule, rule)
        out.append(f'<div class="regel k-{esc(first.category)}"><h5>{esc(title)} '
                   f'<span class="antal">({len(found)})</span> '
                   f'<a class="mere" href="#{esc(rule_anchor(rule))}">Læs om reglen</a></h5>\n<ol>\n')
        for f in found:
            line, _ = lines.line_col(f.start)
            out.append(f'<li><span class="s s-{esc(f.severity)}">{esc(severity_word(f.severity, capital=True))}</span> '
                       f'Linje {line}: {esc(quote(_excerpt(f.text)))} {esc(danish_quotes(f.message))}</li>\n')
        out.append("</ol></div>\n")
    out.append(back + "</details>\n")
    return "".join(out)


# --- charts (inline SVG) -------------------------------------------------------------------

def _svg_bars(items: list[tuple[str, float]], label: str, colour: str = "#2b6cb0", width: int = 560) -> str:
    """Horizontal bars with a label and a value on each row."""
    if not items:
        return ""
    row_h, left = 24, 210
    top = max(v for _, v in items) or 1
    h = row_h * len(items) + 8
    out = [f'<svg class="graf" role="img" aria-label="{esc(label)}" viewBox="0 0 {width} {h}" width="{width}" height="{h}">'
           f"<title>{esc(label)}</title>"]
    for i, (name, value) in enumerate(items):
        y = 4 + i * row_h
        w = (width - left - 60) * value / top
        out.append(f'<text x="{left - 8}" y="{y + 16}" text-anchor="end">{esc(name)}</text>'
                   f'<rect x="{left}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" fill="{colour}"/>'
                   f'<text x="{left + w + 6:.1f}" y="{y + 16}">{esc(fmt_num(value))}</text>')
    out.append("</svg>")
    return "".join(out)


def _svg_histogram(values: list[float], label: str, step: int = 5, width: int = 560) -> str:
    if not values:
        return ""
    lo = int(min(values) // step * step)
    hi = int(max(values) // step * step)
    bins = list(range(lo, hi + step, step))
    counts = Counter(int(v // step * step) for v in values)
    top = max(counts.values())
    h, base, left = 200, 170, 30
    bw = (width - left - 10) / len(bins)
    out = [f'<svg class="graf" role="img" aria-label="{esc(label)}" viewBox="0 0 {width} {h}" width="{width}" height="{h}">'
           f"<title>{esc(label)}</title>"]
    for i, b in enumerate(bins):
        n = counts.get(b, 0)
        bh = (base - 20) * n / top
        x = left + i * bw
        fill = "#2f855a" if b + step <= 40 else "#c05621" if b < 50 else "#c53030"
        out.append(f'<rect x="{x + 2:.1f}" y="{base - bh:.1f}" width="{bw - 4:.1f}" height="{bh:.1f}" fill="{fill}">'
                   f"<title>LIX {b}–{b + step - 1}: {n}</title></rect>")
        if n:
            out.append(f'<text x="{x + bw / 2:.1f}" y="{base - bh - 4:.1f}" text-anchor="middle">{n}</text>')
        out.append(f'<text x="{x + bw / 2:.1f}" y="{base + 16}" text-anchor="middle">{b}</text>')
    out.append(f'<line x1="{left}" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#555"/></svg>')
    return "".join(out)


def _svg_trend(points: list[tuple[str, float]], label: str, width: int = 560) -> str:
    if not points:
        return ""
    h, top_pad, base, left = 200, 20, 160, 40
    vals = [v for _, v in points]
    lo = max(0, math.floor(min(vals) / 10) * 10 - 10)
    hi = min(100, math.ceil(max(vals) / 10) * 10 + 10)
    span = (hi - lo) or 1
    n = len(points)
    dx = (width - left - 80) / max(n - 1, 1)   # room on the right for the last date label

    def xy(i, v):
        return left + 10 + i * dx, base - (base - top_pad) * (v - lo) / span

    out = [f'<svg class="graf" role="img" aria-label="{esc(label)}" viewBox="0 0 {width} {h}" width="{width}" height="{h}">'
           f"<title>{esc(label)}</title>"
           f'<line x1="{left}" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#555"/>'
           f'<text x="{left - 6}" y="{base}" text-anchor="end">{lo}</text>'
           f'<text x="{left - 6}" y="{top_pad + 4}" text-anchor="end">{hi}</text>']
    coords = [xy(i, v) for i, (_, v) in enumerate(points)]
    if n > 1:
        out.append('<polyline fill="none" stroke="#2b6cb0" stroke-width="2" points="'
                   + " ".join(f"{x:.1f},{y:.1f}" for x, y in coords) + '"/>')
    for (name, v), (x, y) in zip(points, coords):
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#2b6cb0"><title>{esc(name)}: {v:.1f}</title></circle>'
                   f'<text x="{x:.1f}" y="{y - 8:.1f}" text-anchor="middle">{v:.0f}</text>'
                   f'<text x="{x:.1f}" y="{base + 18}" text-anchor="middle" class="lille">{esc(name)}</text>')
    out.append("</svg>")
    return "".join(out)


# --- the page ----------------------------------------------------------------------------

CSS = """
:root{--ink:#1b1f24;--muted:#4a5460;--line:#d5dbe1;--accent:#0b5cad}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;margin:0;color:var(--ink);background:#fff;line-height:1.55}
main{max-width:1100px;margin:0 auto;padding:1.5rem}
a{color:var(--accent)}
h1{margin-top:0}h2{margin-top:2.5rem;border-bottom:2px solid var(--line)}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{padding:.35rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th button{font:inherit;font-weight:bold;background:none;border:0;padding:0;cursor:pointer;text-align:left;color:inherit}
th button::after{content:" ↕";color:var(--muted)}
th[aria-sort=ascending] button::after{content:" ↑"}th[aria-sort=descending] button::after{content:" ↓"}
td.tal{text-align:right;font-variant-numeric:tabular-nums}
tr.fejl td{color:#5c0011;background:#fde8ec}
.graf{max-width:100%;height:auto;font-size:12px;overflow:visible}.graf text{fill:#2d3748}.lille{font-size:10px}
.grafer{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:1.5rem}
dt{font-weight:bold;margin-top:1rem}.mere{font-size:.85rem;font-weight:normal}
.skabelon{border-top:1px solid var(--line);padding:.4rem 0;margin-top:.6rem}
.skabelon>summary{cursor:pointer;list-style-position:outside}
.skabelon>summary h3{display:inline;font-size:1.1rem;margin:0}
.skabelon .kort{display:block;color:var(--muted);font-size:.9rem;margin-left:1.2rem}
.brevboks>summary{cursor:pointer;color:var(--accent);font-weight:600}
.brev{white-space:pre-wrap;background:#f6f8fa;padding:1rem;border-radius:8px;line-height:1.9}
mark{color:inherit;background:transparent;text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:4px;text-decoration-skip-ink:none}
mark.s-error{text-decoration-thickness:4px}
.s{display:inline-block;padding:0 .4rem;border-radius:5px;font-size:.8rem;font-weight:700}
.s-error{background:#fde1e7;color:#7a0018}.s-warning{background:#fff0c2;color:#5c4200}.s-info{background:#e2eefb;color:#083d73}
.forklaring{color:var(--muted);white-space:pre-line}.note{color:#5c4200;background:#fff8e6;padding:.3rem .5rem}
.daekning{color:var(--muted);font-size:.93rem}
.fejlbesked{color:#5c0011}.antal{color:var(--muted);font-weight:normal}code{font-size:.8rem;color:var(--muted)}
.bedre{color:#1f6e1f}.vaerre{color:#a4001f}
.tilbage{font-size:.9rem}
.filter{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:end;margin:1rem 0;padding:.75rem 1rem;background:#f6f8fa;border-radius:8px}
.filter label{display:block;font-weight:600;font-size:.9rem}
.filter input,.filter select{font:inherit;padding:.3rem .5rem;border:2px solid #6b7682;border-radius:6px;background:#fff;color:var(--ink)}
.filter button{font:inherit;font-weight:600;padding:.3rem .8rem;border:2px solid var(--accent);border-radius:6px;background:#fff;color:var(--accent);cursor:pointer}
.hint{color:var(--muted);font-size:.93rem}
.forklaring-boks>summary{cursor:pointer;color:var(--accent);font-weight:600}
.legende{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem}
""" + "".join(f"mark.k-{c}{{text-decoration-color:{line}}}mark.k-{c}:hover{{background:{tint}}}"
              f".regel.k-{c} h5{{border-left:5px solid {line};padding-left:.4rem}}"
              for c, (line, tint) in CATEGORY_COLOURS.items()) + """
mark.k-passive{text-decoration-style:dashed}mark.k-jargon{text-decoration-style:wavy;text-decoration-thickness:1.5px}
mark.k-nominalisation{text-decoration-style:dotted;text-decoration-thickness:3px}mark.k-address{text-decoration-style:double}
mark.k-terms{text-decoration-style:dotted}
@media print{details{display:block}details>summary{display:none}.filter{display:none}}
"""

JS = """
document.querySelectorAll('table.sorterbar').forEach(function(table){
  var heads=table.querySelectorAll('th');
  heads.forEach(function(th,col){
    var b=th.querySelector('button'); if(!b) return;
    b.addEventListener('click',function(){
      var dir=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';
      heads.forEach(function(h){h.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',dir);
      var body=table.tBodies[0], rows=Array.prototype.slice.call(body.rows);
      var num=th.dataset.type==='num';
      rows.sort(function(a,b){
        var x=a.cells[col].dataset.v, y=b.cells[col].dataset.v;
        if(num){x=x===''?NaN:parseFloat(x);y=y===''?NaN:parseFloat(y);
          if(isNaN(x)&&isNaN(y))return 0; if(isNaN(x))return 1; if(isNaN(y))return -1;
          return dir==='ascending'?x-y:y-x;}
        return dir==='ascending'?x.localeCompare(y,'da'):y.localeCompare(x,'da');
      });
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
});
function openTarget(){var id=location.hash.slice(1),t=id&&document.getElementById(id);
  if(t&&t.tagName==='DETAILS'){t.open=true;}}
window.addEventListener('hashchange',openTarget);openTarget();
var navn=document.getElementById('filter-navn'),alvor=document.getElementById('filter-alvor'),
    status=document.getElementById('filter-status'),rank={error:0,warning:1,info:2};
function filtrer(){
  var q=navn.value.trim().toLowerCase(),a=alvor.value,shown=0,all=0;
  document.querySelectorAll('details.skabelon').forEach(function(d){
    all++;
    var w=d.dataset.alvor,ok=(!q||d.dataset.navn.indexOf(q)>=0)&&(!a||(w&&rank[w]<=rank[a]));
    d.hidden=!ok; if(ok)shown++;
    var row=document.querySelector('tr[data-s="'+d.id+'"]'); if(row)row.hidden=!ok;
  });
  status.textContent=shown===all?'':'Vi viser '+shown+' af '+all+' skabeloner.';
}
if(navn){navn.addEventListener('input',filtrer);alvor.addEventListener('change',filtrer);
  document.getElementById('fold-ud').addEventListener('click',function(){
    document.querySelectorAll('details.skabelon:not([hidden])').forEach(function(d){d.open=true;});});
  document.getElementById('fold-ind').addEventListener('click',function(){
    document.querySelectorAll('details.skabelon').forEach(function(d){d.open=false;});});}
"""

INTRO = (
    "Rapporten viser, hvor let brevskabelonerne er at læse. Hver skabelon får en samlet score fra 0 til 100. "
    "En høj score betyder, at brevet er let at læse. Klik på en overskrift i tabellen for at sortere. "
    "Klik på et filnavn for at se brevet med markeringer og vores forklaringer."
)
HELP_LIX = "LIX måler, hvor svær en tekst er. Et brev til borgere bør have en LIX på højst 40."
HELP_NO_HISTORY = "Det er første gang, vi tjekker mappen. Næste gang kan du se, om brevene er blevet bedre."
HELP_HISTORY_OFF = "Du har slået historikken fra. Derfor kan vi ikke vise, om brevene er blevet bedre."
NO_JARGON = "Vi har ikke fundet kancellisprog i brevene."
NO_TONE = "Vi har ikke fundet problemer med tonen i brevene."
HELP_LEGEND = "Hver slags markering har sin egen farve og sin egen streg under ordene."
HELP_SECTIONS = "Klik på en skabelon for at folde den ud. Du kan også finde en skabelon på navnet."
CHANGE_FIRST = "Kolonnen Ændring er tom, fordi det er første gang, vi tjekker mappen."
CHANGE_OFF = "Kolonnen Ændring er tom, fordi du har slået historikken fra."
CHANGE_HELP = "Ændring viser, hvor meget den samlede score er steget eller faldet siden sidst. Ny betyder, at skabelonen er ny."


def _legend() -> str:
    """The marks' legend, as on the web page: each kind of mark with its colour and line."""
    items = "".join(f'<li><mark class="k-{esc(c)}">{esc(CATEGORY_DA.get(c, c))}</mark></li>' for c in CATEGORIES)
    return (f'<details class="forklaring-boks"><summary>Sådan læser du markeringerne</summary>'
            f'<p class="hint">{esc(HELP_LEGEND)}</p><ul class="legende">{items}</ul></details>\n')


def change_note(rows, history_enabled: bool) -> str:
    """Why the 'Ændring' column is empty, or what it shows."""
    if not history_enabled:
        return CHANGE_OFF
    if not any(r.get("change") is not None or r.get("new") for r in rows):
        return CHANGE_FIRST
    return CHANGE_HELP


def _cell(value: Any, shown: str | None = None, num: bool = False) -> str:
    v = "" if value is None else value
    cls = ' class="tal"' if num else ""
    return f'<td{cls} data-v="{esc(v)}">{esc(v if shown is None else shown)}</td>'


def _overview_row(row: dict[str, Any]) -> str:
    i = row["index"]
    name = f'<td data-v="{esc(row["rel"])}"><a href="#s{i}">{esc(row["rel"])}</a></td>'
    if row["status"] == "error":
        return (f'<tr class="fejl" data-s="s{i}">{name}{_cell(STATUS_DA["error"])}'
                + "".join(_cell(None, num=True) for _ in range(7)) + f'<td data-v="">{esc(row["error_message"])}</td></tr>\n')
    change = row.get("change")
    cls = "bedre" if change and change > 0 else "vaerre" if change and change < 0 else ""
    shown = "ny" if row.get("new") else fmt_change(change) or "–"
    change_cell = (f'<td class="tal {cls}" data-v="{esc("" if change is None else change)}">{esc(shown)}</td>')
    passive = row.get("passive_share")
    mf = row.get("message_first")
    note = " ".join(row.get("notices") or [])
    return (f'<tr data-s="s{i}">{name}'
            + _cell(STATUS_DA[row["status"]])
            + _cell(row.get("overall"), num=True)
            + change_cell
            + _cell(None if row.get("lix") is None else round(row["lix"], 1),
                    None if row.get("lix") is None else fmt_num(row["lix"], 0), num=True)
            + _cell(None if passive is None else round(100 * passive, 1),
                    None if passive is None else fmt_num(100 * passive, 0) + " %", num=True)
            + _cell(row.get("jargon_count"), num=True)
            + _cell(None if row.get("jargon_count") is None else (row.get("counts") or {}).get("tone", 0), num=True)
            + _cell("" if mf is None else ("ja" if mf else "nej"))
            + f'<td data-v="">{esc(note)}</td></tr>\n')


def render_page(out: TextIO, *, rows: list[dict[str, Any]], sections: Iterable[str], run: dict[str, Any],
                category_totals: dict[str, int], jargon: Counter, trend: list[dict[str, Any]] | None,
                history_enabled: bool, rules_seen: dict[str, tuple[str, str, int]] | None = None) -> None:
    """Write the whole page to ``out``; ``sections`` is streamed, so 10,000 templates need little memory.

    ``rules_seen`` maps the id of each rule with findings to (title, explanation, count): the
    explanations are written once at the end, and each template links to them.
    """
    rules_seen = rules_seen or {}
    scored = [r for r in rows if r["overall"] is not None]
    errors = [r for r in rows if r["status"] == "error"]
    mean = sum(r["overall"] for r in scored) / len(scored) if scored else None
    w = out.write
    w('<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n'
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
      f"<title>Tjek af brevskabeloner – {esc(run['root_name'])}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n")
    w(f"<h1>Tjek af brevskabeloner</h1>\n<p>Mappe: <b>{esc(run['root_name'])}</b>. "
      f"Tjekket {esc(run['finished_local'])}.</p>\n<p>{esc(INTRO)}</p>\n")
    facts = [f"{len(rows)} filer", f"{len(scored)} vurderet"]
    if mean is not None:
        facts.append(f"gennemsnitlig score {fmt_num(mean, 0)}")
    if errors:
        facts.append(f"{len(errors)} kan ikke læses")
    w(f'<p class="opsummering">{esc(", ".join(facts))}.</p>\n')

    w('<h2 id="oversigt">Oversigt</h2>\n<table class="sorterbar">\n<thead><tr>'
      '<th scope="col"><button type="button">Fil</button></th>'
      '<th scope="col"><button type="button">Status</button></th>'
      '<th scope="col" data-type="num"><button type="button">Samlet score</button></th>'
      '<th scope="col" data-type="num"><button type="button">Ændring</button></th>'
      '<th scope="col" data-type="num"><button type="button">LIX</button></th>'
      '<th scope="col" data-type="num"><button type="button">Passiv</button></th>'
      '<th scope="col" data-type="num"><button type="button">Kancellisprog</button></th>'
      '<th scope="col" data-type="num"><button type="button">Tone</button></th>'
      '<th scope="col"><button type="button">Budskab først</button></th>'
      '<th scope="col">Bemærkning</th></tr></thead>\n<tbody>\n')
    for row in rows:
        w(_overview_row(row))
    w("</tbody>\n</table>\n")
    w(f'<p class="hint">{esc(change_note(rows, history_enabled))}</p>\n')

    w('<h2 id="grafer">Grafer</h2>\n<div class="grafer">\n')
    lix = [r["lix"] for r in rows if r.get("lix") is not None and r["status"] == "analysed"]
    w(f'<figure><figcaption><b>LIX i skabelonerne</b>. {esc(HELP_LIX)}</figcaption>'
      f'{_svg_histogram(lix, "Antal skabeloner for hver LIX") or "<p>Ingen skabeloner at vise.</p>"}</figure>\n')
    cats = [(CATEGORY_DA.get(c, c), n) for c, n in sorted(category_totals.items(), key=lambda kv: -kv[1]) if n]
    w(f'<figure><figcaption><b>Fund i alt for hvert emne</b></figcaption>'
      f'{_svg_bars(cats, "Antal fund for hvert emne") or "<p>Vi har ikke fundet noget.</p>"}</figure>\n')
    top = jargon.most_common(15)
    w(f'<figure><figcaption><b>Det hyppigste kancellisprog</b></figcaption>'
      f'{_svg_bars(top, "Antal gange, hvert ord er brugt", colour="#805ad5") if top else "<p>" + esc(NO_JARGON) + "</p>"}'
      "</figure>\n")
    tone = sorted(((title, n) for rid, (title, _, n) in rules_seen.items()
                   if rid.startswith("anerkendende-tone.") and n), key=lambda kv: -kv[1])
    w(f'<figure><figcaption><b>Tonen i brevene</b></figcaption>'
      f'{_svg_bars(tone, "Antal fund for hver slags tone") if tone else "<p>" + esc(NO_TONE) + "</p>"}'
      "</figure>\n")
    w(f"<figure><figcaption><b>Udvikling</b></figcaption>{_trend_block(rows, trend, history_enabled)}</figure>\n")
    w("</div>\n")

    w('<h2 id="skabeloner">Skabelonerne en ad gangen</h2>\n'
      f'<p>{esc(HELP_SECTIONS)}</p>\n'
      '<div class="filter" role="search" aria-label="Find skabeloner">'
      '<div><label for="filter-navn">Filnavnet indeholder</label><input id="filter-navn" type="search"></div>'
      '<div><label for="filter-alvor">Vis kun skabeloner med</label><select id="filter-alvor">'
      '<option value="">alle fund</option>'
      f'<option value="error">{esc(severity_word("error"))}</option>'
      f'<option value="warning">{esc(severity_word("warning", 2))} eller {esc(severity_word("error"))}</option>'
      '</select></div>'
      '<div><button type="button" id="fold-ud">Fold alle ud</button> '
      '<button type="button" id="fold-ind">Fold alle sammen</button></div>'
      '<p id="filter-status" class="hint" role="status"></p></div>\n')
    w(_legend())
    for section in sections:
        w(section)
    if rules_seen:
        w('<h2 id="regler">Reglerne</h2>\n<p>Her kan du læse, hvorfor vi peger på noget i brevene.</p>\n<dl class="regler">\n')
        for rule_id, (title, explanation, n) in sorted(rules_seen.items(), key=lambda kv: kv[1][0]):
            w(f'<dt id="{esc(rule_anchor(rule_id))}">{esc(title)} <span class="antal">({n} fund i alt)</span> '
              f'<code>{esc(rule_id)}</code></dt>\n<dd class="forklaring">{esc(explanation)}</dd>\n')
        w("</dl>\n")
    w(f"<footer><p>Lavet med letterlab {esc(run['letterlab_version'])}. Regler: {esc(run['ruleset_version'])}. "
      f"Model: {esc(run['model'])}.</p></footer>\n</main>\n<script>{JS}</script>\n</body>\n</html>\n")


def _trend_block(rows, trend, history_enabled: bool) -> str:
    if not history_enabled:
        return f"<p>{esc(HELP_HISTORY_OFF)}</p>"
    if not trend or len(trend) < 2:
        return f"<p>{esc(HELP_NO_HISTORY)}</p>"
    better = sum(1 for r in rows if r.get("change") is not None and r["change"] > 0)
    worse = sum(1 for r in rows if r.get("change") is not None and r["change"] < 0)
    new = sum(1 for r in rows if r.get("new"))
    prev, last = trend[-2].get("mean_score"), trend[-1].get("mean_score")
    text = trend_text(better, worse, new)
    if prev is not None and last is not None:
        text += f" Den gennemsnitlige score gik fra {fmt_num(prev, 0)} til {fmt_num(last, 0)}."
    points = [(_short_date(t["started_at"]), t["mean_score"]) for t in trend if t.get("mean_score") is not None]
    return f"<p>{esc(text)}</p>" + _svg_trend(points, "Gennemsnitlig score ved hver kørsel")


def trend_text(better: int, worse: int, new: int) -> str:
    return f"Siden sidst har {better} skabeloner fået en bedre score, og {worse} har fået en dårligere score. {new} er nye."


def _short_date(ts: float) -> str:
    import time

    return time.strftime("%d.%m. %H:%M", time.localtime(ts))


def category_totals(rows) -> dict[str, int]:
    totals = {c: 0 for c in CATEGORIES}
    for r in rows:
        for c, n in (r.get("counts") or {}).items():
            totals[c] = totals.get(c, 0) + n
    return totals
