/** The words of a label as an id-like stem, with no dependency (the extension host uses it without loading the grammar). */

/** `"Réserver un ménage"` → `reserver_un_menage`: accents dropped, lower case, words joined by `_`, at most about 40 characters; `fallback` when no letter or digit is left, and before a leading digit. */
export function labelStem(label: string, fallback: string): string {
    let id = label
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .replace(/ß/g, 'ss').replace(/æ/gi, 'ae').replace(/œ/gi, 'oe').replace(/ø/gi, 'o').replace(/ł/gi, 'l')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '');
    if (id.length > 40) id = id.slice(0, 40).replace(/_[^_]*$/, '') || id.slice(0, 40);
    if (id === '') id = fallback;
    if (/^[0-9]/.test(id)) id = `${fallback}_${id}`;
    return id;
}
