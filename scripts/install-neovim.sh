#!/usr/bin/env bash
# Makes sure Neovim 0.7 or newer (its built-in LSP client) is on the machine for
# test/lsp/neovim.test.ts, idempotently: installs Debian's neovim package with apt-get (as root)
# when `nvim` is missing.
set -euo pipefail

if command -v nvim >/dev/null 2>&1; then
    echo "install-neovim: $(nvim --version | head -1) found"
    exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "install-neovim: installing Neovim with apt-get…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
    echo "install-neovim: $(nvim --version | head -1) installed"
else
    echo "install-neovim: nvim not found. Install Neovim 0.7 or newer (Debian/Ubuntu: sudo apt-get install neovim)." >&2
    exit 1
fi
