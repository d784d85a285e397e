import { describe, expect, test } from 'vitest';
import { annotatePassageHtml } from '../../src/lib/annotate-passage.ts';
import { directionOf, impliedDirection, languageAttributes } from '../../src/lib/languages.ts';
import { passageLanguage, readingBodyAttributes, readingText } from '../../src/lib/passage-language.ts';
import { describeLines, lineOfAnchor, linesSpanned, verseLineAnchor, verseLineStarts, withLineLocator } from '../../src/lib/verse.ts';

describe('directions', () => {
  test.each([
    ['ar', 'rtl'], ['he', 'rtl'], ['he-IL', 'rtl'], ['fa', 'rtl'], ['ur', 'rtl'], ['yi', 'rtl'], ['ps', 'rtl'], ['sd', 'rtl'],
    ['ug', 'rtl'], ['dv', 'rtl'], ['syr', 'rtl'], ['ckb', 'rtl'], ['az-Arab', 'rtl'], ['pa-Arab', 'rtl'],
    ['en', 'ltr'], ['grc', 'ltr'], ['la', 'ltr'], ['zh-Hant', 'ltr'], ['ku-Latn', 'ltr'], ['tr', 'ltr'],
  ])('%s is %s', (tag, dir) => expect(impliedDirection(tag)).toBe(dir));

  test('a stated direction wins over the language', () => expect(directionOf('ar', 'ltr')).toBe('ltr'));

  test('only what differs from the context is written', () => {
    expect(languageAttributes({ lang: 'en', dir: 'ltr' }, { lang: 'en', dir: 'ltr' })).toEqual({});
    expect(languageAttributes({ lang: 'EN', dir: 'ltr' }, { lang: 'en', dir: 'ltr' })).toEqual({});
    expect(languageAttributes({ lang: 'ar', dir: 'rtl' }, { lang: 'en', dir: 'rtl' })).toEqual({ lang: 'ar' });
    expect(languageAttributes({ lang: 'en', dir: 'ltr' }, { lang: 'en', dir: 'rtl' })).toEqual({ dir: 'ltr' });
  });
});

describe('which element carries which language', () => {
  const passages = [{ id: 'a', role: 'paragraph', text: 'x' }];
  test('a reading in the site language adds nothing anywhere', () => {
    const reading = readingText({ language: 'en', passages });
    expect(readingBodyAttributes(reading)).toEqual({});
    expect(passageLanguage({}, reading)).toEqual({ direction: 'ltr', textAttributes: {}, markerLang: undefined, noteAttributes: {} });
  });
  test('Greek: the text says grc; markers and notes say en', () => {
    const reading = readingText({ language: 'grc', passages });
    expect(readingBodyAttributes(reading)).toEqual({});
    expect(passageLanguage({}, reading)).toEqual({ direction: 'ltr', textAttributes: { lang: 'grc' }, markerLang: 'en', noteAttributes: { lang: 'en', dir: 'ltr' } });
  });
  test('an English paragraph in a Greek reading needs no attribute (the page is in English)', () => {
    expect(passageLanguage({ lang: 'en' }, readingText({ language: 'grc', passages })).textAttributes).toEqual({});
  });
  test('Arabic: the body is right to left, the text says ar, notes say en and ltr', () => {
    const reading = readingText({ language: 'ar', passages });
    expect(readingBodyAttributes(reading)).toEqual({ dir: 'rtl' });
    expect(passageLanguage({}, reading)).toEqual({ direction: 'rtl', textAttributes: { lang: 'ar' }, markerLang: 'en', noteAttributes: { lang: 'en', dir: 'ltr' } });
  });
  test('an English passage inside an Arabic reading turns left to right', () => {
    expect(passageLanguage({ lang: 'en' }, readingText({ language: 'ar', passages })).textAttributes).toEqual({ dir: 'ltr' });
  });
  test('a Hebrew passage in an English reading says both', () => {
    expect(passageLanguage({ lang: 'he' }, readingText({ language: 'en', passages })).textAttributes).toEqual({ lang: 'he', dir: 'rtl' });
  });
  test('the reading\u2019s stated direction holds for its passages', () => {
    expect(passageLanguage({}, readingText({ language: 'ar', direction: 'ltr', passages })).direction).toBe('ltr');
  });
});

