/**
 * Citation output of the official CSL styles (src/content/csl/styles/), checked by hand against The Chicago
 * Manual of Style 18th ed. (author-date), the MLA Handbook 9th ed. and APA 7th ed., one item per
 * type, and confirmed by running the same CSL files through citeproc-js on its own (not through
 * src/lib/citations.ts). The edition's own sources, in every style, are in citation-styles.test.ts.
 */
import { describe, expect, test, vi } from 'vitest';
import {
  CSL_FORMAT_CLASSES,
  formatBibliography,
  formatCitation,
  formatPassageCitation,
  htmlToText,
  parseLocator,
  toCslJson,
  type CitationStyle,
} from '../../src/lib/citations.ts';
import { cslClassRules } from '../../src/lib/csl/output-classes.ts';
import { readFileSync } from 'node:fs';
import CSL from 'citeproc';
import { CslItemSchema, type CslItem } from '../../src/schemas/source.ts';

// Building a style's engine takes a fraction of a second, more on a busy machine (once per process).
vi.setConfig({ testTimeout: 60_000 });

const ITEMS: CslItem[] = [
  { id: 'book', type: 'book', author: [{ family: 'Kostakis', given: 'Vasilis' }, { family: 'Bauwens', given: 'Michel' }], title: 'Network Society and Future Scenarios for a Collaborative Economy', publisher: 'Palgrave Macmillan', 'publisher-place': 'Basingstoke', 'collection-title': 'Palgrave Pivot', issued: { 'date-parts': [[2014]] }, DOI: '10.1057/9781137406897', note: 'An editorial remark, never part of the reference.' },
  { id: 'chapter', type: 'chapter', author: [{ family: 'Helfrich', given: 'Silke' }], title: 'The Logic of the Commons', 'container-title': 'The Wealth of the Commons: A World Beyond Market and State', editor: [{ family: 'Bollier', given: 'David' }, { family: 'Helfrich', given: 'Silke' }], publisher: 'Levellers Press', 'publisher-place': 'Amherst, MA', page: '35-46', issued: { 'date-parts': [[2012]] } },
  { id: 'journal', type: 'article-journal', author: [{ family: 'Benkler', given: 'Yochai' }], title: 'Coase’s Penguin, or, Linux and The Nature of the Firm', 'container-title': 'Yale Law Journal', volume: 112, issue: 3, page: '369-446', issued: { 'date-parts': [[2002]] }, DOI: '10.2307/1562247' },
  { id: 'blog', type: 'post-weblog', author: [{ family: 'Ronfeldt', given: 'David' }], title: 'Bauwens’ “partner state”', 'container-title': 'Visions from Two Theories', issued: { 'date-parts': [[2011, 10, 19]] }, URL: 'http://twotheories.blogspot.com/2011/10/x.html' },
  { id: 'web', type: 'webpage', title: 'Partner State', 'container-title': 'P2P Foundation Wiki', publisher: 'P2P Foundation', accessed: { 'date-parts': [[2024, 9, 3]] }, URL: 'https://wiki.p2pfoundation.net/Partner_State' },
  { id: 'thesis', type: 'thesis', author: [{ family: 'Kostakis', given: 'Vasilis' }], title: 'The Political Economy of Information Production in the Social Web', genre: 'PhD diss.', publisher: 'Tallinn University of Technology', issued: { 'date-parts': [[2011]] } },
  { id: 'report', type: 'report', author: [{ family: 'Ronfeldt', given: 'David' }], title: 'Cyberocracy Is Coming', publisher: 'RAND Corporation', 'publisher-place': 'Santa Monica, CA', number: 'RP-222', issued: { 'date-parts': [[1992]] } },
  { id: 'interview', type: 'interview', author: [{ family: 'Kleiner', given: 'Dmytri' }], interviewer: [{ family: 'Garrett', given: 'Marc' }], title: 'An Interview with Dmytri Kleiner', 'container-title': 'Furtherfield', issued: { 'date-parts': [[2011, 6, 12]] }, URL: 'https://www.furtherfield.org/x/' },
  { id: 'email', type: 'personal_communication', author: [{ family: 'Helfrich', given: 'Silke' }], recipient: [{ family: 'Bauwens', given: 'Michel' }], title: 'The Role of the State', genre: 'email', issued: { 'date-parts': [[2009, 9, 2]] } },
];

