"""Accuracy of the passive, jargon and address checks on annotated letters.

Usage: python benchmarks/eval_letters.py [DIR] [--model NAME_OR_PATH] [--verbose]
Prints JSON: precision/recall/F1 per category and passives found in the plain
letters. The logic lives in ``letterlab.evaluate_letters``.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from letterlab.evaluate_letters import evaluate_dir

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default=str(ROOT / "tests" / "data" / "annotated"))
    ap.add_argument("--model", default=None)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    print(json.dumps(evaluate_dir(Path(args.dir), args.model, args.verbose), indent=2))


if __name__ == "__main__":
    main()
