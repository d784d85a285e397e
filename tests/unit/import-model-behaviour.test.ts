/**
 * The shared block tree's helpers on small hand-written inputs: the inline text builder that every
 * markup importer lays words out with, how pieces join into one block, which blocks a collector
 * keeps, and the clean-up of languages, addresses and one-line metadata.
 */
import { describe, expect, test } from 'vitest';
import {
  BlockCollector,
  emptyDocument,
  InlineText,
  joinLines,
  languageByName,
  NO_ATTRIBUTES,
  normaliseLanguage,
  oneLine,
  webAddress,
  withoutControls,
  type ImportBlock,
  type Span,
} from '../../src/lib/import/model.ts';

/** The collector's add() is for the walkers that extend it; this one only opens it to the tests. */
class TestCollector extends BlockCollector {
  put(
    role: ImportBlock['role'],
    built: { text: string; spans: Span[] },
    context: { lang?: string; dir?: 'ltr' | 'rtl'; speaker?: string },
    depth?: number,
  ): void {
    this.add(role, built, context, depth);
  }
}

describe('an empty document', () => {
  test('has its format and nothing else: no authors, blocks, omissions or warnings', () => {
    expect(emptyDocument('markdown')).toStrictEqual({ format: 'markdown', authors: [], blocks: [], omitted: [], warnings: [] });
  });
});

describe('collecting blocks', () => {
  test('a block with no words is not kept', () => {
    const collector = new TestCollector();
    collector.put('paragraph', { text: ' \n\t ', spans: [] }, {});
    collector.put('paragraph', { text: '', spans: [] }, { lang: 'fr' });
    expect(collector.blocks).toEqual([]);
  });

  test('a plain block carries no depth, language, direction or speaker keys at all', () => {
    const collector = new TestCollector();
    collector.put('paragraph', { text: 'Words.', spans: [] }, {});
    // Strict: a key present with the value undefined would still be written out later.
    expect(collector.blocks).toStrictEqual([{ role: 'paragraph', text: 'Words.', spans: [] }]);
  });

  test('empty language, direction or speaker values are left out too', () => {
    const collector = new TestCollector();
    collector.put('verse', { text: 'Sing, goddess', spans: [] }, { lang: '', speaker: '' });
    expect(collector.blocks).toStrictEqual([{ role: 'verse', text: 'Sing, goddess', spans: [] }]);
  });

  test('depth, language, direction and speaker are kept where given, depth even when it is 0', () => {
    const collector = new TestCollector();
    collector.put('heading', { text: 'Prologue', spans: [] }, { lang: 'la', dir: 'ltr', speaker: 'Chorus' }, 0);
    expect(collector.blocks).toStrictEqual([{ role: 'heading', text: 'Prologue', spans: [], depth: 0, lang: 'la', dir: 'ltr', speaker: 'Chorus' }]);
  });
});

describe('control characters', () => {
  test('are removed, while tab and newline stay', () => {
    expect(withoutControls('a\u0000b\u0007c\u007Fd\u0085e\uFFFFf\tg\nh')).toBe('abcdef\tg\nh');
  });

  test('one-line metadata loses them and its line breaks', () => {
    expect(oneLine('  Pride\n  and\u0007 Prejudice ')).toBe('Pride and Prejudice');
    expect(oneLine(undefined)).toBe('');
  });
});

