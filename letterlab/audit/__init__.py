"""Batch audit of template folders."""
