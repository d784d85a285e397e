import { readFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import { parse } from 'yaml';
import { biblatexEntry, citationFile, latexDate, latexName, latexText, latexTitle, unwrapRis } from '../../src/lib/citation-files.ts';
import { citeReading, editionDate, fillCitationTemplate, originalDateParts, passageCitationTemplates, readingCslItem } from '../../src/lib/reading-citation.ts';

const meta = parse(readFileSync('src/content/readings/partner-state/reading.yaml', 'utf8')) as {
  title: string;
  subtitle: string;
  language: string;
  passages: { id: string }[];
};
const reading = { id: 'partner-state', title: meta.title, subtitle: meta.subtitle, language: meta.language };
const url = 'https://example.org/courses/pol-101/reader/read/partner-state/';
const issued = new Date(Date.UTC(2026, 10, 25));
const passages = meta.passages.map((p, i) => ({ id: p.id, number: i + 1 }));
/** A CSL engine per style and item is slow to build, so a sample: a one-digit and a two-digit number (passage 14 is checked below). */
const sample = [passages[7]!, passages.at(-1)!];

describe('citing a reading and its passages', () => {
  test.each(sample)('passage $number ($id): the filled template is exactly what the CSL processor formats for it', { timeout: 120_000 }, (passage) => {
    const templates = passageCitationTemplates(reading, url, 'Annotated Reader', issued);
    const direct = citeReading(reading, url, 'Annotated Reader', passage, issued);
    const filled = templates.map((t) => ({
      ...t,
      reference: { html: fillCitationTemplate(t.reference.html, passage), text: fillCitationTemplate(t.reference.text, passage) },
      inText: fillCitationTemplate(t.inText, passage),
    }));
    expect(filled).toEqual(direct);
  });

  // Checked by hand, and confirmed by running the official CSL files through citeproc-js on their
  // own: Chicago author-date (CMOS 18 14.104: an unsigned web page is listed under the site that
  // publishes it, "n.d." when the text has no date of its own, the title in quotation marks and
  // headline style (8.159), the date accessed because there is no other, and the URL), APA 7 (9.37,
  // 10.16: an unsigned, undated page by its title in italics, in the case the data gives it, "(n.d.)",
  // the site's name, "Retrieved <date>, from" the URL, without a final period) and MLA 9 (title in
  // quotation marks and headline style, the site as container in italics, the URL, and "Accessed
  // <day month year>" for an undated page). The wiki text has no author and no date: the build date
  // is only the date accessed. Passages are paragraphs: "para." in Chicago and APA, "par." in MLA.
  const SITE = 'https://example.org/courses/pol-101/reader/read/partner-state/';
  const TITLE = 'The Partner State: Public authorities that enable commons-based peer production';
  const HEADLINE = 'The Partner State: Public Authorities That Enable Commons-Based Peer Production';

  test('the reading in each style', { timeout: 120_000 }, () => {
    expect(citeReading(reading, url, 'Annotated Reader', undefined, issued).map((c) => [c.style, c.reference.text, c.inText])).toEqual([
      ['chicago-author-date', `Annotated Reader. n.d. \u201c${HEADLINE}.\u201d Accessed November 25, 2026. ${SITE}.`, '(Annotated Reader, n.d.)'],
      ['apa', `${TITLE}. (n.d.). Annotated Reader. Retrieved November 25, 2026, from ${SITE}`, '(The Partner State, n.d.)'],
      ['modern-language-association', `\u201c${HEADLINE}.\u201d Annotated Reader, ${SITE}. Accessed 25 Nov. 2026.`, '(\u201cThe Partner State\u201d)'],
    ]);
  });

  test('passage 14 in each style: its number as a paragraph, its permalink as the URL', { timeout: 120_000 }, () => {
    const passage = passages[13]!;
    expect(passage.id).toBe('kleiner-public-funding');
    const cited = citeReading(reading, url, 'Annotated Reader', passage, issued);
    const link = `${SITE}#p-kleiner-public-funding`;
    expect(cited.map((c) => [c.style, c.reference.text, c.inText])).toEqual([
      ['chicago-author-date', `Annotated Reader. n.d. \u201c${HEADLINE}.\u201d Accessed November 25, 2026. ${link}.`, '(Annotated Reader, n.d., para. 14)'],
      ['apa', `${TITLE}. (n.d.). Annotated Reader. Retrieved November 25, 2026, from ${link}`, '(The Partner State, n.d., para. 14)'],
      ['modern-language-association', `\u201c${HEADLINE}.\u201d Annotated Reader, ${link}. Accessed 25 Nov. 2026.`, '(\u201cThe Partner State,\u201d par. 14)'],
    ]);
    // Italics where the styles set them: APA's title, MLA's container.
    expect(cited.map((c) => c.reference.html)).toEqual([
      `Annotated Reader. n.d. \u201c${HEADLINE}.\u201d Accessed November 25, 2026. <a href="${link}">${link}</a>.`,
      `<i>${TITLE}</i>. (n.d.). Annotated Reader. Retrieved November 25, 2026, from <a href="${link}">${link}</a>`,
      `\u201c${HEADLINE}.\u201d <i>Annotated Reader</i>, <a href="${link}">${link}</a>. Accessed 25 Nov. 2026.`,
    ]);
  });

  // CMOS 18 (8.159) and MLA 9 (1.2.1) capitalise titles headline-style; the official CSL styles do
  // (text-case="title"), whatever case the reading's data gives its subtitle.
  test('Chicago and MLA capitalise the subtitle headline-style', { timeout: 120_000 }, () => {
    const [chicago, , mla] = citeReading(reading, url, 'Annotated Reader', undefined, issued);
    expect(chicago!.reference.text).toContain('Public Authorities That Enable Commons-Based Peer Production');
    expect(mla!.reference.text).toContain('Public Authorities That Enable Commons-Based Peer Production');
  });

  test('editionDate honours SOURCE_DATE_EPOCH for reproducible builds', () => {
    expect(editionDate({ SOURCE_DATE_EPOCH: '1767052800' }).toISOString()).toBe('2025-12-30T00:00:00.000Z');
    expect(editionDate({ SOURCE_DATE_EPOCH: '0' }).getTime()).not.toBe(0);
  });

  test('editionDate without SOURCE_DATE_EPOCH is the time of its first call, for the whole build', async () => {
    // A fresh copy of this module alone (an earlier call in this process would already have fixed the
    // date); the modules it imports stay loaded, so their load-time code never runs inside this test.
    const fresh = (await import(/* @vite-ignore */ `${'../../src/lib/reading-citation.ts'}?fresh`)) as typeof import('../../src/lib/reading-citation.ts');
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2026-11-30T23:59:30Z'));
      expect(fresh.editionDate({}).toISOString()).toBe('2026-11-30T23:59:30.000Z');
      // The build runs past midnight: pages written later still carry the same date.
      vi.setSystemTime(new Date('2026-12-01T00:04:00Z'));
      expect(fresh.editionDate({}).toISOString()).toBe('2026-11-30T23:59:30.000Z');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('reference files', () => {
  // Built in each test, not as the file loads: mutation testing switches a mutant on only while tests run.
  const cslItem = () => readingCslItem(reading, url, 'Annotated Reader', issued);
  test.each([
    ['bib', /^@online\{partner-state,\n[^]*title = \{The \{Partner\} \{State\}[^]*url = \{https:\/\/example\.org\/courses\/pol-101\/reader\/read\/partner-state\/\}/],
    ['ris', /^TY {2}- ELEC\n[^]*TI {2}- The Partner State: Public authorities that enable commons-based peer production\n[^]*UR {2}- https:\/\/example\.org\/courses\/pol-101\/reader\/read\/partner-state\/\n[^]*ER {2}-\n$/],
    ['json', /^\[\n {2}\{\n {4}"id": "partner-state"/],
  ] as const)('%s', (format, pattern) => {
    expect(citationFile(cslItem(), format).body).toMatch(pattern);
  });

  test('CSL-JSON round-trips to the item the page cites', () => {
    const [parsed] = JSON.parse(citationFile(cslItem(), 'json').body);
    expect(parsed).toEqual({
      id: 'partner-state',
      type: 'webpage',
      title: 'The Partner State: Public authorities that enable commons-based peer production',
      'title-short': 'The Partner State',
      'container-title': 'Annotated Reader',
      URL: url,
      accessed: { 'date-parts': [[2026, 11, 25]] },
      language: 'en',
    });
  });

  test.each([
    ['a wrapped title is joined', 'TY  - ELEC\nTI  - The Partner State: Public authorities that enable commons-based peer p\nroduction\nER  - \n', 'TY  - ELEC\nTI  - The Partner State: Public authorities that enable commons-based peer production\nER  - \n'],
    ['short lines untouched', 'TY  - ELEC\nT2  - Annotated Reader\nER  - \n', 'TY  - ELEC\nT2  - Annotated Reader\nER  - \n'],
  ])('unwrapRis: %s', (_label, input, expected) => {
    expect(unwrapRis(input)).toBe(expected);
  });
});

describe('a reading with its own authors and date', () => {
  const odyssey = { id: 'odyssey', title: 'Ὀδύσσεια', language: 'grc', authors: [{ literal: 'Ὅμηρος' }], date: '-0700' };
  const godel = { id: 'goedel', title: 'Über formal unentscheidbare Sätze', language: 'de', authors: [{ family: 'Gödel', given: 'Kurt' }], date: '1931' };
  const at = 'https://example.org/read/odyssey/';

  test('is cited by its authors and original date; the build date is only the date accessed', { timeout: 120_000 }, () => {
    expect(citeReading(godel, at, 'Annotated Reader', { id: 'p', number: 3 }, issued).map((c) => [c.style, c.reference.text, c.inText])).toEqual([
      // A dated page needs no date of access (CMOS 18 14.104; MLA 9 5.111).
      ['chicago-author-date', `G\u00f6del, Kurt. 1931. \u201c\u00dcber formal unentscheidbare S\u00e4tze.\u201d Annotated Reader. ${at}#p-p.`, '(G\u00f6del 1931, para. 3)'],
      ['apa', `G\u00f6del, K. (1931). \u00dcber formal unentscheidbare S\u00e4tze. Annotated Reader. ${at}#p-p`, '(G\u00f6del, 1931, para. 3)'],
      ['modern-language-association', `G\u00f6del, Kurt. \u201c\u00dcber formal unentscheidbare S\u00e4tze.\u201d Annotated Reader, 1931, ${at}#p-p.`, '(G\u00f6del, par. 3)'],
    ]);
    expect(citeReading(odyssey, at, 'Annotated Reader', undefined, issued)[0]!.reference.text).toBe(
      `\u1f4d\u03bc\u03b7\u03c1\u03bf\u03c2. 700 BC. \u201c\u1f48\u03b4\u03cd\u03c3\u03c3\u03b5\u03b9\u03b1.\u201d Annotated Reader. ${at}.`,
    );
  });

  test.each([
    ['1848', [[1848]]],
    ['1848-02', [[1848, 2]]],
    ['1848-02-21', [[1848, 2, 21]]],
    ['-0700', [[-700]]],
    ['not a date', []],
  ])('originalDateParts(%j)', (date, parts) => {
    expect(originalDateParts(date)).toEqual(parts);
  });

  // The bug this pins: citation-js's BibTeX turned the Greek title into
  // `$\delta$$\upsilon{\' $}$\sigma$…` and dropped the Ὀ; names lost their diacritics to accent commands.
  test('biblatex, RIS and CSL-JSON keep every character of a Greek title and a name with diacritics', () => {
    const item = readingCslItem(odyssey, at, 'Annotated Reader', issued);
    expect(citationFile(item, 'bib').body).toBe(
      '@online{odyssey,\n  author = {{Ὅμηρος}},\n  title = {Ὀδύσσεια},\n  organization = {Annotated {Reader}},\n  date = {-0699},\n  urldate = {2026-11-25},\n  url = {https://example.org/read/odyssey/},\n}\n',
    );
    expect(citationFile(item, 'ris').body).toBe(
      'TY  - ELEC\nAU  - Ὅμηρος\nDA  - -700///\nPY  - -700\nID  - odyssey\nLA  - grc\nM1  - 2026/11/25/\nTI  - Ὀδύσσεια\nUR  - https://example.org/read/odyssey/\nER  -\n',
    );
    const godelItem = readingCslItem(godel, at, 'Annotated Reader', issued);
    expect(citationFile(godelItem, 'bib').body).toBe(
      '@online{goedel,\n  author = {Gödel, Kurt},\n  title = {Über formal unentscheidbare {Sätze}},\n  organization = {Annotated {Reader}},\n  date = {1931},\n  urldate = {2026-11-25},\n  url = {https://example.org/read/odyssey/},\n}\n',
    );
    expect(citationFile(godelItem, 'ris').body).toContain('\nAU  - Gödel, Kurt\n');
    expect(citationFile(godelItem, 'ris').body).toContain('\nTI  - Über formal unentscheidbare Sätze\n');
    const [json] = JSON.parse(citationFile(item, 'json').body);
    expect(json).toMatchObject({ title: 'Ὀδύσσεια', author: [{ literal: 'Ὅμηρος' }], issued: { 'date-parts': [[-700]] } });
    // Composed characters stay composed (no NFKD round trip).
    expect(citationFile(godelItem, 'bib').body.normalize('NFC')).toBe(citationFile(godelItem, 'bib').body);
  });

  test.each([
    ['R&D at 100% for #1_a {x} $5 ~ ^ \\', 'R\\&D at 100\\% for \\#1\\_a \\{x\\} \\$5 \\~{} \\^{} \\textbackslash{}'],
    ['Ἀριστοτέλης, Ἠθικὰ Νικομάχεια', 'Ἀριστοτέλης, Ἠθικὰ Νικομάχεια'],
  ])('latexText(%j) escapes only what LaTeX would misread', (value, expected) => {
    expect(latexText(value)).toBe(expected);
  });

  test.each([
    [{ family: 'Gödel', given: 'Kurt' }, 'Gödel, Kurt'],
    [{ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }, 'van Beethoven, Ludwig'],
    [{ family: 'Gaulle', given: 'Charles', 'dropping-particle': 'de' }, 'de Gaulle, Charles'],
    [{ family: 'King', given: 'Martin Luther', suffix: 'Jr.' }, 'King, Jr., Martin Luther'],
    [{ literal: 'P2P Foundation & Friends' }, '{P2P Foundation \\& Friends}'],
    // A literal name wins over parts given beside it.
    [{ literal: 'Ὅμηρος', family: 'Homer' }, '{Ὅμηρος}'],
    // A comma or "and" inside a part would split it into two names or two parts: braced.
    [{ family: 'Marks and Spencer', given: 'Ltd' }, '{Marks and Spencer}, Ltd'],
    [{ family: 'Rodríguez', given: 'Ana, Luis' }, 'Rodríguez, {Ana, Luis}'],
    [{ family: 'Andersen', given: 'Sandra' }, 'Andersen, Sandra'],
    // A suffix without a given name keeps biblatex's three parts, the last empty.
    [{ family: 'King', suffix: 'Jr.' }, 'King, Jr., '],
  ])('latexName(%j)', (name, expected) => {
    expect(latexName(name)).toBe(expected);
  });

  test('latexTitle braces capitalised words after the first letter; latexDate pads years and writes BCE the ISO way', () => {
    expect(latexTitle('The Partner State: Public authorities')).toBe('The {Partner} {State}: {Public} authorities');
    expect(latexDate({ 'date-parts': [[-700]] })).toBe('-0699');
    expect(latexDate({ 'date-parts': [[850, 3, 5]] })).toBe('0850-03-05');
    expect(latexDate({ 'date-parts': [[1999], [2001]] })).toBe('1999/2001');
    // -1 in CSL is 1 BCE, ISO's year 0: no minus sign.
    expect(latexDate({ 'date-parts': [[-1]] })).toBe('0000');
    // CSL-JSON allows strings in date-parts; a part that is not a number is left out.
    expect(latexDate({ 'date-parts': [['1848', '2']] })).toBe('1848-02');
    expect(latexDate({ 'date-parts': [[1848, 'spring' as unknown as number]] })).toBe('1848');
    expect(latexDate({ 'date-parts': [] })).toBeUndefined();
    expect(latexDate(undefined)).toBeUndefined();
  });
});

describe('biblatex entries of other sources', () => {
  test('a chapter in an edited book: every field in biblatex order, pages with an en dash written --', () => {
    expect(
      biblatexEntry({
        id: 'ostrom-commons',
        type: 'chapter',
        author: [{ family: 'Ostrom', given: 'Elinor' }],
        editor: [{ family: 'Bromley', given: 'Daniel W.' }, { family: 'Feeny', given: 'David' }],
        title: 'The rudiments of a theory of the origins of self-governing institutions',
        'container-title': 'Making the Commons Work',
        publisher: 'ICS Press',
        'publisher-place': 'San Francisco',
        volume: 2,
        issue: '3',
        page: '41–62',
        issued: { 'date-parts': [[1992, 5]] },
        DOI: '10.1000/182',
      }),
    ).toBe(
      [
        '@incollection{ostrom-commons,',
        '  author = {Ostrom, Elinor},',
        '  editor = {Bromley, Daniel W. and Feeny, David},',
        '  title = {The rudiments of a theory of the origins of self-governing institutions},',
        '  booktitle = {Making the {Commons} {Work}},',
        '  publisher = {ICS Press},',
        '  location = {San Francisco},',
        '  volume = {2},',
        '  number = {3},',
        '  pages = {41--62},',
        '  date = {1992-05},',
        '  doi = {10.1000/182},',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('a type biblatex has no name for is @misc, its container howpublished; a hyphen in pages is written --', () => {
    expect(biblatexEntry({ id: 'letter', type: 'manuscript', title: 'To the Editor', 'container-title': 'Private papers', page: '7-9' })).toBe(
      '@misc{letter,\n  title = {To the {Editor}},\n  howpublished = {Private papers},\n  pages = {7--9},\n}\n',
    );
  });

  test('a journal article: the container is the journal title; a number 0 is kept, not taken as missing', () => {
    expect(biblatexEntry({ id: 'zero', type: 'article-journal', title: 'On nothing', 'container-title': 'Annals', volume: 0 })).toBe(
      '@article{zero,\n  title = {On nothing},\n  journaltitle = {Annals},\n  volume = {0},\n}\n',
    );
  });
});
