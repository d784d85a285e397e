import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { formatBibliography, formatCitation } from '../../src/lib/citations.ts';
import { citationFile, unwrapRis } from '../../src/lib/citation-files.ts';
import { citeReading, editionDate, fillCitationTemplate, passageCitationTemplates, readingCslItem } from '../../src/lib/reading-citation.ts';

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
  const templates = passageCitationTemplates(reading, url, 'Annotated Reader', issued);

  test.each(sample)('passage $number ($id): the filled template is exactly what the CSL processor formats for it', { timeout: 120_000 }, (passage) => {
    const direct = citeReading(reading, url, 'Annotated Reader', passage, issued);
    const filled = templates.map((t) => ({
      ...t,
      reference: { html: fillCitationTemplate(t.reference.html, passage), text: fillCitationTemplate(t.reference.text, passage) },
      inText: fillCitationTemplate(t.inText, passage),
    }));
    expect(filled).toEqual(direct);
  });

  test('each style gives the passage number as a paragraph and the permalink', { timeout: 120_000 }, () => {
    const passage = passages[13]!;
    const item = readingCslItem(reading, `${url}#p-${passage.id}`, 'Annotated Reader', issued);
    const cited = citeReading(reading, url, 'Annotated Reader', passage, issued);
    expect(cited.map((c) => c.style)).toEqual(['chicago-author-date', 'apa', 'mla']);
    for (const c of cited) {
      expect(c.reference.text).toContain(`${url}#p-${passage.id}`);
      expect(c.inText).toMatch(/\bpara?\. 14\b/); // Chicago and APA "para.", MLA "par."
      expect(c.reference.text).toBe(formatBibliography([item], c.style)[0]!.text);
      expect(c.inText).toBe(formatCitation(item, { style: c.style, locator: 'para. 14' }));
    }
  });

  test('editionDate honours SOURCE_DATE_EPOCH for reproducible builds', () => {
    expect(editionDate({ SOURCE_DATE_EPOCH: '1767052800' }).toISOString()).toBe('2025-12-30T00:00:00.000Z');
    expect(editionDate({}).getTime()).toBe(editionDate({}).getTime());
  });
});

describe('reference files', () => {
  const item = readingCslItem(reading, url, 'Annotated Reader', issued);
  test.each([
    ['bib', /^@\w+\{.+,\n[^]*title = \{The \{Partner\} \{State\}[^]*url = \{https:\/\/example\.org\/courses\/pol-101\/reader\/read\/partner-state\/\}/],
    ['ris', /^TY {2}- ELEC\n[^]*TI {2}- The Partner State: Public authorities that enable commons-based peer production\n[^]*UR {2}- https:\/\/example\.org\/courses\/pol-101\/reader\/read\/partner-state\/\n[^]*ER {2}-\n$/],
    ['json', /^\[\n {2}\{\n {4}"id": "partner-state"/],
  ] as const)('%s', (format, pattern) => {
    expect(citationFile(item, format).body).toMatch(pattern);
  });

  test('CSL-JSON round-trips to the item the page cites', () => {
    const [parsed] = JSON.parse(citationFile(item, 'json').body);
    expect(parsed).toMatchObject({ id: 'partner-state', type: 'webpage', URL: url, issued: { 'date-parts': [[2026, 11, 25]] } });
  });

  test.each([
    ['a wrapped title is joined', 'TY  - ELEC\nTI  - The Partner State: Public authorities that enable commons-based peer p\nroduction\nER  - \n', 'TY  - ELEC\nTI  - The Partner State: Public authorities that enable commons-based peer production\nER  - \n'],
    ['short lines untouched', 'TY  - ELEC\nT2  - Annotated Reader\nER  - \n', 'TY  - ELEC\nT2  - Annotated Reader\nER  - \n'],
  ])('unwrapRis: %s', (_label, input, expected) => {
    expect(unwrapRis(input)).toBe(expected);
  });
});
