"""Run an audit: discover, read, analyse (through ``core.analyse_many``), cache, report.

Work is done in chunks of files. A chunk is read, looked up in the cache,
the misses are analysed with one ``analyse_many`` call (``nlp.pipe``
batching), and the chunk's outputs (summary rows, JSON, HTML sections,
annotated copies) are made right there. Chunks run either in this process
or in a ``multiprocessing`` pool (``ProcessPoolExecutor`` with spawn; each worker loads the pipeline once,
and only when it meets a file the cache does not know). The main process
only writes the cache, the history and the report files, in file order.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from ..report.safe import safe_name
from .discover import Found, discover, inside
from .summary import error_summary, summarise

CHUNK = 12                  # files per task: enough for nlp.pipe batching, small enough to balance two workers
POOL_MIN_FILES = 2 * CHUNK  # below this a pool costs more (a model load per worker) than it saves
AUDIT_SCHEMA_VERSION = "1.0"
ANNOTATE_DIR = "annoteret"
MSG_OPEN = "Vi kan ikke åbne filen. Tjek, at du har lov til at læse den."
MSG_CRASH = "Vi kunne ikke tjekke filen, fordi der skete en fejl i letterlab. Fortæl det til dem, der passer letterlab."
MSG_OUTSIDE = "Filen er en genvej til en fil uden for mappen. Vi tjekker kun filer i den mappe, du har valgt."
MSG_NOT_REGULAR = "Det er ikke en almindelig fil, så vi har ikke åbnet den. Vi tjekker kun almindelige filer."
MSG_TOO_SLOW = ("Det tog for lang tid at tjekke filen, så vi stoppede efter {limit} sekunder. "
                "Tjek, at filen er et almindeligt brev.")
PROBLEMS = {"outside": MSG_OUTSIDE, "not_regular": MSG_NOT_REGULAR}
WARM_UP_TEXT = "Kære Anna\n\nDu får hjælp til din husleje fra den 1. maj. Vi udbetaler pengene hver måned."
TIME_LIMIT = 5.0            # seconds of analysis per file when the audit runs worker processes
MODEL_LOAD_GRACE = 60.0     # extra seconds for a worker's first chunk: it may load the pipeline


class AuditError(Exception):
    """The audit could not run at all (exit status 2). ``message`` is plain Danish."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class AuditOptions:
    root: Path
    out: Path
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    jobs: int | None = None                 # None: both cores when there is enough to do
    history_path: Path | None = None        # None: the user data folder
    use_history: bool = True
    cache_path: Path | None = None          # None: the user cache folder
    use_cache: bool = True
    annotate: bool = False
    csv_sep: str = ";"
    model: str | None = None
    profile: str | None = None
    genre: str | None = None
    time_limit: float | None = TIME_LIMIT   # per file, with worker processes (--jobs 2 or more)
    baseline: Path | None = None            # an earlier report.json: report only findings new since then


@dataclass
class AuditResult:
    rows: list[dict[str, Any]]
    run: dict[str, Any]
    out: Path


# --- work done per chunk (in a worker or in this process) -----------------------------------

@dataclass
class _Config:
    rules_blob: bytes
    ruleset_version: str
    model: str | None
    model_key: str
    profile: str | None
    genre: str | None
    cache_path: str | None
    annotate_dir: str | None
    explanations: dict[str, str]
    titles: dict[str, str]
    root: str = ""              # real path of the audited folder: nothing outside it is read
    baseline: dict | None = None
    time_limit: float | None = TIME_LIMIT   # seconds per letter; the core stops a letter that takes longer


