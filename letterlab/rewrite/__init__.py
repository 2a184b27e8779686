"""Rewrite suggestions built on the analysis findings."""