describe('building a block’s text', () => {
  test('a new builder holds no text and no spans', () => {
    const text = new InlineText();
    expect(text.text).toBe('');
    expect(text.spans).toEqual([]);
    expect(text.finish()).toEqual({ text: '', spans: [] });
  });

  test('a lone carriage return is a line ending like CRLF, so it becomes a space between words', () => {
    const text = new InlineText();
    text.push('one\rtwo\r\nthree');
    expect(text.finish().text).toBe('one two three');
  });

  test('in verbatim text a lone carriage return starts a new line', () => {
    const text = new InlineText();
    text.push('first\rsecond', NO_ATTRIBUTES, true);
    expect(text.finish().text).toBe('first\nsecond');
  });

  test('verbatim text continues the current line; only its own line breaks start new ones', () => {
    const text = new InlineText();
    text.push('Listing:');
    text.push('x = 1\ny = 2', NO_ATTRIBUTES, true);
    expect(text.finish().text).toBe('Listing:x = 1\ny = 2');
  });

  test('verbatim indentation is kept, and a span covers the words but not the indent', () => {
    const text = new InlineText();
    text.push('  indented()', { styles: ['code'] }, true);
    expect(text.finish()).toEqual({ text: '  indented()', spans: [{ start: 2, end: 12, style: 'code' }] });
  });

  test('a span over words after a no-break space starts after that space', () => {
    const text = new InlineText();
    text.push('see ');
    text.push('\u00A0word', { styles: ['emphasis'] });
    // The no-break space is not collapsible, so it stays in the text, outside the emphasis.
    expect(text.finish()).toEqual({ text: 'see \u00A0word', spans: [{ start: 5, end: 9, style: 'emphasis' }] });
  });

  test('a no-break space alone never starts the block', () => {
    const text = new InlineText();
    text.push('\u00A0');
    text.push('word');
    expect(text.finish().text).toBe('word');
  });

  test('a no-break space alone never starts a new line either', () => {
    const text = new InlineText();
    text.push('first');
    text.lineBreak();
    text.push('\u00A0 second');
    expect(text.finish().text).toBe('first\nsecond');
  });

  test('a formatted no-break space gets no span, so a later span does not reach back over it', () => {
    const text = new InlineText();
    text.push('a');
    text.push('\u00A0', { styles: ['strong'] });
    text.push(' ');
    text.push('b', { styles: ['strong'] });
    expect(text.finish()).toEqual({ text: 'a\u00A0 b', spans: [{ start: 3, end: 4, style: 'strong' }] });
  });

  test('line breaks at the end are dropped', () => {
    const text = new InlineText();
    text.push('last line');
    text.lineBreak();
    text.lineBreak();
    expect(text.finish().text).toBe('last line');
  });
});

describe('spans of the same kind', () => {
  test('two pieces with the same style and nothing between them make one span', () => {
    const text = new InlineText();
    text.push('Ham', { styles: ['strong'] });
    text.push('let', { styles: ['strong'] });
    expect(text.finish()).toEqual({ text: 'Hamlet', spans: [{ start: 0, end: 6, style: 'strong' }] });
  });

  test('two pieces with the same style and a space between make one span', () => {
    const text = new InlineText();
    text.push('very', { styles: ['emphasis'] });
    text.push(' ');
    text.push('much', { styles: ['emphasis'] });
    expect(text.finish()).toEqual({ text: 'very much', spans: [{ start: 0, end: 9, style: 'emphasis' }] });
  });

  test('words between two pieces keep their spans apart', () => {
    const text = new InlineText();
    text.push('a', { styles: ['strong'] });
    text.push(' plain ');
    text.push('b', { styles: ['strong'] });
    expect(text.finish()).toEqual({
      text: 'a plain b',
      spans: [
        { start: 0, end: 1, style: 'strong' },
        { start: 8, end: 9, style: 'strong' },
      ],
    });
  });

  test('different styles side by side stay separate spans', () => {
    const text = new InlineText();
    text.push('one', { styles: ['emphasis'] });
    text.push(' ');
    text.push('two', { styles: ['strong'] });
    expect(text.finish().spans).toEqual([
      { start: 0, end: 3, style: 'emphasis' },
      { start: 4, end: 7, style: 'strong' },
    ]);
  });

  test('links to different addresses side by side stay separate spans', () => {
    const text = new InlineText();
    text.push('one', { styles: [], link: 'https://a.example/' });
    text.push(' ');
    text.push('two', { styles: [], link: 'https://b.example/' });
    expect(text.finish().spans).toEqual([
      { start: 0, end: 3, link: 'https://a.example/' },
      { start: 4, end: 7, link: 'https://b.example/' },
    ]);
  });

  test('words in different languages side by side stay separate spans', () => {
    const text = new InlineText();
    text.push('arma', { styles: [], lang: 'la' });
    text.push(' ');
    text.push('μῆνιν', { styles: [], lang: 'grc' });
    expect(text.finish().spans).toEqual([
      { start: 0, end: 4, lang: 'la' },
      { start: 5, end: 10, lang: 'grc' },
    ]);
  });
});

