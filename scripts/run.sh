#!/usr/bin/env bash
# Install letterlab into .venv and run the main job on the bundled sample letters:
# the batch audit of corpora/letters/ with its HTML/CSV/JSON report in out/.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
exec .venv/bin/letterlab audit corpora/letters --out out "$@"
