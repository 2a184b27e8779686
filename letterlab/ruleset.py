"""Rule files: TOML in ``rules/``, validated on load, layered, switched by id or id prefix.

A rule file holds ``[[rule]]`` tables (and optionally ``[[override]]`` tables
and a ``disable`` list); a profile file holds one ``[profile]`` table. See
``rules/README.md`` for the format communications staff edit.

Validation happens here, never deep inside a run: an unknown kind, unknown
key, wrong type or a threshold out of range raises ``RuleError`` with
``file:line: what is wrong`` and the valid choices. A broken file never
half-loads: ``load_rules`` either returns a complete ``RuleSet`` or raises.
"""
from __future__ import annotations

import hashlib
import re
from letterlab import rxcache
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from .checks import KINDS
from .checks.base import Param
from .report.model import CATEGORIES, SEVERITIES

THEMES = {
    "klart-budskab": "Klart budskab",
    "let-at-laese": "Let at læse",
    "borgerrettet": "Borgerrettet",
    "faelles-skriftsprog": "Fælles skriftsprog",
    "genre": "Genre og jura",
    "persondata": "Persondata",
    "anerkendende-tone": "Anerkendende tone",
}

RULE_KEYS = {
    "id": str, "kind": str, "category": str, "severity": str, "theme": str, "title": str,
    "message": str, "explanation": str, "params": dict, "examples": dict, "rewrites": list,
    "enabled": bool, "genres": list, "weight": (int, float), "parts": list,
}
REQUIRED = ("id", "kind", "category", "theme", "title", "message", "explanation", "examples")
OVERRIDE_KEYS = {"id": str, "enabled": bool, "severity": str, "params": dict, "message": str}
PROFILE_KEYS = {
    "id": str, "title": str, "description": str, "lix_target": (int, float),
    "passive_max_share": (int, float), "weights": dict, "genres": list,
}
KEY_RE = r"^\s*{}\s*="
PROFILE_HEADER_RE = r"^\s*\[profile\]"
OVERRIDE_HEADER_RE = r"^\s*\[\[override\]\]"
DISABLE_RE = r"^\s*disable"
ID_RE = rxcache.compile(r"^[a-z0-9æøå][a-z0-9æøå_-]*(\.[a-z0-9æøå][a-z0-9æøå_-]*)+$")


class RuleError(Exception):
    """A rule file is wrong. The message reads ``file:line: what is wrong``."""


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    category: str
    severity: str
    theme: str
    title: str
    message: str
    explanation: str
    params: dict[str, Any]
    examples: dict[str, list[str]]
    rewrites: tuple[dict[str, str], ...] = ()
    enabled: bool = True
    genres: tuple[str, ...] = ()
    source: str = ""
    line: int = 0
    parts: tuple[str, ...] = ()     # the anatomy part kinds the rule applies to; () = the kind's default

    @property
    def applies_to(self) -> tuple[str, ...]:
        """Part kinds whose findings are kept: the rule file's ``parts``, else the kind's default."""
        from .anatomy import default_parts

        return self.parts or default_parts(self.kind)

    @property
    def module(self):
        return KINDS[self.kind]

    def check(self, doc):
        return self.module.check(doc, self)


@dataclass(frozen=True)
class Profile:
    id: str
    title: str
    description: str = ""
    lix_target: float = 40
    passive_max_share: float = 0.25
    weights: dict[str, float] = field(default_factory=dict)
    genres: tuple[str, ...] = ()
    source: str = ""