describe('joining pieces into one block', () => {
  test('pieces with no words are skipped, leaving no blank line', () => {
    expect(
      joinLines([
        { text: 'first', spans: [] },
        { text: ' \n ', spans: [] },
        { text: 'second', spans: [] },
      ]),
    ).toEqual({ text: 'first\nsecond', spans: [] });
  });

  test('an indent goes before every line of a piece and its spans move with the words', () => {
    const joined = joinLines([
      { text: 'top', spans: [{ start: 0, end: 3, style: 'strong' }] },
      {
        text: 'a\nbc',
        spans: [
          { start: 0, end: 1, style: 'emphasis' },
          { start: 2, end: 4, style: 'code' },
        ],
        indent: '  ',
      },
    ]);
    // 'top' 0–3, newline 3, indent 4–5, 'a' 6, newline 7, indent 8–9, 'bc' 10–11.
    expect(joined).toEqual({
      text: 'top\n  a\n  bc',
      spans: [
        { start: 0, end: 3, style: 'strong' },
        { start: 6, end: 7, style: 'emphasis' },
        { start: 10, end: 12, style: 'code' },
      ],
    });
  });
});

describe('language names', () => {
  test("the table holds languages' English names and the catalogues' names for ancient Greek, not codes", () => {
    // The table is built by the first lookup and kept for the rest of the file, so only the first
    // test that looks a name up runs the code that builds it: keep this test first.
    expect(languageByName('Latin')).toBe('la');
    expect(languageByName('Ancient Greek')).toBe('grc');
    expect(languageByName('Greek, Ancient')).toBe('grc');
    expect(languageByName('Greek')).toBe('el');
    expect(languageByName('qq')).toBeUndefined();
    expect(languageByName('')).toBeUndefined();
  });

  test('English names become codes, whatever their case and surrounding spaces', () => {
    expect(languageByName('  French ')).toBe('fr');
    expect(languageByName('LATIN')).toBe('la');
  });

  test('an unknown name is no language', () => {
    expect(languageByName('Klingonese')).toBeUndefined();
  });

  test('a bracketed aside at the end is dropped, with or without a space before it', () => {
    expect(languageByName('French (Canada)')).toBe('fr');
    expect(languageByName('French(Canada)')).toBe('fr');
  });

  test('brackets that are not a trailing aside are not dropped', () => {
    expect(languageByName('(Old) English')).toBeUndefined();
    expect(languageByName('French (Canada)-ish')).toBeUndefined();
  });

  test('a qualifier after a comma is dropped, after any bracketed aside', () => {
    expect(languageByName('Greek, Modern (1453-)')).toBe('el');
    expect(languageByName('Spanish, Castilian')).toBe('es');
  });
});

describe('language tags', () => {
  test('an underscore tag with spaces around it becomes a canonical tag', () => {
    expect(normaliseLanguage(' en_GB ')).toBe('en-GB');
  });

  test('the codes for no particular language give no language', () => {
    expect(normaliseLanguage('und')).toBeUndefined();
    expect(normaliseLanguage('MUL')).toBeUndefined();
    expect(normaliseLanguage('zxx')).toBeUndefined();
    expect(normaliseLanguage('x-none')).toBeUndefined();
    expect(normaliseLanguage('   ')).toBeUndefined();
    expect(normaliseLanguage(null)).toBeUndefined();
  });

  test('only the whole tag "mul" means no language, not a subtag that happens to read so', () => {
    expect(normaliseLanguage('en-x-mul')).toBe('en-x-mul');
  });

  test('a language given by its English name becomes its code, not a tag made of the name', () => {
    // "Latin" is well-formed BCP 47 syntax, but the schema takes only two- or three-letter languages.
    expect(normaliseLanguage('Latin')).toBe('la');
    expect(normaliseLanguage('Greek')).toBe('el');
  });
});

describe('web addresses', () => {
  test('an http or https address is kept, without the spaces around it', () => {
    expect(webAddress(' https://example.org/page ')).toBe('https://example.org/page');
    expect(webAddress('http://example.org/')).toBe('http://example.org/');
  });

  test('an address the policy refuses is dropped even though it starts with https://', () => {
    expect(webAddress('https://example.org/a page')).toBeUndefined();
  });

  test('an address must start with its scheme as written, not only once character references are read', () => {
    // The page would decode &#104; to "h", so this hides its scheme; the https:// later on is only a parameter.
    expect(webAddress('&#104;ttps://example.org/?next=https://example.org/')).toBeUndefined();
  });

  test('other schemes, bare host names and nothing give no address', () => {
    expect(webAddress('ftp://example.org/')).toBeUndefined();
    expect(webAddress('example.org')).toBeUndefined();
    expect(webAddress('')).toBeUndefined();
    expect(webAddress(undefined)).toBeUndefined();
  });
});
