#!/usr/bin/env bash
# Installs what the test suites need beyond npm packages, idempotently:
#   - Chromium (Debian package) for the browser tests and `journey render --format svg|png`;
#   - the VS Code server (from the npm package code-server) for the real-VS Code tests;
#   - Neovim (Debian package) for the test that drives the language server from another editor.
# Fast when everything is already there. Set JOURNEY_SKIP_TOOLS=1 to skip.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${JOURNEY_SKIP_TOOLS:-}" = "1" ]; then
    echo "setup-test-tools: skipped (JOURNEY_SKIP_TOOLS=1)"
    exit 0
fi

bash scripts/install-chromium.sh
bash scripts/install-neovim.sh

if [ -f scripts/install-vscode-server.sh ]; then
    bash scripts/install-vscode-server.sh
elif [ -f scripts/install-vscode-server.mjs ]; then
    node scripts/install-vscode-server.mjs
fi
