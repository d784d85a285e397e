/**
 * File and folder names that become ids. A reading's folder name is its id and a note's or term's
 * file name is its id; ids go into URLs, HTML ids and readers' stored notes (whose schema accepts
 * only SLUG_PATTERN), so a name the loader accepted but the browser refuses would lose readers'
 * highlights. A look-alike letter from another script ("а", U+0430) passes every eye and fails
 * every link, so the message names the character, its code point and the letter it imitates.
 */
import { SLUG_PATTERN } from './ids.ts';

/** Letters of other scripts that look like Latin ones, lower-cased target (the common cases of Unicode's confusables). */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', ё: 'e', ї: 'i',
  А: 'a', В: 'b', Е: 'e', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p', С: 'c', Т: 't', Х: 'x', У: 'y',
  І: 'i', Ј: 'j', Ѕ: 's',
  // Greek
  α: 'a', ο: 'o', ρ: 'p', ι: 'i', κ: 'k', ν: 'v', υ: 'u', χ: 'x',
  Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't', Υ: 'y', Χ: 'x',
  // Armenian, and Latin letters outside a-z
  օ: 'o', ս: 'u', ո: 'n', ı: 'i',
};

const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Hebrew', 'Arabic', 'Han', 'Hiragana', 'Katakana', 'Hangul'] as const;
const scriptOf = (char: string) => SCRIPTS.find((script) => new RegExp(`\\p{Script=${script}}`, 'u').test(char));

/** A valid id close to `name`: look-alikes replaced by their Latin letter, accents dropped, anything else a hyphen. */
export function suggestSlug(name: string): string {
  return [...name]
    .map((char) => LOOK_ALIKES[char] ?? char)
    .join('')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const ordinal = (n: number) => {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/** What is wrong with the first character outside ASCII, named so that an editor can find it. */
function describeForeignCharacter(name: string): string | undefined {
  const chars = [...name];
  const index = chars.findIndex((char) => char.codePointAt(0)! > 0x7f);
  if (index < 0) return undefined;
  const char = chars[index]!;
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  if (/[\p{Cf}\p{Z}\p{Cc}]/u.test(char)) return `its ${ordinal(index + 1)} character is ${code}, which is invisible`;
  const script = scriptOf(char);
  const shown = `"${char}" is ${code}${script ? ` (${script})` : ''}`;
  const latin = LOOK_ALIKES[char];
  return latin
    ? `its ${ordinal(index + 1)} character ${shown}, which looks like the Latin "${latin}" but is not`
    : `its ${ordinal(index + 1)} character ${shown}, which ids cannot contain`;
}

export type IdOwner = 'note' | 'term' | 'reading' | 'page' | 'layer';

/**
 * Why `name` is not a valid id, and how to rename it; undefined when it is one. `extension` is
 * what follows the id in the file name (".mdx"; "" for a reading's folder).
 */
export function idNameProblem(name: string, owner: IdOwner, extension: string): { message: string; fix: string } | undefined {
  if (SLUG_PATTERN.test(name)) return undefined;
  const thing = owner === 'reading' || owner === 'layer' ? 'folder' : 'file';
  const suggestion = suggestSlug(name);
  const target = suggestion ? `"${suggestion}${extension}"` : `a valid id${extension ? ` followed by ${extension}` : ''}`;
  const foreign = describeForeignCharacter(name);
  if (foreign) {
    return {
      message: `"${name}" is not a valid ${owner} id: ${foreign}.`,
      fix: `rename the ${thing} to ${target}, typed in plain Latin letters: lower-case a-z, digits and single hyphens.`,
    };
  }
  return {
    message: `"${name}" is not a valid ${owner} id (the ${thing} name is the id).`,
    fix: `rename the ${thing} to ${target}: lower-case letters, digits and single hyphens.`,
  };
}
