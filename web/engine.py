"""The app's one handle on the core: the rules and the pipeline, loaded once per process."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Iterable

from letterlab.core import analyse
from letterlab.genres import GENRES
from letterlab.nlp.pipeline import load_pipeline
from letterlab.readers import Document
from letterlab.report.model import Report
from letterlab.ruleset import RuleError, RuleSet, load_rules

WARM_UP_TEXT = "Kære Anna\n\nDu får hjælp til din husleje fra den 1. maj. Vi udbetaler pengene hver måned."


class Engine:
    """Rules + pipeline shared by all requests of one process."""

    def __init__(self, rules_dirs: Iterable[str | Path] | None = None, model: str | None = None,
                 ruleset: RuleSet | None = None, genre: str | None = None, profile: str | None = None):
        self.rules = ruleset if ruleset is not None else load_rules(list(rules_dirs or []))
        self.model = model
        if genre is not None and genre not in GENRES:
            raise RuleError(f"Brevtypen '{genre}' findes ikke. Vælg en af: {', '.join(GENRES)}")
        self.genre = genre          # used when a request names none (``serve --genre``)
        self.profile = self.rules.profile(profile).id
        self.nlp = load_pipeline(model)
        # spaCy does not promise that one Language object is safe to call from several
        # threads at once, and the GIL leaves little to gain, so requests take turns.
        self._lock = threading.Lock()

    def analyse(self, source: str | Document, genre: str | None = None, profile: str | None = None) -> Report:
        with self._lock:
            return analyse(source, self.rules, model=self.model, genre=genre or self.genre,
                           profile=profile or self.profile, nlp=self.nlp)

    def warm_up(self) -> None:
        """Run one small letter so the first real request does not pay for lazy set-up."""
        self.analyse(WARM_UP_TEXT)
