#!/usr/bin/env bash
# Installs what the test suites need beyond npm packages, idempotently:
#   - Chromium (Debian package) for the browser tests and `journey render --format svg|png`;
#   - a colour-emoji font (Debian's fonts-noto-color-emoji) for the tests' screenshots;
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

# Colour emoji for the screenshots of the browser tests (the canvas's faces and marks: 🙂 💡).
if command -v fc-list >/dev/null 2>&1 && ! fc-list | grep -qi 'emoji'; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
        echo "setup-test-tools: installing fonts-noto-color-emoji with apt-get…"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-color-emoji >/dev/null
    else
        echo "setup-test-tools: no colour-emoji font (Debian: apt-get install fonts-noto-color-emoji); screenshots show boxes for some emoji." >&2
    fi
fi

if [ -f scripts/install-vscode-server.sh ]; then
    bash scripts/install-vscode-server.sh
elif [ -f scripts/install-vscode-server.mjs ]; then
    node scripts/install-vscode-server.mjs
fi

# rsvg-convert (Debian's librsvg2-bin): the portable-SVG test draws the written SVG files
# without a browser, as slide and design tools do.
if ! command -v rsvg-convert >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
        echo "setup-test-tools: installing rsvg-convert (librsvg2-bin) with apt-get…"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq librsvg2-bin >/dev/null
    else
        echo "setup-test-tools: rsvg-convert is missing: sudo apt-get install librsvg2-bin" >&2
        exit 1
    fi
fi
