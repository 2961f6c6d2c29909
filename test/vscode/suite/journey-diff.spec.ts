/** "Journey: Compare with HEAD" and "Compare with…", checked in a real VS Code. */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { JourneyDiffView } from '../../../extension/src/diff/journey-diff-panel.js';
import { assert, describe, test } from './mini-test.js';
import { askRunner, readControl } from './runner-bridge.js';

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const fileUri = (name: string) => vscode.Uri.joinPath(folder(), name);
const GIT_ENV = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.invalid' };

function git(...args: string[]): void {
    execFileSync('git', args, { cwd: folder().fsPath, env: { ...process.env, ...GIT_ENV, GIT_CONFIG_NOSYSTEM: '1' } });
}

/** Waits for the compare view to draw, and checks that every picture rendered. */
async function drawn(view: JourneyDiffView | undefined, what: string): Promise<JourneyDiffView> {
    assert(view, `${what}: no compare view opened`);
    const { errors } = await view.rendered;
    assert(errors.length === 0, `${what}: pictures failed: ${errors.join(' | ')}`);
    return view;
}

describe('Journey compare', () => {
    test('Compare with HEAD shows an unsaved edit as a change, before and after drawn', async () => {
        // The test workspace is a fresh copy outside any repository: make its current maps the HEAD commit.
        git('init', '-q', '-b', 'main');
        git('add', '-A');
        git('commit', '-q', '-m', 'maps as committed');
        const document = await vscode.workspace.openTextDocument(fileUri('booking.journey'));
        const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
        const line = document.getText().split('\n').findIndex((text) => text.trim() === 'emotion 1');
        assert(line >= 0, 'booking.journey has no "emotion 1" line');
        const original = document.lineAt(line).text;
        await editor.edit((edit) => edit.replace(document.lineAt(line).range, '      emotion 4'));
        try {
            const view = await drawn(await vscode.commands.executeCommand<JourneyDiffView>('journey.diff.compareWithHead'), 'Compare with HEAD');
            assert(view.panel.title === 'booking.journey ↔ HEAD', `title: ${view.panel.title}`);
            const change = view.result.changes.find((c) => c.change === 'property' && c.id === 'calls' && c.property === 'emotion');
            assert(change && change.change === 'property' && change.before === 1 && change.after === 4, `changes: ${JSON.stringify(view.result.changes)}`);
            assert(view.result.highlight.includes('calls'), `highlight: ${view.result.highlight.join(', ')}`);
            assert(view.result.before.label === 'HEAD', `before: ${view.result.before.label}`);
            await askRunner(readControl(folder().fsPath), 'screenshot', { name: 'compare-with-head' });
            view.panel.dispose();
        } finally {
            // Put the line back and save: the buffer matches the file again for the tests after this one.
            await editor.edit((edit) => edit.replace(document.lineAt(line).range, original));
            await document.save();
        }
    });

    test('Compare with… another map: as-is against to-be', async () => {
        const current = readFileSync(fileUri('booking.journey').fsPath, 'utf8');
        const future = current.replace('journey booking "Booking a home cleaning"', 'journey booking_future "Booking a home cleaning, to be"').replace('state current', 'state future').replace(/emotion 1\b/, 'emotion 5');
        assert(future !== current, 'could not derive the to-be map');
        writeFileSync(fileUri('booking-future.journey').fsPath, future);
        try {
            const view = await drawn(
                await vscode.commands.executeCommand<JourneyDiffView>('journey.diff.compareWith', fileUri('booking-future.journey'), { file: fileUri('booking.journey') }),
                'Compare with…',
            );
            assert(view.result.title === 'Booking a home cleaning, to be: current → future', `title: ${view.result.title}`);
            assert(/mean emotion in Consideration/.test(view.result.summary), `summary: ${view.result.summary}`);
            assert(view.result.after.views.some((v) => v.kind === 'diagram' && v.mermaid.includes('★')), 'the after journey view marks nothing');
            view.panel.dispose();
        } finally {
            rmSync(fileUri('booking-future.journey').fsPath, { force: true });
        }
    });
});
