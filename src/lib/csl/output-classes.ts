/**
 * What citeproc's HTML output would write as an inline style, written as a class instead: the
 * site's Content-Security-Policy blocks every `style` attribute (the browser drops the formatting
 * and reports a violation), and the EPUB keeps classes, not styles. These come from the items' own
 * markup as much as from a style: `<sc>` in a title is small caps, and a title inside an italic
 * title is set upright (`font-style:normal`). Keyed by citeproc's decoration names; src/lib/citations.ts
 * installs them as an output format, the site's global.css and the book's stylesheet style them.
 */
export const CSL_FORMAT_CLASSES = {
  '@font-style/normal': { name: 'csl-upright', css: 'font-style: normal' },
  '@font-variant/small-caps': { name: 'csl-small-caps', css: 'font-variant: small-caps' },
  '@font-variant/normal': { name: 'csl-no-small-caps', css: 'font-variant: normal' },
  '@font-weight/normal': { name: 'csl-not-bold', css: 'font-weight: normal' },
  '@text-decoration/none': { name: 'csl-no-underline', css: 'text-decoration: none' },
  '@text-decoration/underline': { name: 'csl-underline', css: 'text-decoration: underline' },
  '@vertical-align/baseline': { name: 'csl-baseline', css: 'vertical-align: baseline' },
} as const;

/** One CSS rule per class, `.csl-small-caps { font-variant: small-caps; }`, a line each. */
export const cslClassRules = () =>
  Object.values(CSL_FORMAT_CLASSES)
    .map(({ name, css }) => `.${name} { ${css}; }`)
    .join('\n');