test('the test items are valid sources', () => {
  for (const item of ITEMS) expect(CslItemSchema.parse(item)).toEqual(item);
});

const bibliography = (style: CitationStyle) => formatBibliography(ITEMS, style).map((e) => [e.id, e.text]);

describe('formatBibliography', () => {
  // CMOS 18 drops the place of publication and a chapter's page range (14.8), and cites a personal
  // communication in the text only (14.111), so the email has no entry of its own.
  test('Chicago author-date: reference list order and form', () => {
    expect(bibliography('chicago-author-date')).toEqual([
      ['journal', 'Benkler, Yochai. 2002. “Coase’s Penguin, or, Linux and The Nature of the Firm.” Yale Law Journal 112 (3): 369–446. https://doi.org/10.2307/1562247.'],
      ['chapter', 'Helfrich, Silke. 2012. “The Logic of the Commons.” In The Wealth of the Commons: A World Beyond Market and State, edited by David Bollier and Silke Helfrich. Levellers Press.'],
      ['interview', 'Kleiner, Dmytri. 2011. “An Interview with Dmytri Kleiner.” Interview by Marc Garrett. Furtherfield, June 12. https://www.furtherfield.org/x/.'],
      ['thesis', 'Kostakis, Vasilis. 2011. “The Political Economy of Information Production in the Social Web.” PhD diss., Tallinn University of Technology.'],
      ['book', 'Kostakis, Vasilis, and Michel Bauwens. 2014. Network Society and Future Scenarios for a Collaborative Economy. Palgrave Pivot. Palgrave Macmillan. https://doi.org/10.1057/9781137406897.'],
      ['web', 'P2P Foundation. n.d. “Partner State.” P2P Foundation Wiki. Accessed September 3, 2024. https://wiki.p2pfoundation.net/Partner_State.'],
      ['report', 'Ronfeldt, David. 1992. Cyberocracy Is Coming. RP-222. RAND Corporation.'],
      ['blog', 'Ronfeldt, David. 2011. “Bauwens’ ‘Partner State.’” Visions from Two Theories, October 19. http://twotheories.blogspot.com/2011/10/x.html.'],
      // Listed after the others, as the style cites it in the text, so the sources page still has it.
      ['email', 'Silke Helfrich, “The Role of the State”'],
    ]);
  });

  // MLA 9 5.124: a second work by the same author opens with three em dashes.
  test('MLA 9: works cited order and form', () => {
    expect(bibliography('modern-language-association')).toEqual([
      ['journal', 'Benkler, Yochai. “Coase’s Penguin, or, Linux and The Nature of the Firm.” Yale Law Journal, vol. 112, no. 3, 2002, pp. 369–446, https://doi.org/10.2307/1562247.'],
      ['chapter', 'Helfrich, Silke. “The Logic of the Commons.” The Wealth of the Commons: A World Beyond Market and State, edited by David Bollier and Silke Helfrich, Levellers Press, 2012, pp. 35–46.'],
      ['email', '———. “The Role of the State.” Email. 2 Sept. 2009.'],
      ['interview', 'Kleiner, Dmytri. “An Interview with Dmytri Kleiner.” Interview by Marc Garrett. Furtherfield, 12 June 2011, https://www.furtherfield.org/x/.'],
      ['thesis', 'Kostakis, Vasilis. The Political Economy of Information Production in the Social Web. 2011. Tallinn University of Technology, PhD diss.'],
      ['book', 'Kostakis, Vasilis, and Michel Bauwens. Network Society and Future Scenarios for a Collaborative Economy. Palgrave Macmillan, 2014, https://doi.org/10.1057/9781137406897. Palgrave Pivot.'],
      ['web', '“Partner State.” P2P Foundation Wiki, P2P Foundation, https://wiki.p2pfoundation.net/Partner_State. Accessed 3 Sept. 2024.'],
      ['blog', 'Ronfeldt, David. “Bauwens’ ‘Partner State.’” Visions from Two Theories, 19 Oct. 2011, http://twotheories.blogspot.com/2011/10/x.html.'],
      ['report', '———. Cyberocracy Is Coming. RP-222, RAND Corporation, 1992.'],
    ]);
  });

  test('one-off sets and other sets in between leave the full list as it was (the engines keep their items apart)', () => {
    const blog = ITEMS.find((item) => item.id === 'blog')!;
    const report = ITEMS.find((item) => item.id === 'report')!;
    const before = bibliography('modern-language-association');
    // Alone, the second Ronfeldt work has his name, not the em dashes it has in the full list.
    expect(formatBibliography([report], 'modern-language-association').map((e) => e.text)).toEqual(['Ronfeldt, David. Cyberocracy Is Coming. RP-222, RAND Corporation, 1992.']);
    expect(formatBibliography([blog, report], 'modern-language-association').map((e) => e.id)).toEqual(['blog', 'report']);
    expect(bibliography('modern-language-association')).toEqual(before);
    expect(before.at(-1)).toEqual(['report', '———. Cyberocracy Is Coming. RP-222, RAND Corporation, 1992.']);
  });

  test('APA 7 cites personal communications in the text only: listed last, as cited', () => {
    const apa = bibliography('apa');
    expect(apa.at(-1)).toEqual(['email', 'S. Helfrich, personal communication, September 2, 2009']);
    expect(formatBibliography(ITEMS, 'apa').find((e) => e.id === 'email')!.inTextOnly).toBe(true);
    expect(apa).toContainEqual(['book', 'Kostakis, V., & Bauwens, M. (2014). Network Society and Future Scenarios for a Collaborative Economy. Palgrave Macmillan. https://doi.org/10.1057/9781137406897']);
    expect(apa).toContainEqual(['chapter', 'Helfrich, S. (2012). The Logic of the Commons. In D. Bollier & S. Helfrich (Eds.), The Wealth of the Commons: A World Beyond Market and State (pp. 35–46). Levellers Press.']);
  });

  test('HTML: titles in <i>, links as <a>, each entry with its own id', () => {
    const book = formatBibliography(ITEMS).find((e) => e.id === 'book')!;
    expect(book.html).toBe(
      'Kostakis, Vasilis, and Michel Bauwens. 2014. <i>Network Society and Future Scenarios for a Collaborative Economy</i>. Palgrave Pivot. Palgrave Macmillan. <a href="https://doi.org/10.1057/9781137406897">https://doi.org/10.1057/9781137406897</a>.',
    );
  });

  test('the editor\u2019s note never reaches the processor', () => {
    expect(toCslJson(ITEMS[0]!)).not.toHaveProperty('note');
    expect(formatBibliography(ITEMS).map((e) => e.text).join(' ')).not.toContain('editorial remark');
  });

  test('an empty bibliography', () => {
    expect(formatBibliography([])).toEqual([]);
  });
});

