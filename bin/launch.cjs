// Starts a bundled program of the project on Node >= 22. On an older Node it runs the same
// launcher again with the Node 24 that the project installs (node_modules/.bin/node), with the
// same standard input and output (so a language server over stdio works too), or says what to do.
'use strict';
const path = require('node:path');
const fs = require('node:fs');

/** Runs `out/<bundle>` for the command `name`, started by the launcher file `launcher`. */
module.exports = function launch(name, launcher, bundle) {
    const major = Number(process.versions.node.split('.')[0]);
    if (major < 22) {
        const candidates = [path.join(__dirname, '..', 'node_modules', '.bin', 'node'), path.join(__dirname, '..', '..', '.bin', 'node')];
        const node24 = candidates.find((candidate) => fs.existsSync(candidate));
        if (node24 && !process.env.JOURNEY_REEXEC) {
            const result = require('node:child_process').spawnSync(node24, [launcher, ...process.argv.slice(2)], {
                stdio: 'inherit',
                env: { ...process.env, JOURNEY_REEXEC: '1' },
            });
            process.exit(result.status ?? 2);
        }
        process.stderr.write(`${name}: needs Node.js 22 or newer (this is ${process.version}). Install a newer Node.js (https://nodejs.org), or in the journey project itself run npm install, which brings Node 24 for npx ${name}.\n`);
        process.exit(2);
    }
    const program = path.join(__dirname, '..', 'out', bundle);
    if (!fs.existsSync(program)) {
        process.stderr.write(`${name}: not built yet (${program} is missing). Run: npm run build\n`);
        process.exit(2);
    }
    require(program);
};
