/**
 * Mermaid's theme for the VS Code theme a webview is shown in, shared by the preview and the
 * ```journey fences of VS Code's Markdown preview, so a map looks the same in both:
 * - light themes: Mermaid's default theme;
 * - dark themes: Mermaid's dark theme, with dimmer journey faces and mid-tone persona dots
 *   (Mermaid draws them cornsilk and in light greens and cyans in every theme);
 * - high contrast (dark and light): the theme's own colours, black and white and its border.
 * Theme variables only take effect from `mermaid.initialize`: Mermaid ignores them in a
 * journey's front matter.
 */

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

/** The kind of VS Code theme the page is shown in (VS Code sets the body's class). */
export function themeKind(): ThemeKind {
    const classes = document.body.classList;
    if (classes.contains('vscode-high-contrast-light')) return 'high-contrast-light';
    if (classes.contains('vscode-high-contrast')) return 'high-contrast';
    if (classes.contains('vscode-dark')) return 'dark';
    return 'light';
}

/** True on a dark page (a dark theme or dark high contrast). */
export function isDark(kind: ThemeKind): boolean {
    return kind === 'dark' || kind === 'high-contrast';
}

/** A CSS variable VS Code sets on the page, or `fallback`. */
function themeColour(name: string, fallback: string): string {
    return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

/** The personas' dots of the journey view on a dark page. */
const DARK_ACTOR_COLOURS = ['#2e86de', '#27ae60', '#e67e22', '#8e44ad', '#c0392b', '#16a085'];

/** Mermaid's `theme`, `themeVariables` and `fontFamily` for the page's VS Code theme. */
export function mermaidTheme(kind: ThemeKind = themeKind()): Record<string, unknown> {
    const config: Record<string, unknown> = {
        fontFamily: themeColour('--vscode-font-family', 'sans-serif'),
        theme: kind === 'dark' ? 'dark' : 'default',
    };
    const darkJourney: Record<string, string> = Object.fromEntries(DARK_ACTOR_COLOURS.map((colour, i) => [`actor${i}`, colour]));
    if (kind === 'dark') config.themeVariables = { ...darkJourney, faceColor: '#4a4a3f' };
    if (kind === 'high-contrast' || kind === 'high-contrast-light') {
        const foreground = themeColour('--vscode-editor-foreground', kind === 'high-contrast' ? '#ffffff' : '#000000');
        const background = themeColour('--vscode-editor-background', kind === 'high-contrast' ? '#000000' : '#ffffff');
        const border = themeColour('--vscode-contrastBorder', foreground);
        config.theme = 'base';
        config.themeVariables = {
            background, primaryColor: background, secondaryColor: background, tertiaryColor: background,
            primaryTextColor: foreground, secondaryTextColor: foreground, tertiaryTextColor: foreground, textColor: foreground,
            primaryBorderColor: border, secondaryBorderColor: border, tertiaryBorderColor: border,
            lineColor: foreground, mainBkg: background, nodeBorder: border, clusterBkg: background, clusterBorder: border,
            titleColor: foreground, edgeLabelBackground: background, darkMode: kind === 'high-contrast', faceColor: background,
            ...(kind === 'high-contrast' ? darkJourney : {}),
        };
    }
    return config;
}
