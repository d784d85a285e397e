/**
 * Languages and writing directions. The site's own words (menus, notes, buttons) are in the site's
 * language; a reading's words are in the reading's. The two never share an element: `<html lang>`
 * names the site's language so a screen reader announces the chrome and the notes in its voice, and
 * only the elements that hold the text name the text's language.
 */

/** The language of the site's own words: menus, notes, glossary, help. */
export const SITE_LANGUAGE = 'en';
export const SITE_DIRECTION: TextDirection = 'ltr';

export type TextDirection = 'ltr' | 'rtl';

/**
 * Languages written right to left (primary subtags). A script subtag overrides the language
 * (`az-Arab` is right to left, `ku-Latn` left to right), so it is read first.
 */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ji', 'ks', 'ku', 'mzn', 'nqo', 'pnb', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
const RTL_SCRIPTS = new Set(['adlm', 'arab', 'hebr', 'mand', 'nkoo', 'rohg', 'samr', 'syrc', 'thaa']);

/** The direction a language tag implies: `ar`, `he-IL`, `az-Arab` → rtl; `en`, `grc`, `ku-Latn` → ltr. */
export function impliedDirection(tag: string): TextDirection {
  const [language = '', ...rest] = tag.toLowerCase().split('-');
  const script = rest.find((part) => part.length === 4);
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/** A stated direction wins; otherwise the language's. */
export const directionOf = (lang: string, stated?: TextDirection | undefined): TextDirection => stated ?? impliedDirection(lang);

/** The same language, ignoring case (`en-GB` and `en-gb` are one tag). */
export const sameLanguage = (a: string | undefined, b: string | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

export interface TextLanguage {
  lang: string;
  dir: TextDirection;
}

/**
 * The attributes an element needs to say its language and direction inside a context that has
 * `outer`: only what differs, so a passage in the reading's language carries nothing, and a reading
 * in the site's language renders exactly as before.
 */
export function languageAttributes(own: TextLanguage, outer: TextLanguage): { lang?: string; dir?: TextDirection } {
  const attributes: { lang?: string; dir?: TextDirection } = {};
  if (!sameLanguage(own.lang, outer.lang)) attributes.lang = own.lang;
  if (own.dir !== outer.dir) attributes.dir = own.dir;
  return attributes;
}

export const SITE_TEXT: TextLanguage = { lang: SITE_LANGUAGE, dir: SITE_DIRECTION };

/**
 * A passage's language and direction inside a reading's text: its own language if it names one,
 * and then that language's direction unless it states another; else the reading's.
 */
export const passageText = (passage: { lang?: string | undefined; dir?: TextDirection | undefined }, reading: TextLanguage): TextLanguage => ({
  lang: passage.lang ?? reading.lang,
  dir: passage.dir ?? (passage.lang !== undefined ? directionOf(passage.lang) : reading.dir),
});
