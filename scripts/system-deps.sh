#!/usr/bin/env bash
# Debian packages the test suite needs: PostgreSQL server binaries (the tests start
# their own throwaway cluster), nginx and openssl (the production-stack test runs the app
# under gunicorn behind nginx with TLS, as docs/production.md does, and makes its own
# certificate), Chromium (browser tests drive it with Playwright) and npm (it installs,
# from package-lock.json, axe-core, which the browser tests inject into pages, and
# plotly.js's basic bundle, which the planner app serves).
# Installed only when missing and when we are root.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v openssl >/dev/null || missing+=(openssl)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
        echo "Missing Debian packages: ${missing[*]} (install them, or the PostgreSQL, nginx and browser tests are skipped)" >&2
    else
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
fi
# axe-core for the accessibility tests and the app's plotly.js, at the versions of package-lock.json.
if { [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/plotly.js-basic-dist-min/plotly-basic.min.js ]; } \
        && command -v npm >/dev/null; then
    npm ci --no-audit --no-fund --loglevel=error
fi
