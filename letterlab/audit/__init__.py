"""Batch audit of template folders: ``letterlab audit DIR`` (see docs/audit.md).

Layers: ``discover`` finds the files, ``runner`` reads them and sends them
through ``core.analyse_many`` (in this process or a worker pool), ``cache``
and ``history`` keep text-free results in SQLite, and ``html``, ``outputs``
and ``annotate`` render the reports. No analysis logic lives here.
"""
from __future__ import annotations


def run_audit(opts, ruleset, on_progress=None):
    """Audit ``opts.root`` into ``opts.out``; see ``runner.run_audit``."""
    from .runner import run_audit as _run

    return _run(opts, ruleset, on_progress)


__all__ = ["run_audit"]
