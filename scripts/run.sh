#!/usr/bin/env bash
# Install letterlab into .venv and run the main job on the bundled sample letters:
# the batch audit of corpora/ with its HTML/CSV/JSON report in out/.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
if .venv/bin/letterlab audit --help >/dev/null 2>&1; then
  exec .venv/bin/letterlab audit corpora --out out "$@"
else
  exec .venv/bin/letterlab check corpora/letters/*/before.txt "$@"
fi