describe('formatCitation', () => {
  const item = (id: string) => ITEMS.find((i) => i.id === id)!;
  test.each([
    ['chicago-author-date', 'book', 'p. 12', 'parenthetical', '(Kostakis and Bauwens 2014, 12)'],
    ['chicago-author-date', 'book', 'pp. 3–5', 'narrative', 'Kostakis and Bauwens (2014, 3–5)'],
    ['chicago-author-date', 'book', 'chap. 2', 'parenthetical', '(Kostakis and Bauwens 2014, chap. 2)'],
    // CMOS 18 14.104: an unsigned page is cited by whoever publishes it.
    ['chicago-author-date', 'web', undefined, 'parenthetical', '(P2P Foundation, n.d.)'],
    ['chicago-author-date', 'chapter', undefined, 'narrative', 'Helfrich (2012)'],
    ['apa', 'book', 'p. 12', 'parenthetical', '(Kostakis & Bauwens, 2014, p. 12)'],
    ['apa', 'book', 'pp. 3–5', 'narrative', 'Kostakis and Bauwens (2014, pp. 3–5)'],
    ['modern-language-association', 'book', 'p. 12', 'parenthetical', '(Kostakis and Bauwens 12)'],
    ['modern-language-association', 'book', '12', 'narrative', 'Kostakis and Bauwens (12)'],
    ['modern-language-association', 'journal', undefined, 'parenthetical', '(Benkler)'],
    ['modern-language-association', 'journal', undefined, 'narrative', 'Benkler'],
    ['modern-language-association', 'book', 'para. 4', 'parenthetical', '(Kostakis and Bauwens, par. 4)'],
  ] as const)('%s %s %s %s → %s', (style, id, locator, mode, expected) => {
    expect(formatCitation(item(id), { style, locator, mode })).toBe(expected);
  });

  test('with the whole bibliography as context, a year suffix matches the reference list', () => {
    const a: CslItem = { id: 'r-a', type: 'book', author: [{ family: 'Ronfeldt', given: 'David' }], title: 'Alpha', issued: { 'date-parts': [[2011]] } };
    const b: CslItem = { ...a, id: 'r-b', title: 'Beta' };
    expect(formatCitation(b, { context: [a, b] })).toBe('(Ronfeldt 2011b)');
    expect(formatCitation(b)).toBe('(Ronfeldt 2011)');
    expect(formatBibliography([a, b]).map((e) => e.text)).toEqual(['Ronfeldt, David. 2011a. Alpha.', 'Ronfeldt, David. 2011b. Beta.']);
    expect(formatCitation(b, { context: [a, b], style: 'modern-language-association' })).toBe('(Ronfeldt, Beta)');
  });
});

