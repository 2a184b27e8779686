#!/usr/bin/env bash
# Install letterlab with its test extras into .venv and run the whole test suite.
# This is the README's test command; .ci/run runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

# The browser tests drive Debian's Chromium; install it when we can (root + apt).
if ! command -v chromedriver >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
      || echo "warning: could not install chromium; browser tests will be skipped" >&2
  else
    echo "warning: chromium/chromedriver not found; browser tests will be skipped" >&2
  fi
fi

# axe-core for the accessibility tests (tests/web/test_web_axe.py), pinned by package-lock.json.
if command -v npm >/dev/null 2>&1; then
  if [ ! -f tests/web/axe/node_modules/axe-core/axe.min.js ]; then
    npm ci --prefix tests/web/axe --no-audit --no-fund --loglevel=error >/dev/null \
      || echo "warning: could not install axe-core; the accessibility tests will be skipped" >&2
  fi
else
  echo "warning: npm not found; the accessibility tests will be skipped" >&2
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
# An editable install leaves letterlab's own modules uncompiled, and with PYTHONDONTWRITEBYTECODE set
# every command would compile them again (0.1 s of a cold `letterlab check`): compile them once here.
.venv/bin/python -m compileall -q letterlab web >/dev/null
exec .venv/bin/python -m pytest "$@"
