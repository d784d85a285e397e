/**
 * What an EPUB must never contain, checked on every build before the book is written: characters
 * XML forbids, and XML that does not parse. An e-reader refuses a whole book over one ill-formed
 * file, so a bad book fails the build with a message saying what to fix, instead of being published.
 *
 * Well-formedness is checked by a real XML parser, saxes: a strict, non-validating XML 1.0 parser
 * (jsdom's), with one small dependency and its own types. It reports any well-formedness error
 * (unclosed or crossed tags, undefined entities such as `&nbsp;`, unbound namespace prefixes,
 * repeated attributes, forbidden characters) and never fetches anything.
 */
import { SaxesParser } from 'saxes';

/**
 * A character outside XML 1.0's Char production: NUL and the other C0 controls except tab, line
 * feed and carriage return; lone surrogates; U+FFFE and U+FFFF. (With the `u` flag a lone
 * surrogate is one code point of its own, so it matches too.)
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export interface ForbiddenCharacter {
  /** `U+0001` */
  codePoint: string;
  /** 1-based line and column in the text. */
  line: number;
  column: number;
  /** A few characters before it, so an editor can find the place. */
  after: string;
}

/** Every character of `text` that XML does not allow, in order. */
export function forbiddenXmlCharacters(text: string): ForbiddenCharacter[] {
  const found: ForbiddenCharacter[] = [];
  for (const match of text.matchAll(NOT_XML_CHAR)) {
    const before = text.slice(0, match.index);
    const lineStart = before.lastIndexOf('\n') + 1;
    found.push({
      codePoint: `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
      line: before.split('\n').length,
      column: match.index - lineStart + 1,
      after: before.slice(-30).replace(NOT_XML_CHAR, '\uFFFD').replace(/\s+/g, ' ').trimStart(),
    });
  }
  return found;
}

const describeCharacter = (c: ForbiddenCharacter) => `${c.codePoint}${c.after ? ` after “…${c.after}”` : ' at its start'}`;

/**
 * Problems with the strings a book is made from (the reading's text, notes, glossary,
 * bibliography, metadata), each named by where it sits in the book (`passage "x" text`), so an
 * editor finds the source file: such characters are invisible in most editors.
 */
export function forbiddenCharactersIn(parts: Iterable<[where: string, text: string]>): string[] {
  const problems: string[] = [];
  for (const [where, text] of parts) {
    const found = forbiddenXmlCharacters(text);
    if (found.length === 0) continue;
    const listed = found.slice(0, 3).map(describeCharacter).join('; ');
    problems.push(`${where}: ${found.length === 1 ? 'a character' : `${found.length} characters`} XML does not allow (${listed}${found.length > 3 ? '; …' : ''})`);
  }
  return problems;
}

/** The well-formedness errors of one XML document, as `line:column: message`; empty when it is well-formed. */
export function xmlWellFormednessErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('error', (error) => errors.push(error.message));
  try {
    parser.write(xml).close();
  } catch (error) {
    // saxes throws when it cannot go on at all; what it said before is kept.
    errors.push((error as Error).message);
  }
  for (const c of forbiddenXmlCharacters(xml)) errors.push(`${c.line}:${c.column}: character ${describeCharacter(c)} is not allowed in XML.`);
  return [...new Set(errors)];
}

/** Thrown instead of writing a book that an e-reader would refuse; lists every problem. */
export class EpubError extends Error {
  readonly problems: string[];
  constructor(title: string, problems: string[], fix: string) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`The EPUB of “${title}” was not written: ${count}.\n${problems.map((p) => `  ${p}`).join('\n')}\n  fix: ${fix}`);
    this.name = 'EpubError';
    this.problems = problems;
  }
}
