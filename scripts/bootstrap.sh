#!/usr/bin/env bash
# Create the virtual environment and install the project with its test tools, and the
# JavaScript the planner app serves (plotly.js's basic bundle, package.json) from npm.
set -euo pipefail
venv="${1:-.venv}"
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "Python 3.11 or newer is needed (found: $("$python" --version 2>&1))" >&2
    exit 1
fi
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet -e '.[test]'
# The planner app's chart code; without it the app logs a warning and serves plotly's full bundle.
if [ ! -f node_modules/plotly.js-basic-dist-min/plotly-basic.min.js ]; then
    if command -v npm >/dev/null; then
        npm ci --omit=dev --no-audit --no-fund --loglevel=error
    else
        echo "npm not found: the planner app's charts will load plotly.js's full bundle (make system-deps installs npm)" >&2
    fi
fi