describe('verse lines', () => {
  const passages = [
    { id: 'head', role: 'heading', text: 'Book One' },
    { id: 'wrath', role: 'verse', text: 'one\ntwo\nthree\nfour\nfive' },
    { id: 'prose', role: 'paragraph', text: 'An interruption\nof two lines' },
    { id: 'strife', role: 'verse', text: 'six\nseven' },
  ];

  test('are numbered through the reading\u2019s verse passages; prose does not count', () => {
    expect([...verseLineStarts(passages)]).toEqual([['wrath', 1], ['strife', 6]]);
  });

  test('keep their breaks, carry anchors, and show every n-th number outside the text', () => {
    const html = annotatePassageHtml({ text: 'six\n  seven', role: 'verse' }, [], [], undefined, { verse: { passageId: 'strife', firstLine: 6, every: 3 } });
    expect(html).toBe('<span class="verse-line" id="p-strife-l6" data-n="6">six</span>\n<span class="verse-line" id="p-strife-l7">  seven</span>');
  });

  test('a note across a line end is split at the line and its marker ends the second line\u2019s phrase', () => {
    const text = 'dogs\nbirds all';
    const html = annotatePassageHtml({ text, role: 'verse' }, [{ id: 'n', number: 1, kind: 'gloss', start: 0, end: 10 }], [], undefined, { verse: { passageId: 'p', firstLine: 1, every: 5 } });
    expect(html).toBe(
      '<span class="verse-line" id="p-p-l1"><span class="anno" id="ref-n">dogs</span></span>\n' +
        '<span class="verse-line" id="p-p-l2"><span class="anno" data-anno="n">birds</span><a class="note-ref" href="#note-n" aria-label="Note 1"></a> all</span>',
    );
  });

  test.each([
    ['inside one line', 0, 3, { first: 6, last: 6 }],
    ['across a break', 2, 6, { first: 6, last: 7 }],
    ['the whole of the second line', 4, 9, { first: 7, last: 7 }],
    ['ending just after a break does not take the next line', 0, 4, { first: 6, last: 6 }],
    ['all three', 0, 15, { first: 6, last: 8 }],
  ])('a selection %s', (_name, start, end, lines) => {
    expect(linesSpanned('six\nseven\neight', start, end, 6)).toEqual(lines);
  });

  test('are cited as a classicist writes them', () => {
    expect(describeLines({ first: 4, last: 4 })).toBe('line 4');
    expect(describeLines({ first: 3, last: 7 })).toBe('lines 3\u20137');
  });

  test('anchors round-trip', () => {
    expect(verseLineAnchor('wrath', 12)).toBe('p-wrath-l12');
    expect(lineOfAnchor('p-wrath-l12')).toBe(12);
    expect(lineOfAnchor('p-wrath')).toBeUndefined();
  });
});

describe('citing verse by line', () => {
  test.each([
    ['Chicago', '(“The Proem of the Iliad” n.d., para. 7777777)', '(“The Proem of the Iliad” n.d., lines 3\u20137)'],
    ['MLA', '(“The Proem of the Iliad,” par. 7777777)', '(“The Proem of the Iliad,” lines 3\u20137)'],
    ['a bare number', '(Homer 7777777)', '(Homer lines 3\u20137)'],
    ['no locator', '(Homer)', '(Homer), lines 3\u20137'],
  ])('%s', (_style, template, cited) => {
    expect(withLineLocator(template, '7777777', { first: 3, last: 7 })).toBe(cited);
  });
});
