"""JSON renderer over the versioned report schema (see docs/report-schema.md)."""
from __future__ import annotations

import json

from .model import Report


def render_json(report: Report, include_text: bool = False) -> str:
    return json.dumps(report.to_dict(include_text=include_text), ensure_ascii=False, indent=2)
