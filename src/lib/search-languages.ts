/**
 * Which search index a text's language goes into. Pagefind analyses each index with one language's
 * word splitting and stemming (its WebAssembly module, chosen when the index is written), so the
 * build writes one bundle per language: the site's language in `pagefind/` (glossary, sources,
 * notes and every passage in that language), each other language in `pagefind-<language>/`. The
 * search script runs one engine per bundle and merges their results (src/scripts/search-panel.ts).
 * Shared by the index step and the search script, so both name the bundles alike.
 */

/**
 * Languages Pagefind has no stemmer for, read with a related language's: Ancient Greek with the
 * (Modern) Greek one. Pagefind folds accents and breathings before stemming, so the stemmer sees
 * plain Greek letters; checked on the Iliad's proem, it finds ψυχή for ψυχαί, λόγος for λόγου and
 * ἀνδρῶν for ἄνδρες, which no stemming (Pagefind's fallback for `grc`) finds, and loses no exact
 * form (it also joins a few short words, Διὸς with διαστήτην).
 */
const STEMMED_AS: Readonly<Record<string, string>> = { grc: 'el' };

/** On <ar-search>, when the site has text in other languages: their bundles' languages, space-separated. */
export const SEARCH_LANGUAGES_ATTRIBUTE = 'data-search-languages';

/** The language part of a tag, lower case (`en` of `en-GB`), or undefined for none or a private/undetermined one. */
const primary = (tag: string | undefined) => {
  const subtag = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return subtag && /^[a-z]{2,3}$/.test(subtag) && subtag !== 'und' && subtag !== 'zxx' && subtag !== 'mul' ? subtag : undefined;
};

/**
 * The language whose index a text in `language` goes into: `site` itself (as given) for the site's
 * language, a text without a language or with one that names none; otherwise its primary subtag,
 * or the language Pagefind stems it as (`grc` → `el`).
 */
export function indexLanguageOf(language: string | undefined, site: string): string {
  const own = primary(language);
  if (!own) return site;
  const stemmed = STEMMED_AS[own] ?? own;
  return stemmed === (primary(site) ?? site) ? site : stemmed;
}

/** Folder of a language's bundle in the built site, after the base (`pagefind-el/`). */
export const languageBundleDir = (language: string) => `pagefind-${language}/`;

/** The other languages' bundles a page names in SEARCH_LANGUAGES_ATTRIBUTE. */
export const parseSearchLanguages = (value: string | null | undefined): string[] =>
  [...new Set((value ?? '').split(/\s+/).filter((l) => /^[a-z]{2,3}$/.test(l)))];
