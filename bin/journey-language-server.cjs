#!/usr/bin/env node
// The language server for any LSP editor (out/server.cjs; `--stdio`, `--node-ipc`, `--socket=<port>`
// or `--pipe=<name>`), on Node >= 22: see launch.cjs.
'use strict';
require('./launch.cjs')('journey-language-server', __filename, 'server.cjs');
