/**
 * Plain text and Markdown, rule by rule on small inputs: the role each shape of text block gets,
 * and what Markdown front matter gives the reading. import-formats.test.ts reads whole files.
 */
import { describe, expect, test } from 'vitest';
import { importMarkdown } from '../../src/lib/import/markdown.ts';
import { textBlocks } from '../../src/lib/import/text.ts';

const roles = (text: string, title?: string) => textBlocks(text, title).map((b) => [b.role, b.depth, b.text]);

describe('plain text blocks', () => {
  test('headings by their words, front matter and roman numerals at the depth of the text’s own headings; attribution, lists, contents, indented quotation', () => {
    const text = [
      'BOOK ONE',
      'CHAPTER I.',
      'It was a dark night.',
      'by Ann Lee',
      '- one\n- two',
      'Chapter I .... 1\nChapter II ... 9\nIndex ....... 20',
      '  indented line one\n  indented line two',
      'PREFACE',
      'XIV',
      'THE OLD MILL',
      'SCENE 2',
      'VOLUME II',
    ].join('\n\n');
    expect(roles(text)).toEqual([
      ['heading', 2, 'BOOK ONE'],
      ['heading', 3, 'CHAPTER I.'],
      ['paragraph', undefined, 'It was a dark night.'],
      ['attribution', undefined, 'by Ann Lee'],
      ['list', undefined, '- one\n- two'],
      ['list', undefined, 'Chapter I .... 1\nChapter II ... 9\nIndex ....... 20'],
      ['quote', undefined, '  indented line one\n  indented line two'],
      ['heading', 1, 'PREFACE'],
      ['heading', 3, 'XIV'],
      ['heading', 1, 'THE OLD MILL'],
      ['heading', 4, 'SCENE 2'],
      ['heading', 1, 'VOLUME II'],
    ]);
  });

  test('without headings of its own, front matter and capitals are level 2; what only looks like one stays a paragraph', () => {
    expect(roles('PREFACE\n\nOK\n\nTHE END, AND AFTER,\n\nWords in a\nparagraph.\n\nLine one\nLine two\nLine three is here')).toEqual([
      ['heading', 2, 'PREFACE'],
      ['paragraph', undefined, 'OK'],
      ['paragraph', undefined, 'THE END, AND AFTER,'],
      ['paragraph', undefined, 'Words in a\nparagraph.'],
      ['paragraph', undefined, 'Line one\nLine two\nLine three is here'],
    ]);
  });

  test('the title as the first block is the title heading; a line of more than 70 characters is never a heading', () => {
    const long = `CHAPTER ${'X'.repeat(70)}`;
    expect(roles(`The Old Mill!\n\n${long}\n\nText.`, 'the old mill')).toEqual([
      ['heading', -1, 'The Old Mill!'],
      ['paragraph', undefined, long],
      ['paragraph', undefined, 'Text.'],
    ]);
  });

  test('four or more lines well inside the width the prose is wrapped at are a stanza', () => {
    const prose = [
      'The prose of this text is wrapped at a width of some seventy characters,',
      'as most plain-text books are, and each of its lines runs close to that,',
      'so that a short line stands out from it the way a line of verse does.',
    ].join('\n');
    const stanza = 'Tyger Tyger, burning bright,\nIn the forests of the night;\nWhat immortal hand or eye,\nCould frame thy fearful symmetry?';
    expect(roles(`${prose}\n\n${stanza}\n\n${stanza.split('\n').slice(0, 3).join('\n')}`).map(([role]) => role)).toEqual(['paragraph', 'verse', 'paragraph']);
  });
});

describe('Markdown front matter', () => {
  test('every field it reads', () => {
    const document = importMarkdown(
      [
        '---',
        'title: Commons',
        'subtitle: A primer',
        'author:',
        '  - name: Ann Lee',
        '  - Bo Chen and Cy Diaz',
        'date: 2020-05-01',
        'language: en_GB',
        'direction: rtl',
        'summary: What it is.',
        'license: { name: CC BY 4.0, url: "https://creativecommons.org/licenses/by/4.0/" }',
        'source: https://example.org/commons',
        'site: Example',
        '---',
        '',
        'Text.',
      ].join('\n'),
    );
    expect(document).toEqual({
      format: 'markdown',
      title: 'Commons',
      subtitle: 'A primer',
      authors: ['Ann Lee', 'Bo Chen', 'Cy Diaz'],
      date: '2020-05-01',
      language: 'en-GB',
      direction: 'rtl',
      description: 'What it is.',
      licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      origin: { url: 'https://example.org/commons', title: 'Commons', site: 'Example' },
      blocks: [{ role: 'paragraph', text: 'Text.', spans: [], lang: 'en-GB' }],
      omitted: ['the YAML front matter (its fields are in reading.yaml)'],
      warnings: [],
    });
  });

  test('other names for the same fields; a licence given as an address is its own address; a year as a number', () => {
    const document = importMarkdown('---\nauthors: A. One; B. Two\ndate: 1848\nlang: de\ndir: ltr\nabstract: Kurz.\nrights: https://creativecommons.org/publicdomain/zero/1.0/\ncanonical: https://example.org/k\n---\nWort.\n');
    expect(document).toMatchObject({
      authors: ['A. One', 'B. Two'],
      date: '1848',
      language: 'de',
      direction: 'ltr',
      description: 'Kurz.',
      licence: { name: 'https://creativecommons.org/publicdomain/zero/1.0/', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
      origin: { url: 'https://example.org/k' },
    });
    expect(document.origin?.site).toBeUndefined();
  });

  test('a licence by name only has no address; a direction that is neither rtl nor ltr is not one; a licence object without a name is none', () => {
    expect(importMarkdown('---\nlicence: Public domain\ndirection: auto\n---\nText.\n')).toMatchObject({ licence: { name: 'Public domain', url: undefined } });
    expect(importMarkdown('---\nlicence: Public domain\ndirection: auto\n---\nText.\n').direction).toBeUndefined();
    expect(importMarkdown('---\nlicence: { url: "https://example.org/l" }\n---\nText.\n').licence).toBeUndefined();
  });

  test('front matter that is not YAML is a warning, and its fields are not read; a YAML list is no fields', () => {
    const broken = importMarkdown('---\ntitle: [unclosed\n---\nText.\n');
    expect(broken.warnings).toHaveLength(1);
    expect(broken.warnings[0]).toMatch(/^the front matter is not valid YAML \(.+\); its fields were not read\.$/);
    expect(broken.title).toBeUndefined();
    const list = importMarkdown('---\n- title\n- author\n---\nText.\n');
    expect(list).toMatchObject({ authors: [], warnings: [], omitted: ['the YAML front matter (its fields are in reading.yaml)'] });
    expect(list.title).toBeUndefined();
  });

  test('without front matter nothing is recorded as left out', () => {
    expect(importMarkdown('# Heading\n\nText.\n')).toMatchObject({ omitted: [], authors: [], blocks: [{ role: 'heading', depth: 1 }, { role: 'paragraph' }] });
  });
});