describe('htmlToText', () => {
  test.each([
    ['<i>Title</i>. Press.', 'Title. Press.'],
    ['Bollier &#38; Helfrich', 'Bollier & Helfrich'],
    ['a &lt;b&gt; &amp; &quot;c&quot; &#x2014; &nbsp;', 'a <b> & "c" \u2014 \u00A0'],
    ['<a href="https://x.org/?a=1&amp;b=2">https://x.org/?a=1&amp;b=2</a>', 'https://x.org/?a=1&b=2'],
  ])('%j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

describe('parseLocator', () => {
  test.each([
    ['p. 12', '12', 'page'],
    ['pp. 3–5', '3–5', 'page'],
    ['12', '12', 'page'],
    ['chap. 2', '2', 'chapter'],
    ['ch. 2', '2', 'chapter'],
    ['§ 4', '4', 'section'],
    ['sec. 4', '4', 'section'],
    ['para. 3', '3', 'paragraph'],
    ['¶3', '3', 'paragraph'],
    ['n. 5', '5', 'note'],
    ['fig. 2', '2', 'figure'],
    ['p.', 'p.', 'page'],
  ])('%j → %s (%s)', (text, locator, label) => {
    expect(parseLocator(text)).toEqual({ locator, label });
  });
});

describe('formatPassageCitation', () => {
  const input = {
    title: 'The Partner State',
    siteName: 'Annotated Reader',
    url: 'https://example.org/read/partner-state/#p-kleiner-public-funding',
    passageNumber: 14,
    accessed: new Date(Date.UTC(2025, 2, 9)),
  };
  test.each([
    ['chicago-author-date', 'Annotated Reader. n.d. “The Partner State.” Accessed March 9, 2025. https://example.org/read/partner-state/#p-kleiner-public-funding.', '(Annotated Reader, n.d., para. 14)'],
    ['apa', 'The Partner State. (n.d.). Annotated Reader. Retrieved March 9, 2025, from https://example.org/read/partner-state/#p-kleiner-public-funding', '(The Partner State, n.d., para. 14)'],
    ['modern-language-association', '“The Partner State.” Annotated Reader, https://example.org/read/partner-state/#p-kleiner-public-funding. Accessed 9 Mar. 2025.', '(“The Partner State,” par. 14)'],
  ] as const)('%s', (style, reference, inText) => {
    const citation = formatPassageCitation(input, style);
    expect(citation.reference.text).toBe(reference);
    expect(citation.inText).toBe(inText);
  });

  test('with an author', () => {
    const citation = formatPassageCitation({ ...input, author: [{ literal: 'P2P Foundation' }], issued: { 'date-parts': [[2015]] } });
    expect(citation.inText).toBe('(P2P Foundation 2015, para. 14)');
  });
});

describe('formatCitation: one item formatted many times', () => {
  const first = { id: 'kleiner-2010', type: 'book' as const, title: 'The Telekommunist Manifesto', author: [{ family: 'Kleiner', given: 'Dmytri' }], issued: { 'date-parts': [[2010]] } };
  const second = { id: 'kleiner-2010-essay', type: 'article-journal' as const, title: 'Copyfarleft', author: [{ family: 'Kleiner', given: 'Dmytri' }], issued: { 'date-parts': [[2010]] } };

  test('the same item answers for its locator, its mode and the works cited beside it', () => {
    expect(formatCitation(first, { context: [first] })).toBe('(Kleiner 2010)');
    expect(formatCitation(first, { context: [first], locator: 'p. 7' })).toBe('(Kleiner 2010, 7)');
    expect(formatCitation(first, { context: [first], mode: 'narrative' })).toBe('Kleiner (2010)');
    // A second work by the same author in the same year: the years need letters now.
    expect(formatCitation(first, { context: [first, second] })).toMatch(/^\(Kleiner 2010[ab]\)$/);
    expect(formatCitation(first, { context: [first] })).toBe('(Kleiner 2010)');
  });
});

describe('no inline style in the HTML (the Content-Security-Policy blocks style attributes)', () => {
  // Markup in titles that citeproc would otherwise set with style="…": small caps (<sc> and the
  // span form), a title inside an italic title (upright), small caps turned off, and no author,
  // so the in-text citations carry the title too.
  const MARKED: CslItem[] = [
    { id: 'caps', type: 'book', author: [{ family: 'Ostrom', given: 'Elinor' }], title: 'Governing the Commons at <sc>NASA</sc>: Rereading <i>Leviathan</i>', publisher: 'Cambridge University Press', issued: { 'date-parts': [[1990]] } },
    { id: 'span-caps', type: 'article-journal', author: [{ family: 'Hess', given: 'Charlotte' }], title: 'The <span style="font-variant:small-caps;">Knowledge</span> Commons and <b>bold</b> H<sub>2</sub>O', 'container-title': 'Journal of <sc>Commons</sc> <i>Studies</i>', issued: { 'date-parts': [[2007]] }, DOI: '10.1/commons' },
    { id: 'untitled-author', type: 'webpage', title: '<i>Hamlet</i> in <sc>Small Caps</sc>', 'container-title': 'Wiki', URL: 'https://example.org/hamlet', issued: { 'date-parts': [[2020]] } },
  ];
  const STYLE_ATTRIBUTE = /<[a-z][^>]*\sstyle\s*=/i;
  test.each(['chicago-author-date', 'apa', 'modern-language-association'] as const)('%s: formatting becomes classes, never style=', (style) => {
    const entries = formatBibliography(MARKED, style);
    const html = [
      ...entries.map((entry) => entry.html),
      ...MARKED.flatMap((item) =>
        (['parenthetical', 'narrative'] as const).map((mode) => formatCitation(item, { style, mode, format: 'html', context: MARKED })),
      ),
    ].join('\n');
    expect(html).not.toMatch(STYLE_ATTRIBUTE);
    expect(html).toContain('<span class="csl-small-caps">NASA</span>');
    expect(html).toContain('<span class="csl-small-caps">Knowledge</span>');
    expect(html).toContain('<span class="csl-upright">Leviathan</span>');
    // The text is unchanged by the classes.
    expect(entries.find((entry) => entry.id === 'caps')!.text).toContain('NASA: Rereading Leviathan');
  });

  test('every decoration citeproc writes with a style attribute has a class (checked against the installed citeproc)', () => {
    const html = (CSL as unknown as { Output: { Formats: Record<string, Record<string, unknown>> } }).Output.Formats['html']!;
    const styled = Object.entries(html).filter(([, value]) => typeof value === 'string' && value.includes('style=')).map(([name]) => name);
    expect(styled.length).toBeGreaterThan(0);
    expect(Object.keys(CSL_FORMAT_CLASSES)).toEqual(expect.arrayContaining(styled));
  });

  test('the site\u2019s stylesheet styles every class', () => {
    const css = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');
    const rules = cslClassRules().split('\n');
    expect(rules).toHaveLength(7);
    expect(rules).toContain('.csl-small-caps { font-variant: small-caps; }');
    for (const rule of rules) {
      expect(rule).toMatch(/^\.csl-[a-z-]+ \{ [a-z-]+: [a-z-]+; \}$/);
      expect(css).toContain(rule);
    }
  });
});
