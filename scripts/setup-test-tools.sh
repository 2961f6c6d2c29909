#!/usr/bin/env bash
# Installs what the test suites need beyond npm packages, idempotently:
#   - Chromium (Debian package) for the browser tests and `journey render --format svg|png`;
#   - the VS Code server (from the npm package code-server) for the real-VS Code tests.
# Fast when everything is already there. Set JOURNEY_SKIP_TOOLS=1 to skip.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${JOURNEY_SKIP_TOOLS:-}" = "1" ]; then
    echo "setup-test-tools: skipped (JOURNEY_SKIP_TOOLS=1)"
    exit 0
fi

chromium_path="${JOURNEY_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then
    echo "setup-test-tools: Chromium found at $chromium_path"
elif command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "setup-test-tools: installing Chromium with apt-get (about 20 s)…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    echo "setup-test-tools: Chromium installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
else
    echo "setup-test-tools: Chromium is missing. Install it (Debian/Ubuntu: sudo apt-get install chromium)," >&2
    echo "  or point JOURNEY_CHROMIUM at a Chromium or Chrome executable." >&2
    exit 1
fi

if [ -f scripts/install-vscode-server.sh ]; then
    bash scripts/install-vscode-server.sh
elif [ -f scripts/install-vscode-server.mjs ]; then
    node scripts/install-vscode-server.mjs
fi
