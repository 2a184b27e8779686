"""The report model (findings, scores) and its renderers."""
from .model import CATEGORIES, SCHEMA_VERSION, SEVERITIES, Finding, Report, Suggestion

__all__ = ["CATEGORIES", "SCHEMA_VERSION", "SEVERITIES", "Finding", "Report", "Suggestion"]
