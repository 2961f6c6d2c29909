#!/usr/bin/env node
// The `journey` command. It needs Node >= 22; on an older Node it re-runs itself with the
// Node 24 that the project installs (node_modules/.bin/node), or says what to do.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
    const candidates = [path.join(__dirname, '..', 'node_modules', '.bin', 'node'), path.join(__dirname, '..', '..', '.bin', 'node')];
    const node24 = candidates.find((candidate) => fs.existsSync(candidate));
    if (node24 && !process.env.JOURNEY_REEXEC) {
        const result = require('node:child_process').spawnSync(node24, [__filename, ...process.argv.slice(2)], {
            stdio: 'inherit',
            env: { ...process.env, JOURNEY_REEXEC: '1' },
        });
        process.exit(result.status ?? 2);
    }
    process.stderr.write(`journey: needs Node.js 22 or newer (this is ${process.version}). Install a newer Node.js, or run it through npm (npx journey), which uses the project's Node 24.\n`);
    process.exit(2);
}
const cli = path.join(__dirname, '..', 'out', 'cli.cjs');
if (!fs.existsSync(cli)) {
    process.stderr.write(`journey: the CLI is not built yet (${cli} is missing). Run: npm run build\n`);
    process.exit(2);
}
require(cli);
