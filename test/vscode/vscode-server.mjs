// Starts and stops the VS Code server of code-server (installed by scripts/install-vscode-server.sh)
// on a free loopback port: shared by the runners of the desktop-extension suite and the web-extension test.
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';

/** The server's entry inside the code-server package. */
export function serverMainOf(root) {
    return path.join(root, '.tools/code-server/node_modules/code-server/lib/vscode/out/server-main.js');
}

/** A port nobody listens on, on 127.0.0.1. */
export function freePort() {
    return new Promise((resolve, reject) => {
        const probe = createServer();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port } = probe.address();
            probe.close(() => resolve(port));
        });
    });
}

/** Starts the VS Code server in its own process group (it leaves children behind otherwise); its log goes to `output/server.log`. */
export function startServer({ serverMain, port, output, log = () => {} }) {
    const logFile = openSync(path.join(output, 'server.log'), 'w');
    const child = spawn(process.execPath, [
        serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
        '--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust',
        '--user-data-dir', path.join(output, 'user-data'), '--server-data-dir', path.join(output, 'server-data'),
        '--extensions-dir', path.join(output, 'extensions'),
    ], { detached: true, stdio: ['ignore', logFile, logFile], env: { ...process.env, VSCODE_CLI: undefined } });
    log(`VS Code server pid ${child.pid} on port ${port}`);
    return child;
}

/** Ends the server's whole process group. */
export function stopServer(child) {
    try {
        process.kill(-child.pid, 'SIGTERM');
    } catch {
        // already gone
    }
}

/** Resolves once the server answers HTTP on `port` (within 60 s). */
export async function waitForServer(port) {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
        try {
            const response = await fetch(`http://127.0.0.1:${port}/`);
            if (response.ok) return;
        } catch {
            // not listening yet
        }
        await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('the VS Code server did not start within 60 s (see server.log)');
}
