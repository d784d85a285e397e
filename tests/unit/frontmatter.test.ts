import { describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';

describe('splitFrontmatter keeps file lines', () => {
  test.each([
    ['fields then body', '---\na: 1\nb: 2\n---\nBody\nline2\n', 'a: 1\nb: 2', 'Body\nline2\n', 5],
    ['empty frontmatter', '---\n---\nB', '', 'B', 3],
    ['no body', '---\na: 1\n---', 'a: 1', '', 4],
    ['CRLF', '---\r\na: 1\r\n---\r\nBody', 'a: 1', 'Body', 4],
    ['byte order mark', '\uFEFF---\na: 1\n---\nBody', 'a: 1', 'Body', 4],
    ['a rule inside the body stays in the body', '---\na: 1\n---\nx\n\n---\n\ny', 'a: 1', 'x\n\n---\n\ny', 4],
  ])('%s', (_name, text, frontmatter, body, bodyLine) => {
    expect(splitFrontmatter(text)).toEqual({ frontmatter, frontmatterLine: 2, body, bodyLine });
  });

  test('no frontmatter: the whole file is the body', () => {
    expect(splitFrontmatter('Just text\n---\n')).toEqual({ frontmatter: undefined, frontmatterLine: 1, body: 'Just text\n---\n', bodyLine: 1 });
  });
});