class _Worker:
    def __init__(self, cfg: _Config, nlp=None):
        self.cfg = cfg
        self.nlp = nlp
        self.rules = None
        self.cache = None
        if cfg.cache_path and Path(cfg.cache_path).exists():
            from .cache import Cache

            self.cache = Cache(cfg.cache_path, readonly=True)

    def ruleset(self):
        if self.rules is None:
            self.rules = pickle.loads(self.cfg.rules_blob)
        return self.rules

    def key(self, content_hash: str) -> str:
        from .cache import cache_key

        c = self.cfg
        return cache_key(content_hash, c.ruleset_version, c.model_key, c.profile, c.genre)

    def run(self, items: list[tuple[int, str, str, int, str | None]]) -> list[dict[str, Any]]:
        from ..readers import ReadError, read_document
        from ..readers.api import DEFAULT_MAX_BYTES
        from ..readers.model import msg_too_large
        from .cache import from_record, to_record

        results: list[dict[str, Any]] = []
        todo = []   # (result, document, data)
        for index, path, rel, size, problem in items:
            res: dict[str, Any] = {"index": index, "rel": rel, "sha256": None, "from_cache": False}
            results.append(res)
            data = None
            if problem is None and self.cfg.root and not inside(path, self.cfg.root):
                problem = "outside"     # the link changed after discovery
            if problem is not None:
                res["row"] = error_summary(problem, PROBLEMS[problem])
                continue
            try:
                if size > DEFAULT_MAX_BYTES:   # too large: not even read
                    raise ReadError("too_large", msg_too_large(DEFAULT_MAX_BYTES))
                data = _read_regular(path, DEFAULT_MAX_BYTES + 1)
                if data is None:
                    res["row"] = error_summary("not_regular", MSG_NOT_REGULAR)
                    continue
                res["sha256"] = hashlib.sha256(data).hexdigest()
                document = read_document(data=data, filename=os.path.basename(path))
            except ReadError as exc:
                res["row"] = error_summary(exc.code, exc.message)
                continue
            except OSError:
                res["row"] = error_summary("open", MSG_OPEN)
                continue
            except Exception:  # a reader bug must not stop the other files
                res["row"] = error_summary("crash", MSG_CRASH)
                continue
            res["key"] = self.key(res["sha256"])
            record = self.cache.get(res["key"]) if self.cache else None
            if record is not None:
                res["from_cache"] = True
                res["record"] = record
            todo.append((res, document, data if self.cfg.annotate_dir else None))

        misses = [(res, d) for res, d, _ in todo if "record" not in res]
        if misses:
            for res, report in zip((r for r, _ in misses), self._analyse([d for _, d in misses])):
                if report is None:
                    res["row"] = error_summary("crash", MSG_CRASH)
                    continue
                if any(n["code"] == "too_slow" for n in report.notices):
                    # The same row as when the pool stops the worker; not cached: a busy machine
                    # says nothing about the letter.
                    res["row"] = error_summary("too_slow", MSG_TOO_SLOW.format(limit=_seconds(self.cfg.time_limit)))
                    continue
                res["record"] = to_record(report)
                res["record_json"] = json.dumps(res["record"], ensure_ascii=False, separators=(",", ":"))

        for res, document, data in todo:
            if "record" not in res:
                continue
            try:
                report = from_record(res.pop("record"), document.text, document.source, self.cfg.explanations)
                self._outputs(res, document, report, data)
            except Exception:  # a renderer bug must not stop the other files
                res.pop("record_json", None)
                res["row"] = error_summary("crash", MSG_CRASH)
        for res in results:
            if res["row"]["status"] == "error":
                self._error_outputs(res)
        return results

    def _analyse(self, documents) -> list:
        from ..core import analyse, analyse_many
        from ..nlp.pipeline import ModelError, load_pipeline

        rules = self.ruleset()
        if self.nlp is None:
            self.nlp = load_pipeline(self.cfg.model)
        kw = dict(model=self.cfg.model, genre=self.cfg.genre, profile=self.cfg.profile, nlp=self.nlp,
                  time_limit=self.cfg.time_limit)
        try:
            return list(analyse_many(documents, rules, **kw))
        except ModelError:
            raise
        except Exception:
            # One letter broke the batch: do them one by one so only that letter is lost.
            out = []
            for d in documents:
                try:
                    out.append(analyse(d, rules, **kw))
                except Exception:
                    out.append(None)
            return out

    def _outputs(self, res, document, report, data) -> None:
        from ..suppress import apply_baseline
        from .html import render_section

        report = apply_baseline(report, res["rel"], self.cfg.baseline)
        row = summarise(report)
        res["row"] = row
        res["report_json"] = json.dumps(_report_dict(report), ensure_ascii=False)
        res["section"] = render_section(res["index"], res["rel"], row, report, self.cfg.titles)
        res["rules"] = [f.rule for f in report.findings]
        res["jargon"] = [" ".join(f.text.lower().split()) for f in report.findings if f.category == "jargon"]
        if self.cfg.annotate_dir and data is not None and document.format == "docx" \
                and res["rel"].lower().endswith(".docx"):
            from .annotate import annotate_docx

            try:
                target = Path(self.cfg.annotate_dir) / res["rel"]
                if target.exists():   # two names that read the same once made safe (masked CPR numbers)
                    target = target.with_name(f"{target.stem} ({res['index']}){target.suffix}")
                res["comments"] = annotate_docx(data, document, report, target, self.cfg.titles)
            except Exception:
                res["annotate_error"] = True

    def _error_outputs(self, res) -> None:
        from .html import render_section

        res["section"] = render_section(res["index"], res["rel"], res["row"], None, self.cfg.titles)


