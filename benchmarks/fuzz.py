"""Fuzz letterlab with generated hostile inputs: text, .docx, .html and file names.

Each input (seeded, so a run can be repeated) goes through:

* the core behind ``check`` (``analyse_many``): no exception; every finding and suggestion lies inside
  the text and a finding's ``text`` is the (CPR-masked) text at its offsets ("offset mismatch" otherwise);
  no planted CPR number appears in full in any finding, suggestion, notice or source name;
* ``rewrite`` (every ``--rewrite-every``-th input): ``rewrite_letter`` with mode "all" runs, and the
  rewritten letter keeps every planted CPR number;
* ``letterlab check --format json`` (every ``--cli-every``-th file): valid UTF-8 JSON, exit status 0, 1 or 2;
* the web API (every ``--api-every``-th input, Flask test client): no 5xx, JSON body, a Danish
  error message on every 4xx;
* ``audit``: every input written as a file (hostile names included) into one folder, audited once:
  every file reported, reports valid UTF-8, no planted CPR number in full.

``--only 2341,8779`` regenerates just those inputs of the seed (the generator is replayed up to
them), writes each to ``--dump`` (a folder; default: the current one) and prints what its analysis
cost per stage (tokenizer, the rest of the pipeline, the checks), without a time limit, with the
slowest functions (``--profile``): how a "stopped" input is looked into.

Every analysis runs under the core's time limit (``--time-limit``, 5 s by default, as in ``check``).
The limit counts wall-clock seconds, so a starved process (``nice -n 19`` on a busy machine gets a
few percent of a core) is stopped for letters that cost a fraction of a second: each stopped input's
CPU seconds are reported next to its number (``stopped_cpu_s``, also in the progress lines) to tell
the two apart, and ``--only`` measures an input alone.
A letter stopped there is counted as "stopped": that is the intended behaviour, and the fuzz checks
that such a report carries the Danish ``too_slow`` notice and no scores. A "hang" is a real overrun:
an analysis that took longer than the limit plus ``--hang-margin`` seconds (default 2), i.e. the limit
did not stop it. Prints one JSON object of counts; exit status 1 when anything failed. Usage:

    python benchmarks/fuzz.py --n 10000 --seed 1 --jobs 2
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "letters"

CPRS = ["120385-4321", "0107701234", "311299-9753", "290200-1111"]
# A planted number shown in full; one glued between other digits ("1290200-11110") is another number.
FULL_CPR = re.compile(r"(?<!\d)(?:" + "|".join(CPRS) + r")(?!\d)")
SCRIPTS = ["Κύριε Παπαδόπουλε σας ενημερώνουμε", "Уважаемый господин Иванов", "尊敬的先生 您的申请", "مرحبا بك في البلدية",
           "🙂🎉👍🏽", "e\u0301\u0301\u0301", "\u200b\u200d\ufeff", "\u202eexe.txt\u202c", "\u0000\u0007\u001b[31m"]
PUNCT_RUNS = ["=", '"', ".,", "»", "(", "!?", "’", "*", "-", "a:", "§", "…"]
PLACEHOLDERS = ["{navn}", "{{cpr}}", "«Adresse»", "[Dato]", "<<Sagsnr>>", "{", "}}", "«", "[["]


def corpus_paragraphs() -> list[str]:
    out = []
    for p in sorted(CORPUS.glob("*/*.txt")):
        out.extend(x for x in p.read_text(encoding="utf-8").split("\n\n") if x.strip())
    return out


class Gen:
    def __init__(self, seed: int, max_run: int, max_paras: int = 6):
        self.r = random.Random(seed)
        self.paras = corpus_paragraphs()
        self.max_run = max_run
        self.max_paras = max_paras

    def text(self) -> str:
        r = self.r
        parts = ["Kære " + r.choice(["Anna", "{navn}", "borger", ""])] if r.random() < 0.6 else []
        for _ in range(r.randint(0, self.max_paras)):
            parts.append(self.mutate(r.choice(self.paras)))
        if r.random() < 0.5:
            parts.append(r.choice(["Med venlig hilsen\nBo Jensen", "Venlig hilsen", ""]))
        sep = r.choice(["\n\n", "\n", "\r\n\r\n", " ", "\n\n\n\n", "\t"])
        text = sep.join(parts)
        if r.random() < 0.05:
            text = r.choice(["", " ", "\n\n", "Kære Anna,", "{navn}", "1234", r.choice(SCRIPTS)])
        return text

    def mutate(self, para: str) -> str:
        r = self.r
        for _ in range(r.randint(0, 4)):
            kind = r.randrange(10)
            at = r.randint(0, len(para))
            if kind == 0:
                ins = r.choice(PUNCT_RUNS) * r.randint(2, self.max_run)
            elif kind == 1:
                ins = r.choice(CPRS)
            elif kind == 2:
                ins = r.choice(SCRIPTS)
            elif kind == 3:
                ins = r.choice(PLACEHOLDERS)
            elif kind == 4:
                ins = "".join(chr(r.randint(0x20, 0x2FFF)) for _ in range(r.randint(1, 30)))
            elif kind == 5:
                ins = "x" * r.randint(30, 400)                                  # one very long word
            elif kind == 6:
                ins = "\n" * r.randint(1, 50) or "\n"
            elif kind == 7:
                ins = "<b>" * r.randint(1, 20) + "&amp;&#0;&#xD800;"
            elif kind == 8:
                ins = " " + r.choice(["passiv", "skal det oplyses", "under henvisning til", "De", "Deres"]) + " "
            else:
                para = para[:at]          # cut
                continue
            para = para[:at] + ins + para[at:]
        return para

    def name(self, i: int, ext: str) -> bytes:
        r = self.r
        base = r.choice(["brev", "afgørelse", "Brev om " + r.choice(CPRS), "-leading", "sag_" + r.choice(CPRS),
                         "\u202efdp", "mellem rum", "ÆØÅ", "e\u0301", "x" * 100, "..", "~$lås", ".skjult"])
        raw = f"{i:05d}-{base}{ext}".encode("utf-8")
        if r.random() < 0.1:
            raw = raw.replace(b"-", b"-\xff\xfe", 1)                                # not UTF-8
        return raw.replace(b"/", b"_")

    def document(self, i: int) -> tuple[bytes, bytes, str]:
        """(file name bytes, file bytes, the format)."""
        r = self.r
        text = self.text()
        kind = r.choices(["txt", "docx", "html", "txt16", "latin1"], [5, 2, 2, 1, 1])[0]
        if kind == "docx":
            return self.name(i, ".docx"), make_docx(text, r), kind
        if kind == "html":
            return self.name(i, ".html"), make_html(text, r).encode("utf-8", "surrogatepass"), kind
        if kind == "txt16":
            return self.name(i, ".txt"), text.encode("utf-16"), kind
        if kind == "latin1":
            return self.name(i, ".txt"), text.encode("latin-1", "replace"), kind
        return self.name(i, ".txt"), text.encode("utf-8", "surrogatepass"), kind


def _xml_safe(s: str) -> str:
    return "".join(c for c in s if c in "\t\n" or (0x20 <= ord(c) < 0xD800) or (0xE000 <= ord(c) <= 0xFFFD)
                   or ord(c) > 0xFFFF)


def make_docx(text: str, r: random.Random) -> bytes:
    import docx

    d = docx.Document()
    text = _xml_safe(text)
    if r.random() < 0.3:
        d.sections[0].header.paragraphs[0].text = "Sag " + r.choice(CPRS)
    for block in text.split("\n\n") or [""]:
        d.add_paragraph(block)
    if r.random() < 0.3:
        t = d.add_table(rows=1, cols=2)
        t.cell(0, 0).text = "CPR-nummer"
        t.cell(0, 1).text = r.choice(CPRS)
    buf = io.BytesIO()
    d.save(buf)
    data = buf.getvalue()
    if r.random() < 0.05:
        data = data[: r.randint(10, len(data))]                 # broken zip
    return data


def make_html(text: str, r: random.Random) -> str:
    import html

    body = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
    depth = r.choice([0, 0, 5, 300, 3000])
    tag = r.choice(["div", "span", "b", "table"])
    extra = r.choice(["", "<script>alert(1)</script>", "<!-- x -->", "<style>p{}</style>", "&#xD800;", "<![CDATA[x]]>"])
    return f"<html><body>{f'<{tag}>' * depth}{body}{extra}{f'</{tag}>' * depth}</body></html>"


# ---------------------------------------------------------------------------------------------

def check_report(report, text: str, problems: list[str], where: str) -> None:
    from letterlab.report.safe import mask

    n = len(text)
    for f in report.findings:
        if not 0 <= f.start <= f.end <= n:
            problems.append(f"{where}: finding {f.rule} outside the text")
            continue
        if f.text != mask(text[f.start:f.end]):
            problems.append(f"{where}: offset mismatch in {f.rule}")
        for s in f.suggestions:
            if not 0 <= s.start <= s.end <= n:
                problems.append(f"{where}: suggestion of {f.rule} outside the text")
    blob = json.dumps(report.to_dict(), ensure_ascii=False)
    if FULL_CPR.search(blob):
        problems.append(f"{where}: full CPR number in the report")


def run(n: int, seed: int, jobs: int, hang: float, rewrite_every: int, cli_every: int, api_every: int,
        max_run: int, workdir: Path, max_paras: int = 6, progress: int = 0, time_limit: float | None = None) -> dict:
    """``hang``: seconds of analysis that count as a hang (the time limit plus a margin);
    ``time_limit``: the core's limit per letter (None: the core's default)."""
    from letterlab.checks.privacy import NOT_CPR_BEFORE, find_cpr
    from letterlab.core import NOTICES, TIME_LIMIT, analyse
    from letterlab.nlp.pipeline import load_pipeline
    from letterlab.readers import ReadError, read_document
    from letterlab.rewrite.run import rewrite_letter
    from letterlab.ruleset import default_ruleset

    nlp, rules = load_pipeline(), default_ruleset()
    limit = TIME_LIMIT if time_limit is None else time_limit
    slow_message = NOTICES["too_slow"].split("{")[0]          # the Danish notice up to its number
    gen = Gen(seed, max_run, max_paras)
    started = time.time()
    folder = workdir / "breve"
    folder.mkdir(parents=True)
    counts = {"inputs": 0, "files": 0, "read_errors": 0, "analysed": 0, "rewrites": 0, "cli": 0, "api": 0,
              "crashes": 0, "hangs": 0, "stopped": 0, "offset_mismatches": 0, "cpr_leaks": 0, "other_problems": 0}
    problems: list[str] = []
    slowest = 0.0            # of the analyses that were not stopped
    stopped_s: list[float] = []
    stopped_at: list[int] = []          # input numbers, to regenerate them with the same seed
    stopped_cpu: list[float] = []       # CPU seconds of each stopped analysis: far under the limit = a starved process
    hang_at: list[int] = []
    kinds: dict[str, int] = {}
    api = _api_client()
    names: list[bytes] = []
    for i in range(n):
        if progress and i and i % progress == 0:
            print(json.dumps({"done": i, "s": round(time.time() - started), "problems": len(problems),
                              **{k: v for k, v in counts.items() if v},
                              "stopped_inputs": stopped_at[-10:], "hang_inputs": hang_at[-10:],
                              "stopped_cpu_s": [round(x, 2) for x in stopped_cpu[-10:]]}),
                  file=sys.stderr, flush=True)
        fname, data, kind = gen.document(i)
        kinds[kind] = kinds.get(kind, 0) + 1
        counts["inputs"] += 1
        path = os.path.join(os.fsencode(str(folder)), fname)
        with open(path, "wb") as fh:
            fh.write(data)
        names.append(fname)
        counts["files"] += 1
        try:
            document = read_document(os.fsdecode(path))
        except ReadError:
            counts["read_errors"] += 1
            continue
        except Exception as exc:  # noqa: BLE001
            counts["crashes"] += 1
            problems.append(f"input {i}: reader crashed: {type(exc).__name__}")
            continue
        t, cpu = time.perf_counter(), time.process_time()
        try:
            report = analyse(document, rules, nlp=nlp, time_limit=limit)
        except Exception as exc:  # noqa: BLE001
            counts["crashes"] += 1
            problems.append(f"input {i}: analyse crashed: {type(exc).__name__}: {str(exc)[:80]}")
            continue
        took, took_cpu = time.perf_counter() - t, time.process_time() - cpu
        slow = [x for x in report.notices if x.get("code") == "too_slow"]
        if took > hang:
            counts["hangs"] += 1
            hang_at.append(i)
            problems.append(f"input {i}: analysis took {took:.1f} s (limit {limit:g} s)")
        if slow:
            counts["stopped"] += 1
            stopped_s.append(took)
            stopped_at.append(i)
            stopped_cpu.append(took_cpu)
            if report.scores or not slow[0].get("message", "").startswith(slow_message):
                problems.append(f"input {i}: stopped letter without the too_slow notice or with scores")
        else:
            slowest = max(slowest, took)
            counts["analysed"] += 1
        check_report(report, document.text, problems, f"input {i}")
        if rewrite_every and i % rewrite_every == 0 and report.scores:
            try:
                res = rewrite_letter(document, rules, mode="all", nlp=nlp)
                counts["rewrites"] += 1
                # #13: every CPR number letterlab flags becomes a merge field; none is added
                flagged = sum(1 for f in report.findings if f.rule == "persondata.cpr")
                left = len(find_cpr(res.text, NOT_CPR_BEFORE))
                if left > len(find_cpr(document.text, NOT_CPR_BEFORE)) - flagged:
                    problems.append(f"input {i}: rewrite kept a flagged CPR number")
                check_report(res.after, res.text, problems, f"input {i} (rewritten)")
            except Exception as exc:  # noqa: BLE001
                counts["crashes"] += 1
                problems.append(f"input {i}: rewrite crashed: {type(exc).__name__}")
        if cli_every and i % cli_every == 0:
            counts["cli"] += 1
            _cli_check(path, problems, i)
        if api_every and i % api_every == 0 and api is not None:
            counts["api"] += 1
            _api_check(api, document.text, data, fname, problems, i)
    counts.update(_audit(folder, workdir, jobs, len(names), problems))
    for p in problems:
        if "offset mismatch" in p:
            counts["offset_mismatches"] += 1
        elif "CPR" in p:
            counts["cpr_leaks"] += 1
        elif "crashed" not in p and "took" not in p:
            counts["other_problems"] += 1
    return {"seed": seed, "counts": counts, "formats": kinds, "time_limit_s": limit, "hang_s": hang,
            "slowest_analysis_s": round(slowest, 2),
            "stopped_took_s": [round(x, 2) for x in sorted(stopped_s)[-20:]], "stopped_inputs": stopped_at[:50],
            "stopped_cpu_s": [round(x, 2) for x in stopped_cpu[:50]], "hang_inputs": hang_at[:50],
            "problems": problems[:50]}


def _cli_check(path: bytes, problems: list[str], i: int) -> None:
    from letterlab.cli import main

    out = io.StringIO()
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["check", os.fsdecode(path), "--format", "json"])
    if status not in (0, 1, 2):
        problems.append(f"input {i}: check exit status {status}")
    text = out.getvalue()
    if status != 2 or text.strip():
        try:
            json.loads(text.encode("utf-8").decode("utf-8"))
        except (ValueError, UnicodeError):
            problems.append(f"input {i}: check --format json wrote invalid JSON/UTF-8")
    if FULL_CPR.search(text) or FULL_CPR.search(err.getvalue()):
        problems.append(f"input {i}: check shows a full CPR number")


def _api_client():
    try:
        from letterlab_web import create_app
    except ImportError:
        return None
    return create_app(config={"TESTING": True}).test_client()


def _api_check(client, text: str, data: bytes, fname: bytes, problems: list[str], i: int) -> None:
    headers = {"X-Letterlab-Request": "1"}
    name = fname.decode("utf-8", "replace")
    for path, kw in (("/api/analyse", {"json": {"text": text}}), ("/api/rewrite", {"json": {"text": text}}),
                     ("/api/analyse", {"data": {"file": (io.BytesIO(data), name)},
                                       "content_type": "multipart/form-data"})):
        resp = client.post(path, headers=headers, **kw)
        if resp.status_code >= 500:
            problems.append(f"input {i}: {path} answered {resp.status_code}")
            continue
        body = resp.get_json(silent=True)
        if body is None:
            problems.append(f"input {i}: {path} answered no JSON")
            continue
        if resp.status_code >= 400 and not (body.get("error") or {}).get("message"):
            problems.append(f"input {i}: {path} 4xx without a message")
        if resp.status_code == 200:
            report = body.get("report", body)
            shown = {k: v for k, v in report.items() if k != "text"}
            if FULL_CPR.search(json.dumps(shown, ensure_ascii=False)):
                problems.append(f"input {i}: {path} shows a full CPR number")


def _audit(folder: Path, workdir: Path, jobs: int, n_files: int, problems: list[str]) -> dict:
    from letterlab.audit.runner import AuditOptions, run_audit
    from letterlab.ruleset import default_ruleset

    out = workdir / "rapport"
    t = time.perf_counter()
    visible = sum(1 for name in os.listdir(os.fsencode(str(folder))) if not name.startswith((b".", b"~$")))
    try:
        result = run_audit(AuditOptions(root=folder, out=out, jobs=jobs, use_history=True,
                                        history_path=workdir / "h.sqlite", cache_path=workdir / "c.sqlite"),
                           default_ruleset())
    except Exception as exc:  # noqa: BLE001
        problems.append(f"audit crashed: {type(exc).__name__}")
        return {"audit_files": 0, "audit_crashed": 1}
    rows = len(result.rows)
    if rows != visible:
        problems.append(f"audit reported {rows} of {visible} files")
    for name in ("report.json", "report.html", "report.csv"):
        blob = (out / name).read_bytes()
        try:
            blob.decode("utf-8")
        except UnicodeError:
            problems.append(f"audit {name} is not valid UTF-8")
        if FULL_CPR.search(blob.decode("utf-8", "replace")):
            problems.append(f"audit {name} shows a full CPR number")
    for db in ("h.sqlite", "c.sqlite"):
        if FULL_CPR.search((workdir / db).read_bytes().decode("utf-8", "replace")):
            problems.append(f"audit {db} holds a full CPR number")
    statuses: dict[str, int] = {}
    for r in result.rows:
        key = r["status"] if r["status"] != "error" else "error:" + str(r.get("error_code"))
        statuses[key] = statuses.get(key, 0) + 1
    return {"audit_files": rows, "audit_visible_files": visible, "audit_s": round(time.perf_counter() - t, 1),
            "audit_statuses": statuses}


def replay(seed: int, only: list[int], dump: Path, max_run: int, max_paras: int, profile: int) -> list[dict]:
    """Regenerate inputs ``only`` of ``seed``, write them to ``dump`` and measure their analysis by stage."""
    import cProfile
    import pstats

    from letterlab.core import analyse
    from letterlab.nlp.pipeline import load_pipeline
    from letterlab.readers import ReadError, read_document
    from letterlab.ruleset import default_ruleset

    gen = Gen(seed, max_run, max_paras)
    dump.mkdir(parents=True, exist_ok=True)
    files = {}
    for i in range(max(only) + 1):
        fname, data, kind = gen.document(i)
        if i in only:
            ext = {"txt16": "utf16.txt", "latin1": "latin1.txt"}.get(kind, kind)     # a name the reader knows
            path = dump / f"fuzz-{seed}-{i}.{ext}"
            path.write_bytes(data)
            files[i] = (path, kind, fname)
    nlp, rules = load_pipeline(), default_ruleset()
    analyse("Kære Anna\n\nDu får hjælp.", rules, nlp=nlp)
    out = []
    for i in only:
        path, kind, fname = files[i]
        row: dict = {"input": i, "file": str(path), "format": kind, "name": fname.decode("utf-8", "replace")}
        try:
            document = read_document(str(path))
        except ReadError as exc:
            row["read_error"] = str(exc)
            out.append(row)
            continue
        text = document.text
        t = time.perf_counter()
        doc = nlp.make_doc(text)
        row.update(chars=len(text), tokens=len(doc), tokenizer_s=round(time.perf_counter() - t, 3))
        t = time.perf_counter()
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        row["pipeline_s"] = round(time.perf_counter() - t, 3)
        prof = cProfile.Profile()
        t = time.perf_counter()
        prof.enable()
        report = analyse(document, rules, nlp=nlp, time_limit=None)
        prof.disable()
        row["analyse_s"] = round(time.perf_counter() - t, 3)
        row["checks_s"] = round(row["analyse_s"] - row["tokenizer_s"] - row["pipeline_s"], 3)
        row["findings"] = len(report.findings)
        if profile:
            stats = pstats.Stats(prof).stats
            own = sorted(((v[2], f"{Path(k[0]).name}:{k[1]}:{k[2]}") for k, v in stats.items()), reverse=True)
            row["slowest_own_s"] = [[name, round(sec, 3)] for sec, name in own[:profile]]
        out.append(row)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2, help="audit worker processes")
    ap.add_argument("--time-limit", type=float, default=None, help="the core's limit per letter (default 5 s)")
    ap.add_argument("--hang-margin", type=float, default=2.0,
                    help="seconds past the time limit after which an analysis counts as a hang")
    ap.add_argument("--rewrite-every", type=int, default=4)
    ap.add_argument("--cli-every", type=int, default=20)
    ap.add_argument("--api-every", type=int, default=10)
    ap.add_argument("--max-run", type=int, default=20_000, help="longest punctuation run inserted")
    ap.add_argument("--max-paras", type=int, default=6, help="most corpus paragraphs in one input")
    ap.add_argument("--progress", type=int, default=500, help="a progress line on stderr every N inputs")
    ap.add_argument("--only", default=None, help="regenerate only these inputs (comma-separated numbers)")
    ap.add_argument("--dump", default=".", help="with --only: the folder the inputs are written to")
    ap.add_argument("--profile", type=int, default=8, help="with --only: the N functions with most own time")
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if args.only:
        only = sorted({int(x) for x in args.only.split(",") if x.strip()})
        rows = replay(args.seed, only, Path(args.dump), args.max_run, args.max_paras, args.profile)
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    from letterlab.core import TIME_LIMIT

    limit = TIME_LIMIT if args.time_limit is None else args.time_limit
    t = time.time()
    with tempfile.TemporaryDirectory(prefix="letterlab-fuzz-") as tmp:
        result = run(args.n, args.seed, args.jobs, limit + args.hang_margin, args.rewrite_every, args.cli_every,
                     args.api_every, args.max_run, Path(tmp), args.max_paras, args.progress, limit)
    result["wall_s"] = round(time.time() - t, 1)
    result["load_average"] = os.getloadavg()
    print(json.dumps(result, indent=2, ensure_ascii=False))
    c = result["counts"]
    return 1 if c["crashes"] or c["hangs"] or c["offset_mismatches"] or c["cpr_leaks"] or c["other_problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
