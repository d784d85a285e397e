import { describe, expect, test } from 'vitest';
import { scanText, textProblems, type TextRules } from '../../src/lib/text-encoding.ts';

const SOURCE: TextRules = { allowBom: false, allowCarriageReturns: false };
const EDITOR: TextRules = { allowBom: true, allowCarriageReturns: true };
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('scanText: what is plain UTF-8 text', () => {
  test.each([
    ['ASCII', bytes('The partner state\n\nprotects the commons.\n')],
    ['tabs and newlines', bytes('a\tb\n')],
    ['two-, three- and four-byte characters', bytes('Naïve “quotes” — 𝔘 🙂\n')],
    ['the last code point, U+10FFFF', bytes([0xf4, 0x8f, 0xbf, 0xbf])],
    ['an empty file', bytes('')],
  ])('%s passes', (_name, text) => {
    expect(scanText(text, SOURCE)).toEqual([]);
  });

  test.each([
    ['a Latin-1 é', bytes('caf', [0xe9], ' au lait'), 3],
    ['a lone continuation byte', bytes('a', [0x80]), 1],
    ['an overlong "/" (C0 AF)', bytes([0xc0, 0xaf]), 0],
    ['an overlong three-byte form (E0 80 AF)', bytes([0xe0, 0x80, 0xaf]), 0],
    ['a UTF-16 surrogate (ED A0 80)', bytes('x', [0xed, 0xa0, 0x80]), 1],
    ['a code point past U+10FFFF (F4 90 80 80)', bytes([0xf4, 0x90, 0x80, 0x80]), 0],
    ['a sequence cut short at the end', bytes('ok', [0xe2, 0x80]), 2],
    ['F5, never valid', bytes([0xf5]), 0],
  ])('invalid UTF-8: %s, at its byte offset', (_name, text, offset) => {
    const [finding] = scanText(text, SOURCE);
    expect(finding).toMatchObject({ type: 'invalid-utf8', offset, byte: text[offset] });
  });

  test('invalid bytes: the first is located, the rest counted, lines counted by LF', () => {
    expect(scanText(bytes('one\ntwo\nth', [0xe9], 're', [0xe9], '\n'), SOURCE)).toEqual([
      { type: 'invalid-utf8', offset: 10, line: 3, byte: 0xe9, count: 2 },
    ]);
  });

  test.each([
    ['NUL', 0x00],
    ['ESC', 0x1b],
    ['vertical tab', 0x0b],
    ['form feed', 0x0c],
    ['DEL', 0x7f],
  ])('a C0 control or DEL (%s) is refused', (_name, code) => {
    expect(scanText(bytes('ab\n', [code], 'c'), SOURCE)).toEqual([{ type: 'control', offset: 3, line: 2, codePoint: code, count: 1 }]);
  });

  test.each([
    ['U+0085 (NEL, a C1 control)', [0xc2, 0x85], 0x85],
    ['U+FFFE, not a character', [0xef, 0xbf, 0xbe], 0xfffe],
    ['U+FFFF, not a character', [0xef, 0xbf, 0xbf], 0xffff],
  ])('%s is refused', (_name, encoded, codePoint) => {
    expect(scanText(bytes('x', encoded), SOURCE)).toEqual([{ type: 'control', offset: 1, line: 1, codePoint, count: 1 }]);
  });

  test('a byte order mark: refused in a source, tolerated in an editor file, and not counted as text', () => {
    const text = bytes([0xef, 0xbb, 0xbf], 'Title\n');
    expect(scanText(text, SOURCE)).toEqual([{ type: 'bom' }]);
    expect(scanText(text, EDITOR)).toEqual([]);
  });

  test('CR LF and lone CR: counted apart, located at the first, tolerated in editor files', () => {
    expect(scanText(bytes('a\r\nb\r\nc\n'), SOURCE)).toEqual([{ type: 'line-endings', offset: 1, line: 1, crlf: 2, cr: 0 }]);
    expect(scanText(bytes('a\nb\rc\r\nd'), SOURCE)).toEqual([{ type: 'line-endings', offset: 3, line: 2, crlf: 1, cr: 1 }]);
    expect(scanText(bytes('a\r\nb\rc'), EDITOR)).toEqual([]);
  });

  test('a lone CR ends a line for the lines of later findings', () => {
    expect(scanText(bytes('a\rb\r\0'), SOURCE)).toContainEqual({ type: 'control', offset: 4, line: 3, codePoint: 0, count: 1 });
  });

  test('each kind of defect is reported once, in a fixed order', () => {
    const text = bytes([0xef, 0xbb, 0xbf], 'a\r\n\0', [0xff], '\0', [0xfe]);
    expect(scanText(text, SOURCE).map((f) => f.type)).toEqual(['bom', 'invalid-utf8', 'control', 'line-endings']);
  });

  test('a control character inside a multi-byte sequence is not mistaken for one', () => {
    // "ő" is C5 91; 0x91 alone would be a C1 control if bytes were read as Latin-1.
    expect(scanText(bytes('Erdős\n'), SOURCE)).toEqual([]);
  });
});

describe('textProblems: messages with the offset, the line and the fix', () => {
  const file = 'src/content/readings/r/source.txt';
  test('NUL in a source, with the step that follows every fix', () => {
    expect(textProblems(bytes('a\nb\0c'), file, SOURCE, 'then check again')).toEqual([
      {
        kind: 'invalid-encoding',
        file,
        line: 2,
        message: 'byte 3 is U+0000 (NUL), a control character; text may contain tabs and line breaks but no other control characters.',
        fix: "delete it, or replace it with the character that was meant (`grep -naP '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]' source.txt` lists the lines with C0 controls); then check again.",
      },
    ]);
  });

  test('invalid UTF-8 names the byte and suggests a conversion of this file', () => {
    const [problem] = textProblems(bytes('caf', [0xe9], [0xe8]), 'annotations/r/note.mdx', EDITOR);
    expect(problem).toEqual({
      kind: 'invalid-encoding',
      file: 'annotations/r/note.mdx',
      line: 1,
      message: 'byte 3 (0xE9) is not valid UTF-8 (1 more invalid byte later in the file); the file is probably in another encoding, such as Windows-1252 or Latin-1.',
      fix: 'convert the file to UTF-8 (e.g. `iconv -f WINDOWS-1252 -t UTF-8 note.mdx > converted && mv converted note.mdx`) and check the accented letters and quotes it contains.',
    });
  });

  test('mixed line endings get both conversions, in the order that works', () => {
    const [problem] = textProblems(bytes('a\r\nb\rc'), file, SOURCE);
    expect(problem!.message).toBe(
      'byte 1 is a carriage return: the text has Windows line endings (CR LF) on 1 line and old Mac line endings (CR alone) on 1 line; lines must end with LF alone, as the passage map counts them.',
    );
    expect(problem!.fix).toBe(
      "convert the line endings to LF (`sed -i 's/\\r$//' source.txt`, then `tr '\\r' '\\n' < source.txt > converted && mv converted source.txt`, or choose \"LF\" in your editor).",
    );
  });

  test('C1 controls say where they usually come from', () => {
    expect(textProblems(bytes([0xc2, 0x93]), file, SOURCE)[0]!.message).toBe(
      'byte 0 is U+0093, a C1 control character (often left by text decoded as Latin-1); text may contain tabs and line breaks but no other control characters.',
    );
  });
});
