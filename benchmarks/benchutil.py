"""What the benchmark scripts share: the corpus letters, a letter of a given size, memory of a process tree.

No side effects on import (the scripts set their own thread limits).
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "letters"


def corpus_texts() -> list[str]:
    """Every before and after letter of the corpus, in a fixed order."""
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/*.txt"))]


def letter_of_about(words: int, texts: list[str]) -> str:
    """Whole paragraphs of ``texts``, in order, until there are at least ``words`` words."""
    out, n = [], 0
    for t in texts:
        for para in t.split("\n\n"):
            out.append(para)
            n += len(para.split())
            if n >= words:
                return "\n\n".join(out)
    return "\n\n".join(out)


def tree_pids(pid: int):
    """``pid`` and its live descendants (Linux /proc), parents first; gone processes are skipped."""
    todo, seen = [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            children = []
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    children.extend(int(c) for c in fh.read().split())
        except OSError:
            continue
        yield p
        todo.extend(children)


def process_rss(pid: int) -> dict[int, int]:
    """RSS in bytes of ``pid`` and each of its live descendants (Linux /proc), by process id."""
    out = {}
    for p in tree_pids(pid):
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        out[p] = int(line.split()[1]) * 1024
        except OSError:
            continue
    return out


def tree_rss(pid: int) -> int:
    """RSS in bytes of ``pid`` and all its descendants (Linux /proc)."""
    return sum(process_rss(pid).values())


def script_path(name: str) -> str:
    """The console script ``name`` as installed next to this interpreter (``.venv/bin/letterlab``)."""
    import sys

    path = Path(sys.executable).parent / name
    if not path.exists():
        raise SystemExit(f"{path} is missing: install letterlab into this environment (pip install -e .)")
    return str(path)


def words_of(doc) -> int:
    """Words as letterlab's LIX counts them (``letterlab.metrics.is_word``), not tokens."""
    from letterlab.metrics import is_word

    return sum(1 for tok in doc if is_word(tok))
