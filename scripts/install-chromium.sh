#!/usr/bin/env bash
# Makes sure a Chromium or Chrome is on the machine for `journey render --format svg|png`,
# `npm run examples` and the browser tests, idempotently: looks where the renderer looks
# (language-server/src/render/chromium-path.ts), and when none is found installs Debian's
# chromium package with apt-get (as root). Never downloads a browser of its own.
set -euo pipefail

if [ -n "${JOURNEY_CHROMIUM:-}" ]; then
    if [ -x "$JOURNEY_CHROMIUM" ]; then
        echo "install-chromium: Chromium found at $JOURNEY_CHROMIUM (JOURNEY_CHROMIUM)"
        exit 0
    fi
    echo "install-chromium: JOURNEY_CHROMIUM=$JOURNEY_CHROMIUM is not an executable file." >&2
    exit 1
fi
for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser \
    /usr/bin/google-chrome /usr/bin/google-chrome-stable /snap/bin/chromium \
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" "/Applications/Chromium.app/Contents/MacOS/Chromium"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
        echo "install-chromium: Chromium found at $candidate"
        exit 0
    fi
done
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "install-chromium: installing Chromium with apt-get (about 20 s)…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    echo "install-chromium: Chromium installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
else
    echo "install-chromium: no Chromium or Chrome found. Install one (Debian/Ubuntu: sudo apt-get install chromium;" >&2
    echo "  macOS: install Google Chrome), or point JOURNEY_CHROMIUM at a Chromium or Chrome executable." >&2
    exit 1
fi
