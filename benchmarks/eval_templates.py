"""Verdicts of ``letterlab check`` on the annotated template set (corpora/templates).

Usage: python benchmarks/eval_templates.py [DIR] [--json] [--model NAME_OR_PATH]
Prints heading, message-first, genre and appeal-guide accuracy, the number of
suggestions that bring in letterhead, reference or signature text, and a table
of the letters with a miss. The logic lives in ``letterlab.evaluate_templates``.
"""
from __future__ import annotations

import sys

from letterlab.evaluate_templates import main

if __name__ == "__main__":
    sys.exit(main())