def _report_dict(report) -> dict[str, Any]:
    """``report.to_dict()`` with each finding's ``explanation`` left empty.

    The rules' explanations go once into report.json's ``rules``.
    """
    from dataclasses import replace

    d = replace(report, findings=[]).to_dict()
    d["findings"] = []
    for f in report.findings:
        item = f.to_dict()
        item["explanation"] = ""
        d["findings"].append(item)
    return d


def _read_regular(path: str, limit: int) -> bytes | None:
    """Up to ``limit`` bytes of the regular file at ``path``; None when it is not a regular file.

    Opened without blocking, so a FIFO that replaced the file after discovery cannot stall the run.
    """
    import stat

    fd = os.open(os.path.realpath(path), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return fh.read(limit)


_WORKER: _Worker | None = None


def _init_worker(cfg: _Config) -> None:
    from ..workerproc import init_worker_process

    global _WORKER
    init_worker_process()
    _WORKER = _Worker(cfg)


def _run_chunk(items):
    from ..workpool import Warmed

    results = _WORKER.run(items)
    return Warmed(results) if _WORKER.nlp is not None else results


def _warm_worker() -> None:
    """A replacement worker loads the pipeline before it takes work (it replaces one that was analysing)."""
    from ..readers import read_text

    _WORKER._analyse([read_text(WARM_UP_TEXT)])     # loads the pipeline, the rules and their word lists


# --- the run ---------------------------------------------------------------------------------

def _chunks(found: list[Found]) -> Iterator[list[tuple[int, str, str, int, str | None]]]:
    # Reports show and store the name made safe (undecodable bytes, bidi controls, CPR numbers);
    # the real path is only used to open the file.
    for i in range(0, len(found), CHUNK):
        yield [(i + k, f.path, safe_name(f.rel), f.size, f.problem) for k, f in enumerate(found[i:i + CHUNK])]


def _model_key(model: str | None) -> str:
    """Model identity for the cache key: its resolved name plus its meta version if it has one."""
    from ..nlp.pipeline import resolve_model_name

    name = resolve_model_name(model)
    meta = Path(name) / "meta.json"
    if meta.is_file():
        try:
            m = json.loads(meta.read_text(encoding="utf-8"))
            return f"{Path(name).resolve()}|{m.get('name')}|{m.get('version')}"
        except (OSError, ValueError):
            pass
    return name


def _results(opts: AuditOptions, found: list[Found], cfg: _Config, jobs: int) -> Iterator[dict[str, Any]]:
    if jobs <= 1:
        worker = _Worker(cfg)
        for chunk in _chunks(found):
            yield from worker.run(chunk)
        return
    from concurrent.futures import ThreadPoolExecutor

    from ..workpool import TimeLimitExceeded, WorkerLost, WorkerPool

    # letterlab.workpool rather than ProcessPoolExecutor: a chunk that passes its time limit, or whose
    # worker dies, costs only that chunk. Its files are then run one at a time, so only the file at
    # fault gets an error row ("too slow" or "crash") and every other file is reported as usual.
    limit = opts.time_limit

    def one_chunk(chunk):
        try:
            return pool.run(_run_chunk, (chunk,), timeout=None if limit is None else limit * len(chunk))
        except (TimeLimitExceeded, WorkerLost):
            pass
        out = []
        for item in chunk:
            try:
                out.extend(pool.run(_run_chunk, ([item],), timeout=limit))
            except TimeLimitExceeded:
                out.append(_failed(item, "too_slow", MSG_TOO_SLOW.format(limit=_seconds(limit)), cfg))
            except WorkerLost:
                out.append(_failed(item, "crash", MSG_CRASH, cfg))
        return out

    # Without a cache every file is analysed, so the workers load the pipeline before they take work;
    # with one they load it only when they meet a file the cache does not know (a cached rerun never
    # imports spaCy), and their first chunk gets MODEL_LOAD_GRACE extra seconds for it.
    with WorkerPool(jobs, initializer=_init_worker, initargs=(cfg,), warm=_warm_worker,
                    warm_first=cfg.cache_path is None, first_task_grace=MODEL_LOAD_GRACE) as pool, ThreadPoolExecutor(jobs) as threads:
        for batch in threads.map(one_chunk, _chunks(found)):
            yield from batch


def _seconds(limit: float) -> str:
    return f"{limit:g}".replace(".", ",")     # Danish decimal comma: "0,5"


def _failed(item, code: str, message: str, cfg: _Config) -> dict[str, Any]:
    from .html import render_section

    index, _path, rel, _size, _problem = item
    row = error_summary(code, message)
    return {"index": index, "rel": rel, "sha256": None, "from_cache": False, "row": row,
            "section": render_section(index, rel, row, None, cfg.titles)}


def default_jobs(n_files: int) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 1 if n_files < POOL_MIN_FILES else max(1, cores)


def run_audit(opts: AuditOptions, ruleset, on_progress: Callable[[int, int], None] | None = None) -> AuditResult:
    """Audit ``opts.root`` into ``opts.out``. Raises AuditError, ModelError or RuleError if it cannot run.

    ``on_progress(done, total)`` is called after each file.
    """
    from .. import __version__
    from ..nlp.pipeline import model_label, resolve_model_name
    from .cache import Cache, default_cache_path
    from .history import History, default_history_path
    from .outputs import Spool, write_csv, write_json
    from .html import category_totals, render_page

    started = time.time()
    root = Path(opts.root)
    if not root.is_dir():
        raise AuditError(f"Mappen {root} findes ikke." if not root.exists() else f"{root} er ikke en mappe.")
    root = root.resolve()
    out = Path(opts.out).resolve()
    if out == root:
        raise AuditError("Vælg en anden mappe til rapporten end den mappe, du tjekker.")
    prof = ruleset.profile(opts.profile)

    found = discover(root, opts.include, opts.exclude, skip=[out])
    if not found:
        raise AuditError(f"Vi fandt ingen breve i {root}. Tjek mappen og dine --include og --exclude.")
    out.mkdir(parents=True, exist_ok=True)
    annotate_dir = out / ANNOTATE_DIR
    if opts.annotate:
        if annotate_dir.exists():
            shutil.rmtree(annotate_dir)   # only ever inside --out; old copies of deleted letters must go
        annotate_dir.mkdir()

    cache = None
    if opts.use_cache:
        cache = Cache(opts.cache_path or default_cache_path())
    history = previous = None
    if opts.use_history:
        history = History(opts.history_path or default_history_path())
        previous = history.last_run(safe_name(str(root)))

    model_name = resolve_model_name(opts.model)
    cfg = _Config(
        rules_blob=pickle.dumps(ruleset), ruleset_version=ruleset.version, model=opts.model,
        model_key=_model_key(opts.model), profile=prof.id, genre=opts.genre,
        cache_path=str(cache.path) if cache else None, annotate_dir=str(annotate_dir) if opts.annotate else None,
        explanations={r.id: r.explanation for r in ruleset.rules}, titles={r.id: r.title for r in ruleset.rules},
        root=os.path.realpath(root),
        baseline=_baseline(opts.baseline),
        time_limit=opts.time_limit,
    )
    jobs = opts.jobs if opts.jobs else default_jobs(len(found))
    jobs = max(1, min(jobs, len(found)))
    run_id = history.start_run(safe_name(str(root)), ruleset.version, model_name, prof.id) if history else None

    rows: list[dict[str, Any]] = []
    jargon: Counter = Counter()
    rule_counts: Counter = Counter()
    stats = Counter()
    pending_cache: list[tuple] = []
    hits: list[str] = []
    with Spool(out) as spool:
        try:
            for res in _results(opts, found, cfg, jobs):
                row = res["row"]
                row.update(index=res["index"], rel=res["rel"], sha256=res["sha256"], from_cache=res["from_cache"])
                prev = previous["templates"].get(res["rel"]) if previous else None
                row["new"] = previous is not None and prev is None
                row["change"] = (row["overall"] - prev["overall"]
                                 if prev and prev.get("overall") is not None and row["overall"] is not None else None)
                row["changed_file"] = bool(prev and prev.get("sha256") != res["sha256"])
                row["comments"] = res.get("comments")
                row["annotate_error"] = res.get("annotate_error", False)
                rows.append(row)
                spool.add(row, res.get("report_json"), res["section"])
                jargon.update(res.get("jargon", ()))
                stats[row["status"]] += 1
                stats["from_cache"] += res["from_cache"]
                if cache is not None:
                    if "record_json" in res:
                        pending_cache.append((res["key"], res["sha256"], ruleset.version, cfg.model_key,
                                              res["record_json"]))
                    elif res["from_cache"]:
                        hits.append(res["key"])
                    if len(pending_cache) >= 100:
                        cache.put_many(pending_cache)
                        pending_cache = []
                for f in res.get("rules", ()):
                    rule_counts[f] += 1
                if on_progress:
                    on_progress(len(rows), len(found))
        except BaseException:
            if history is not None:
                history.close()
            raise
        finally:
            if cache is not None:
                cache.put_many(pending_cache)
                cache.touch(hits)
                cache.prune()
                cache.close()

        finished = time.time()
        scored = [r["overall"] for r in rows if r["overall"] is not None]
        mean = sum(scored) / len(scored) if scored else None
        trend = None
        if history is not None:
            history.add_templates(run_id, [_history_row(r) for r in rows])
            history.finish_run(run_id, len(rows), len(scored), stats["error"], sum(r["findings"] for r in rows), mean)
            trend = history.trend(safe_name(str(root)))
            history.close()
        run = {
            "schema_version": AUDIT_SCHEMA_VERSION,
            "letterlab_version": __version__,
            "root": safe_name(str(root)),
            "root_name": safe_name(root.name),
            "started": _iso(started),
            "finished": _iso(finished),
            "finished_local": time.strftime("%d.%m.%Y kl. %H.%M", time.localtime(finished)),
            "duration_s": round(finished - started, 3),
            "ruleset_version": ruleset.version,
            "model": model_label(model_name),
            "profile": prof.id,
            "genre": opts.genre,
            "jobs": jobs,
            "files": len(rows),
            "analysed": stats["analysed"],
            "not_scored": stats["not_scored"],
            "errors": stats["error"],
            "from_cache": stats["from_cache"],
            "mean_score": None if mean is None else round(mean, 1),
            "previous_run": None if not previous else _iso(previous["started_at"]),
            "history": history is not None,
            "cache": cache is not None,
        }
        totals = category_totals(rows)
        write_csv(out / "report.csv", rows, opts.csv_sep)
        rules_seen = {r: (cfg.titles.get(r, r), cfg.explanations.get(r, ""), n) for r, n in rule_counts.items()}
        write_json(out / "report.json", run, rows, spool, totals, jargon, trend, rules_seen)
        tmp = out / ".report.html.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            render_page(fh, rows=rows, sections=spool.sections(), run=run, category_totals=totals,
                        jargon=jargon, trend=trend, history_enabled=history is not None,
                        rules_seen=rules_seen)
        os.replace(tmp, out / "report.html")
    return AuditResult(rows=rows, run=run, out=out)


def _baseline(path: Path | None):
    if path is None:
        return None
    from ..suppress import BaselineError, load_baseline

    try:
        return load_baseline(path)
    except BaselineError as exc:
        raise AuditError(exc.message) from None


def _history_row(r: dict[str, Any]) -> dict[str, Any]:
    mf = r.get("message_first")
    return {
        "path": r["rel"], "sha256": r["sha256"], "status": r["status"], "error_code": r.get("error_code"),
        "overall": r["overall"], "lix": r["lix"], "passive_share": r["passive_share"],
        "jargon_count": r["jargon_count"], "message_first": None if mf is None else int(bool(mf)),
        "words": r["words"], "findings": r["findings"], "counts": r["counts"],
    }


def _iso(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(ts))