@dataclass
class RuleSet:
    rules: list[Rule]
    profiles: dict[str, Profile]
    sources: list[str]
    version: str

    def active(self, genre: str | None = None) -> list[Rule]:
        return [r for r in self.rules if r.enabled and (not r.genres or genre in r.genres)]

    def get(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    def profile(self, name: str | None = None) -> Profile:
        if name is None:
            name = "brev"
        if name not in self.profiles:
            raise RuleError(f"Profilen '{name}' findes ikke. Vælg en af: {', '.join(sorted(self.profiles))}")
        return self.profiles[name]

    def with_switches(self, disable: Iterable[str] = (), enable: Iterable[str] = ()) -> "RuleSet":
        """A copy with rules switched off/on by id or id prefix (``klarhed.`` or ``klarhed``)."""
        disable, enable = list(disable), list(enable)
        rules = []
        for r in self.rules:
            if any(_matches(r.id, p) for p in disable):
                r = replace(r, enabled=False)
            if any(_matches(r.id, p) for p in enable):
                r = replace(r, enabled=True)
            rules.append(r)
        return RuleSet(rules, self.profiles, self.sources, _version(rules, self.profiles))


def _matches(rule_id: str, pattern: str) -> bool:
    p = pattern.rstrip(".")
    return rule_id == p or rule_id.startswith(p + ".")


def default_rules_dir() -> Path:
    return Path(str(resources.files("letterlab.default_rules")))


@lru_cache(maxsize=4)
def _lines(text: str) -> list[str]:
    """``text.splitlines()``, kept for the file being read (every rule looks up its line in it)."""
    return text.splitlines()


def _line_of(text: str, needle_re: str, start_line: int = 1) -> int:
    lines = _lines(text)
    rx = re.compile(needle_re)
    for i in range(max(0, start_line - 1), len(lines)):
        if rx.search(lines[i]):
            return i + 1
    return start_line


def _typename(t) -> str:
    names = {str: "tekst", bool: "true/false", int: "heltal", float: "tal", dict: "tabel", list: "liste"}
    if isinstance(t, tuple):
        return " eller ".join(names.get(x, x.__name__) for x in t)
    return names.get(t, t.__name__)


def _check_type(value, typ) -> bool:
    if isinstance(value, bool) and typ is not bool and not (isinstance(typ, tuple) and bool in typ):
        return False
    return isinstance(value, typ)


def validate_params(kind: str, params: dict, where: str, locate=None) -> dict[str, Any]:
    """Check ``params`` against the kind's ``PARAMS`` schema and fill in defaults.

    ``locate(key)`` may give a more exact ``file:line`` for a parameter.
    """
    schema: dict[str, Param] = getattr(KINDS[kind], "PARAMS", {})
    out: dict[str, Any] = {}
    at = where

    def where_of(key: str) -> str:      # only for an error: finding the line reads the whole file
        return locate(key) if locate and key in params else at

    for key in params:
        if key not in schema:
            valid = ", ".join(sorted(schema)) or "(ingen)"
            raise RuleError(f"{where_of(key)}: ukendt parameter '{key}' for kind '{kind}'. Gyldige: {valid}")
    for key, p in schema.items():
        if key not in params:
            if p.required:
                raise RuleError(f"{where_of(key)}: parameter '{key}' mangler ({p.help or _typename(p.type)})")
            out[key] = p.default
            continue
        v = params[key]
        if isinstance(p.type, tuple) and float in p.type and isinstance(v, int) and not isinstance(v, bool):
            v = float(v)
        if p.type is float and isinstance(v, int) and not isinstance(v, bool):
            v = float(v)
        if not _check_type(v, p.type):
            raise RuleError(f"{where_of(key)}: parameter '{key}' skal være {_typename(p.type)}, ikke {v!r}")
        if p.min is not None and v < p.min or p.max is not None and v > p.max:
            raise RuleError(f"{where_of(key)}: parameter '{key}' = {v} er uden for {p.min}–{p.max}")
        if p.choices and v not in p.choices:
            raise RuleError(f"{where_of(key)}: parameter '{key}' = {v!r}. Gyldige: {', '.join(p.choices)}")
        validator = getattr(KINDS[kind], "validate_param", None)
        if validator:
            problem = validator(key, v)
            if problem:
                raise RuleError(f"{where_of(key)}: parameter '{key}': {problem}")
        out[key] = v
    return out


def _parse_rule(raw: dict, path: Path, text: str) -> Rule:
    rid = raw.get("id")
    line = _line_of(text, r'^\s*id\s*=\s*["\']' + re.escape(str(rid)) + r'["\']') if rid else 1
    where = f"{path}:{line}"
    for key, value in raw.items():
        if key not in RULE_KEYS:
            raise RuleError(f"{where}: ukendt nøgle '{key}'. Gyldige: {', '.join(sorted(RULE_KEYS))}")
        if not _check_type(value, RULE_KEYS[key]):
            kline = _line_of(text, rf"^\s*{re.escape(key)}\s*=", line)
            raise RuleError(f"{path}:{kline}: '{key}' skal være {_typename(RULE_KEYS[key])}")
    for key in REQUIRED:
        if key not in raw:
            raise RuleError(f"{where}: reglen mangler nøglen '{key}'")
    if not ID_RE.match(rid):
        raise RuleError(f"{where}: id '{rid}' skal være små bogstaver med punktum, fx 'let-at-laese.passiv'")
    kind = raw["kind"]
    if kind not in KINDS:
        kline = _line_of(text, r"^\s*kind\s*=", line)
        raise RuleError(f"{path}:{kline}: ukendt kind '{kind}'. Gyldige: {', '.join(sorted(KINDS))}")
    if raw["category"] not in CATEGORIES:
        kline = _line_of(text, r"^\s*category\s*=", line)
        raise RuleError(f"{path}:{kline}: ukendt category '{raw['category']}'. Gyldige: {', '.join(CATEGORIES)}")
    severity = raw.get("severity", "warning")
    if severity not in SEVERITIES:
        kline = _line_of(text, r"^\s*severity\s*=", line)
        raise RuleError(f"{path}:{kline}: ukendt severity '{severity}'. Gyldige: {', '.join(SEVERITIES)}")
    ex = raw["examples"]
    for k in ex:
        if k not in ("flag", "pass"):
            raise RuleError(f"{where}: examples må kun have 'flag' og 'pass', ikke '{k}'")
    flag, ok = ex.get("flag", []), ex.get("pass", [])
    if not flag or not ok or not all(isinstance(s, str) and s.strip() for s in flag + ok):
        raise RuleError(f"{where}: reglen skal have mindst ét eksempel i examples.flag og ét i examples.pass")
    def locate(key: str) -> str:
        return f"{path}:{_line_of(text, KEY_RE.format(re.escape(key)), line)}"

    params = validate_params(kind, raw.get("params", {}), where, locate)
    parts = raw.get("parts", [])
    from .anatomy import PART_KINDS

    for kind_name in parts:
        if kind_name not in PART_KINDS:
            raise RuleError(f"{locate('parts')}: ukendt del af brevet '{kind_name}' i parts. "
                            f"Gyldige: {', '.join(PART_KINDS)}")
    rewrites = tuple(raw.get("rewrites", ()))
    for rw in rewrites:
        if not isinstance(rw, dict) or set(rw) - {"input", "output", "apply"} or "input" not in rw or "output" not in rw:
            raise RuleError(f"{where}: hver rewrite skal have 'input' og 'output'")
    return Rule(
        id=rid, kind=kind, category=raw["category"], severity=severity, theme=raw["theme"],
        title=raw["title"], message=raw["message"], explanation=raw["explanation"].strip(),
        params=params, examples={"flag": list(flag), "pass": list(ok)}, rewrites=rewrites,
        enabled=raw.get("enabled", True), genres=tuple(raw.get("genres", ())),
        source=str(path), line=line, parts=tuple(parts),
    )


def _parse_profile(raw: dict, path: Path, text: str) -> Profile:
    where = f"{path}:{_line_of(text, PROFILE_HEADER_RE)}"
    for key, value in raw.items():
        if key not in PROFILE_KEYS:
            raise RuleError(f"{where}: ukendt nøgle '{key}' i [profile]. Gyldige: {', '.join(sorted(PROFILE_KEYS))}")
        if not _check_type(value, PROFILE_KEYS[key]):
            raise RuleError(f"{where}: '{key}' skal være {_typename(PROFILE_KEYS[key])}")
    if "id" not in raw or "title" not in raw:
        raise RuleError(f"{where}: [profile] skal have 'id' og 'title'")
    weights = raw.get("weights", {})
    for k, v in weights.items():
        if k not in CATEGORIES:
            raise RuleError(f"{where}: ukendt kategori '{k}' i weights. Gyldige: {', '.join(CATEGORIES)}")
        if not isinstance(v, (int, float)) or isinstance(v, bool) or v < 0:
            raise RuleError(f"{where}: vægten for '{k}' skal være et tal på 0 eller mere")
    if sum(weights.values()) > 100:
        raise RuleError(f"{where}: vægtene må højst give 100 tilsammen (nu {sum(weights.values())})")
    lt = raw.get("lix_target", 40)
    if not 10 <= lt <= 70:
        raise RuleError(f"{where}: lix_target = {lt} er uden for 10–70")
    pm = raw.get("passive_max_share", 0.25)
    if not 0 <= pm <= 1:
        raise RuleError(f"{where}: passive_max_share = {pm} er uden for 0–1")
    return Profile(id=raw["id"], title=raw["title"], description=raw.get("description", ""),
                   lix_target=float(lt), passive_max_share=float(pm),
                   weights={k: float(v) for k, v in weights.items()},
                   genres=tuple(raw.get("genres", ())), source=str(path))


def _read_file(path: Path) -> tuple[list[Rule], list[dict], list[str], list[Profile]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RuleError(f"{path}:1: filen er ikke UTF-8") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise RuleError(f"{path}:{m.group(1) if m else 1}: TOML-fejl: {exc}") from exc
    allowed = {"rule", "override", "disable", "profile"}
    for key in data:
        if key not in allowed:
            raise RuleError(f"{path}:{_line_of(text, re.escape(key))}: ukendt nøgle '{key}'. Gyldige: {', '.join(sorted(allowed))}")
    rules = [_parse_rule(r, path, text) for r in data.get("rule", [])]
    overrides = data.get("override", [])
    for o in overrides:
        line = _line_of(text, OVERRIDE_HEADER_RE)
        for k in o:
            if k not in OVERRIDE_KEYS:
                raise RuleError(f"{path}:{line}: ukendt nøgle '{k}' i [[override]]. Gyldige: {', '.join(sorted(OVERRIDE_KEYS))}")
        if "id" not in o:
            raise RuleError(f"{path}:{line}: [[override]] skal have 'id' (regel-id eller præfiks)")
        o["_where"] = f"{path}:{line}"
    disable = data.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(d, str) for d in disable):
        raise RuleError(f"{path}:{_line_of(text, DISABLE_RE)}: 'disable' skal være en liste af regel-id'er")
    profiles = [_parse_profile(data["profile"], path, text)] if "profile" in data else []
    return rules, overrides, disable, profiles


def load_rules(dirs: Iterable[str | Path] | None = None, *, include_defaults: bool = True) -> RuleSet:
    """Load the default rules, then each of ``dirs`` (or single files) on top, in order.

    A rule whose id already exists replaces it; ``[[override]]`` tables tune
    or switch rules by id or prefix; ``disable`` switches rules off by prefix.
    """
    layers: list[Path] = []
    if include_defaults:
        layers.append(default_rules_dir())
    layers.extend(Path(d) for d in (dirs or []))
    by_id: dict[str, Rule] = {}
    order: list[str] = []
    profiles: dict[str, Profile] = {}
    sources: list[str] = []
    for layer in layers:
        if not layer.exists():
            raise RuleError(f"{layer}: mappen eller filen findes ikke")
        files = [layer] if layer.is_file() else sorted(layer.rglob("*.toml"))
        seen_here: dict[str, str] = {}
        pending_overrides: list[dict] = []
        pending_disable: list[str] = []
        for f in files:
            rules, overrides, disable, profs = _read_file(f)
            sources.append(str(f))
            for r in rules:
                if r.id in seen_here:
                    raise RuleError(f"{f}:{r.line}: id '{r.id}' findes også i {seen_here[r.id]}")
                seen_here[r.id] = f"{r.source}:{r.line}"
                if r.id not in by_id:
                    order.append(r.id)
                by_id[r.id] = r
            for p in profs:
                profiles[p.id] = p
            pending_overrides.extend(overrides)
            pending_disable.extend(disable)
        for o in pending_overrides:
            hits = [rid for rid in order if _matches(rid, o["id"])]
            if not hits:
                raise RuleError(f"{o['_where']}: ingen regel har id eller præfiks '{o['id']}'")
            for rid in hits:
                r = by_id[rid]
                changes: dict[str, Any] = {}
                if "enabled" in o:
                    changes["enabled"] = o["enabled"]
                if "severity" in o:
                    if o["severity"] not in SEVERITIES:
                        raise RuleError(f"{o['_where']}: ukendt severity '{o['severity']}'. Gyldige: {', '.join(SEVERITIES)}")
                    changes["severity"] = o["severity"]
                if "message" in o:
                    changes["message"] = o["message"]
                if "params" in o:
                    merged = {**r.params, **o["params"]}
                    changes["params"] = validate_params(r.kind, merged, o["_where"])
                by_id[rid] = replace(r, **changes)
        for prefix in pending_disable:
            for rid in order:
                if _matches(rid, prefix):
                    by_id[rid] = replace(by_id[rid], enabled=False)
    if include_defaults and "brev" not in profiles:
        raise RuleError("Standardprofilen 'brev' mangler i reglerne")
    rules = [by_id[i] for i in order]
    return RuleSet(rules, profiles, sources, _version(rules, profiles))


def _version(rules: list[Rule], profiles: dict[str, Profile]) -> str:
    """A short hash of everything that changes results: used by caches and reports."""
    h = hashlib.sha256()
    for r in rules:
        h.update(repr((r.id, r.kind, r.severity, r.enabled, sorted(r.params.items(), key=str),
                       r.genres, r.message, r.parts)).encode())
    for p in sorted(profiles):
        h.update(repr(profiles[p]).encode())
    return h.hexdigest()[:12]


_default: RuleSet | None = None


def default_ruleset() -> RuleSet:
    """The default rules, loaded once per process."""
    global _default
    if _default is None:
        _default = load_rules()
    return _default
