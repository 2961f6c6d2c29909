/** The table a view shows beside its picture (the priorities' ranking): plain text cells, rows that lead to their source. */
import type { ViewResult } from '../src/preview/journey-preview-messages.js';

/** A view's table, as the view sends it. */
export type ViewTableLike = NonNullable<Extract<ViewResult, { kind: 'diagram' }>['table']>;

/** The HTML of a view's table: a caption, a header row, one row per element (`data-row` is its index) and the note. */
export function renderViewTable(table: ViewTableLike, width: number | undefined): HTMLElement {
    const figure = document.createElement('figure');
    figure.className = 'journey-table';
    if (width) figure.style.maxWidth = `${Math.max(480, width)}px`;
    const element = document.createElement('table');
    const caption = document.createElement('caption');
    caption.textContent = table.caption;
    element.append(caption);
    const head = document.createElement('tr');
    for (const column of table.columns) {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = column;
        head.append(th);
    }
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    table.rows.forEach((row, index) => {
        const tr = document.createElement('tr');
        tr.dataset.row = String(index);
        for (const cell of row.cells) {
            const td = document.createElement('td');
            td.textContent = cell;
            tr.append(td);
        }
        tbody.append(tr);
    });
    element.append(thead, tbody);
    figure.append(element);
    if (table.note) {
        const note = document.createElement('figcaption');
        note.textContent = table.note;
        figure.append(note);
    }
    return figure;
}
