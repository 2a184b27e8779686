"""Noise on good plain letters, and their score gap to the officialese corpus letters.

Usage: python benchmarks/eval_good_letters.py [GOOD_DIR] [--json]
Prints each good letter's errors, warnings and infos with every finding, then
the totals and the overall score ranges of good vs officialese letters.
The logic lives in ``letterlab.evaluate_good_letters``.
"""
from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from letterlab.evaluate_good_letters import GOOD_LETTERS, evaluate, format_report


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default=str(GOOD_LETTERS))
    ap.add_argument("--json", action="store_true", help="print JSON instead of the table")
    args = ap.parse_args()
    result = evaluate(Path(args.dir))
    if args.json:
        print(json.dumps({"good": [asdict(r) for r in result["good"]],
                          "officialese": [{"name": r.name, "overall": r.overall} for r in result["officialese"]],
                          "summary": result["summary"]}, ensure_ascii=False, indent=2))
    else:
        print(format_report(result))


if __name__ == "__main__":
    main()
