"""Find the letter files under a folder: recursive, filtered by globs, in a stable order."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# What the readers read, plus letter formats they refuse with a helpful message
# (.doc, .rtf, .pdf): those must show up as rows, not vanish. Word templates and
# macro files (.dotx, .docm, .dotm) are read like .docx.
LETTER_SUFFIXES = (
    ".docx", ".odt", ".txt", ".md", ".markdown", ".html", ".htm",
    ".doc", ".docm", ".dotx", ".dotm", ".rtf", ".pdf", ".ott", ".xhtml",
)


@dataclass(frozen=True)
class Found:
    """One discovered file: absolute path, path relative to the audited folder (POSIX), size.

    ``problem`` says why the file must not be read: ``"outside"`` (a link whose real path
    lies outside the audited folder) or ``"not_regular"`` (a FIFO, device or socket, which
    would block or never end). Such files get an error row in the reports; they never vanish.
    """

    path: str
    rel: str
    size: int
    problem: str | None = None


def inside(path: str, root: str) -> bool:
    """True when ``path``'s real path (links followed) lies inside the folder ``root`` (a real path)."""
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern:
    """Translate a glob with ``**`` into a regex over POSIX relative paths.

    ``*`` and ``?`` stay inside one path segment, ``**/`` matches any number of
    folders. A pattern without ``/`` matches the file name at any depth
    (like .gitignore), so ``--exclude '*kladde*'`` does what people expect.
    """
    pat = pattern.replace("\\", "/").lstrip("/")
    if pat.startswith("./"):
        pat = pat[2:]
    if "/" not in pat:
        pat = "**/" + pat
    out, i = [], 0
    while i < len(pat):
        c = pat[i]
        if pat.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
        elif pat.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            j = pat.find("]", i + 2 if pat[i + 1:i + 2] in ("!", "]") else i + 1)
            if j < 0:
                out.append(re.escape(c))
                i += 1
            else:
                body = pat[i + 1:j]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\").replace("[", "\\[") + "]")
                i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    return re.compile("".join(out) + r"\Z", re.IGNORECASE if os.name == "nt" else 0)


def matches(rel: str, patterns) -> bool:
    """True when the POSIX relative path matches one of the globs."""
    return any(_glob_regex(p).match(rel) for p in patterns)


def discover(root: str | os.PathLike, include=(), exclude=(), skip=()) -> list[Found]:
    """Letter files under ``root``, sorted by relative path.

    Without ``include`` every file with a letter suffix is taken. Hidden files
    and folders and Word's lock files (``~$brev.docx``) are left out. ``skip``
    holds absolute folders never to enter (the output folder when it lies
    inside the audited one). Symbolic links to folders are not followed; a link to a file
    outside ``root`` and a file that is not a regular file are listed with a ``problem``.
    """
    root = Path(root).resolve()
    real_root = os.path.realpath(root)
    skip_dirs = {str(Path(s).resolve()) for s in skip}
    found: list[Found] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        keep = []
        for d in dirnames:
            full = os.path.join(dirpath, d)
            if d.startswith(".") or full in skip_dirs or os.path.realpath(full) in skip_dirs:
                continue
            if exclude and matches(rel_dir + d, exclude):
                continue
            keep.append(d)
        dirnames[:] = sorted(keep)
        for name in filenames:
            if name.startswith((".", "~$")):
                continue
            rel = rel_dir + name
            if include:
                if not matches(rel, include):
                    continue
            elif not name.lower().endswith(LETTER_SUFFIXES):
                continue
            if exclude and matches(rel, exclude):
                continue
            full = os.path.join(dirpath, name)
            problem = None
            try:
                st = os.stat(full)
            except OSError:
                size = -1
            else:
                size = st.st_size
                if not _is_regular(st):
                    problem = "not_regular"
            if not inside(full, real_root):
                problem = "outside"
            found.append(Found(full, rel, size, problem))
    found.sort(key=lambda f: (f.rel.casefold(), f.rel))
    return found


def _is_regular(st) -> bool:
    import stat

    return stat.S_ISREG(st.st_mode)
