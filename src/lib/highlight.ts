/**
 * Code highlighting with Shiki's grammars and its GitHub light and dark themes, written as classes
 * instead of inline styles so it works under the site's strict Content-Security-Policy (no
 * style="" attributes). Each distinct light/dark colour pair becomes one class, and `codeCss`
 * writes the stylesheet for exactly the classes in use, with `light-dark()` so the colours follow
 * the reader's colour scheme (system or chosen).
 */
import { createHighlighter, type BundledLanguage, type Highlighter } from 'shiki';
import { escapeHtml } from './render-passage.ts';

// The "default" GitHub themes: every token colour keeps 4.5:1 against its background (WCAG AA).
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;
export type CodeLanguage = Extract<BundledLanguage, 'mdx' | 'yaml' | 'sh' | 'astro'>;
const LANGUAGES: CodeLanguage[] = ['mdx', 'yaml', 'sh'];

let highlighter: Promise<Highlighter> | undefined;
const getHighlighter = () => (highlighter ??= createHighlighter({ themes: Object.values(CODE_THEMES), langs: LANGUAGES }));

export interface HighlightedCode {
  /** `<pre class="code" data-lang="…" tabindex="0"><code>…</code></pre>`, token colours as classes. */
  html: string;
  /** Class name → [light colour, dark colour] for the classes this block uses. */
  classes: Map<string, [string, string]>;
}

const colourClass = (light: string, dark: string) => `hl-${light.replace('#', '')}-${dark.replace('#', '')}`.toLowerCase();

/** Highlights `code` as `lang`; the caller collects `classes` to write the stylesheet. */
export async function highlightCode(code: string, lang: CodeLanguage): Promise<HighlightedCode> {
  const shiki = await getHighlighter();
  const { tokens } = shiki.codeToTokens(code, { lang, themes: CODE_THEMES });
  const classes = new Map<string, [string, string]>();
  const lines = tokens.map((line) =>
    line
      .map((token) => {
        const style = (token.htmlStyle ?? {}) as Record<string, string>;
        const light = style['color'];
        const dark = style['--shiki-dark'];
        if (!light || !dark) return escapeHtml(token.content);
        const name = colourClass(light, dark);
        classes.set(name, [light, dark]);
        return `<span class="${name}">${escapeHtml(token.content)}</span>`;
      })
      .join(''),
  );
  // Focusable, so keyboard users can scroll a long line on a narrow screen.
  return { html: `<pre class="code" data-lang="${lang}" tabindex="0"><code>${lines.join('\n')}</code></pre>`, classes };
}

/** The stylesheet for the given classes: `.hl-… { color: light-dark(…, …) }`, and the block colours. */
export async function codeCss(classes: Iterable<[string, [string, string]]>): Promise<string> {
  const shiki = await getHighlighter();
  const light = shiki.getTheme(CODE_THEMES.light);
  const dark = shiki.getTheme(CODE_THEMES.dark);
  const rules = [...new Map(classes)]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, [l, d]]) => `.${name} { color: light-dark(${l}, ${d}); }`);
  return [
    `/* Generated from Shiki's ${CODE_THEMES.light} and ${CODE_THEMES.dark} themes. */`,
    `pre.code { color: light-dark(${light.fg}, ${dark.fg}); background: light-dark(${light.bg}, ${dark.bg}); }`,
    ...rules,
    '',
  ].join('\n');
}
