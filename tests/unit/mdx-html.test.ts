import { describe, expect, test, vi } from 'vitest';
import { authorComponents } from '../../src/lib/author-components.ts';
import { formatCitation } from '../../src/lib/citations.ts';
import { buildEdition } from '../../src/lib/edition.ts';
import { renderMdxBody, type ComponentRenderers } from '../../src/lib/mdx-html.ts';

// The first citation builds the official CSL style's engine: a second or two, more on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

/** Components that show their props and children, so the tests see exactly what was passed. */
const echo: ComponentRenderers = {
  Term: (props, children) => `[Term ${JSON.stringify(props)}|${children}]`,
  Cite: (props, children) => `[Cite ${JSON.stringify(props)}|${children}]`,
  PassageRef: (props, children) => `[PassageRef ${JSON.stringify(props)}|${children}]`,
};

describe('renderMdxBody: Markdown as Astro renders it', () => {
  test.each([
    ['paragraphs', 'One.\n\nTwo.', '<p>One.</p>\n<p>Two.</p>'],
    ['emphasis, strong, code, links', 'A *b* **c** `d<e>` [f](https://example.org/?a=1&b=2 "T")', '<p>A <em>b</em> <strong>c</strong> <code>d&lt;e></code> <a href="https://example.org/?a=1&amp;b=2" title="T">f</a></p>'],
    ['smart punctuation', `He said "it's so" -- ... 'yes'`, '<p>He said “it’s so” – … ‘yes’</p>'],
    ['lists', '- a\n- b\n\n1. x\n2. y', '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>x</li>\n<li>y</li>\n</ol>'],
    ['a blockquote', '> quoted', '<blockquote>\n<p>quoted</p>\n</blockquote>'],
    ['GFM strikethrough', '~~gone~~', '<p><del>gone</del></p>'],
    ['text is escaped', 'a < b & c > d', '<p>a &lt; b &amp; c > d</p>'],
    ['HTML-like tags with plain attributes', '<abbr title="Free &amp; Open">FOSS</abbr> and <em>x</em>', '<p><abbr title="Free &amp; Open">FOSS</abbr> and <em>x</em></p>'],
    ['a void HTML tag', 'a<br />b', '<p>a<br>b</p>'],
  ])('%s', (_name, body, html) => {
    expect(renderMdxBody(body, echo)).toBe(html);
  });

  test('components get their props and their rendered children, inline and as blocks', () => {
    expect(renderMdxBody('See <Term id="commons">the *commons*</Term> <Cite id="k" locator="p. 2" />.', echo)).toBe(
      '<p>See [Term {"id":"commons"}|the <em>commons</em>] [Cite {"id":"k","locator":"p. 2"}|].</p>',
    );
    expect(renderMdxBody('<PassageRef id="intro" />', echo)).toBe('[PassageRef {"id":"intro"}|]');
  });

  test.each([
    ['an expression', 'Sum {1 + 1}', /JavaScript expressions/],
    ['an import', 'import X from "x"\n\nText', /import\/export/],
    ['an unknown component', '<Trem id="x" />', /<Trem> is not an author component/],
    ['an attribute expression', '<abbr title={x}>y</abbr>', /only plain name="value" attributes/],
  ])('refuses %s (the integrity check reports it first)', (_name, body, error) => {
    expect(() => renderMdxBody(body, echo)).toThrow(error);
  });
});

describe('authorComponents: links and citations from the edition', () => {
  const passages = [
    { id: 'intro', number: 1, start: 0, text: 'Intro' },
    { id: 'claim', number: 2, start: 7, text: 'A claim' },
  ];
  const item = { id: 'k-2014', type: 'book' as const, title: 'Network Society', author: [{ family: 'Kostakis', given: 'Vasilis' }], issued: { 'date-parts': [[2014]] } };
  const { edition, problems } = buildEdition({
    readings: [{ id: 'sample', title: 'Sample', passages, source: '' }],
    notes: [],
    terms: [{ id: 'commons', file: 'annotations/glossary/commons.mdx', data: { term: 'commons', kind: 'concept', short: 'Shared.' }, body: '', bodyLine: 5, fieldLine: () => 2 }],
    sources: [{ item, line: 1 }],
    sourcesFile: 'annotations/sources.yaml',
  });
  const base = '/courses/pol-101/reader/';

  test('the edition is sound', () => expect(problems).toEqual([]));

  test('<Term> links to the glossary entry under the base, with the headword or the given words', () => {
    const components = authorComponents(edition, { base });
    expect(renderMdxBody('<Term id="commons" />', components)).toBe('<a href="/courses/pol-101/reader/glossary/commons/">commons</a>');
    expect(renderMdxBody('A <Term id="commons">the commons</Term>.', components)).toBe('<p>A <a href="/courses/pol-101/reader/glossary/commons/">the commons</a>.</p>');
  });

  test('<Cite> is the CSL processor’s citation, with its locator and mode, linked to the bibliography entry', () => {
    const components = authorComponents(edition, { base: '/' });
    const parenthetical = formatCitation(item, { locator: 'p. 12', context: [item] });
    const narrative = formatCitation(item, { mode: 'narrative', context: [item] });
    expect(parenthetical).toBe('(Kostakis 2014, 12)');
    expect(renderMdxBody('A <Cite id="k-2014" locator="p. 12" />.', components)).toBe(`<p>A <a href="/sources/#source-k-2014">${parenthetical}</a>.</p>`);
    expect(renderMdxBody('<Cite id="k-2014" mode="narrative" /> says', components)).toBe(`<p><a href="/sources/#source-k-2014">${narrative}</a> says</p>`);
  });

  test('<PassageRef> jumps within the page for a note of that reading, and links to the reading elsewhere', () => {
    const inNote = authorComponents(edition, { base, reading: 'sample' });
    const inGlossary = authorComponents(edition, { base });
    expect(renderMdxBody('See <PassageRef id="claim" />.', inNote)).toBe('<p>See <a href="#p-claim"><span class="visually-hidden">passage </span>¶2</a>.</p>');
    expect(renderMdxBody('See <PassageRef id="claim">the claim</PassageRef>.', inGlossary)).toBe(
      '<p>See <a href="/courses/pol-101/reader/read/sample/#p-claim">the claim</a>.</p>',
    );
  });
});
