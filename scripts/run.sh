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
# An editable install leaves letterlab's own modules uncompiled, and with PYTHONDONTWRITEBYTECODE set
# every command would compile them again (0.1 s of a cold `letterlab check`): compile them once here.
.venv/bin/python -m compileall -q letterlab web >/dev/null
exec .venv/bin/letterlab audit corpora/letters --out out "$@"
