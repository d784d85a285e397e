import { describe, expect, test } from 'vitest';
import { renderRanges, type MarkRange } from '../../src/lib/render-ranges.ts';

const span = (key: string, start: number, end: number): MarkRange => ({
  key,
  start,
  end,
  open: `<s${key}>`,
  reopen: `<s${key}+>`,
  close: `</s${key}>`,
});
const atom = (key: string, start: number, end: number): MarkRange => ({
  key,
  start,
  end,
  open: `<b${key}>`,
  close: `</b${key}>`,
  atomic: true,
});

/** Checks that every opened tag closes in LIFO order. */
function wellNested(html: string): boolean {
  const stack: string[] = [];
  for (const [, closing, name] of html.matchAll(/<(\/?)([a-z0-9]+)\+?>/g)) {
    if (closing) {
      if (stack.pop() !== name) return false;
    } else stack.push(name!);
  }
  return stack.length === 0;
}
const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<');

describe('renderRanges', () => {
  test.each([
    ['no ranges, escaped', 'a < b & c', [], [], 'a &lt; b &amp; c'],
    ['one phrase', 'hello world', [span('1', 6, 11)], [], 'hello <s1>world</s1>'],
    ['nested: term inside a phrase', 'peer production now', [span('1', 0, 15), atom('t', 5, 15)], [], '<s1>peer <bt>production</bt></s1> now'],
    [
      'overlapping phrases split the later one',
      'abcdef',
      [span('1', 0, 4), span('2', 2, 6)],
      [],
      '<s1>ab<s2>cd</s2></s1><s2+>ef</s2>',
    ],
    ['identical extents nest by key', 'abc', [span('2', 0, 3), span('1', 0, 3)], [], '<s1><s2>abc</s2></s1>'],
    [
      'a phrase partly over a term widens to cover it',
      'the commons sphere',
      [span('1', 0, 7), atom('t', 4, 11)],
      [],
      '<s1>the <bt>commons</bt></s1> sphere',
    ],
    ['insertion after the phrase closes', 'abc def', [span('1', 0, 3)], [{ at: 3, html: '<i>1</i>' }], '<s1>abc</s1><i>1</i> def'],
    ['insertion inside a term moves to its end', 'abcdef', [atom('t', 1, 5)], [{ at: 3, html: '^' }], 'a<bt>bcde</bt>^f'],
    ['overlapping atomic ranges keep the first', 'abcdef', [atom('a', 0, 4), atom('b', 2, 6)], [], '<ba>abcd</ba>ef'],
    ['out-of-range ranges are ignored', 'abc', [span('1', 2, 9), span('2', 1, 1)], [], 'abc'],
    ['insertion at the end', 'abc', [], [{ at: 3, html: '^' }], 'abc^'],
  ])('%s', (_name, text, ranges, insertions, expected) => {
    const html = renderRanges(text, ranges, insertions);
    expect(html).toBe(expected);
    expect(wellNested(html)).toBe(true);
  });

  test('list mode: one item per line, indentation dropped, ranges re-opened across items', () => {
    const text = '  • one two\n  • three';
    const html = renderRanges(text, [span('1', 8, 21), span('2', 16, 19)], [{ at: 21, html: '^' }], { mode: 'list' });
    expect(html).toBe('<li>• one <s1>two</s1></li>\n<li><s1+>• <s2>thr</s2>ee</s1>^</li>');
  });

  test('random overlapping ranges always give well-nested markup that keeps the text', () => {
    const text = 'The partner state transcends and includes the best of the welfare state.';
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 300; round++) {
      const ranges: MarkRange[] = [];
      const count = 1 + Math.floor(random() * 6);
      for (let i = 0; i < count; i++) {
        const start = Math.floor(random() * text.length);
        const end = start + 1 + Math.floor(random() * (text.length - start));
        ranges.push(random() < 0.3 ? atom(`a${i}`, start, end) : span(`${i}`, start, end));
      }
      const html = renderRanges(text, ranges, [{ at: Math.floor(random() * text.length), html: '' }]);
      expect(wellNested(html), html).toBe(true);
      expect(textOf(html)).toBe(text);
      // An atomic range is never split: each appears at most once.
      for (const r of ranges.filter((x) => x.atomic)) expect(html.split(`<b${r.key}>`).length).toBeLessThanOrEqual(2);
    }
  });
});
