/**
 * Which element of a reader page says which language. The site's words (passage numbers, notes,
 * speaker labels) are in the site's language, which `<html lang>` names; a passage's text element
 * names the text's language and direction when they differ. The reading body names the reading's
 * direction when it is not the site's, so the row of number, text and notes follows it (numbers on
 * the text's starting side, notes on its ending side).
 */
import { directionOf, languageAttributes, passageText, sameLanguage, SITE_DIRECTION, SITE_LANGUAGE, SITE_TEXT, type TextDirection } from './languages.ts';
import { DEFAULT_VERSE_LINE_NUMBERS, verseLineStarts } from './verse.ts';

export interface ReadingText {
  lang: string;
  dir: TextDirection;
  /** The first line number of each verse passage, numbered through the reading. */
  verseStarts: ReadonlyMap<string, number>;
  /** A number beside every n-th verse line. */
  verseEvery: number;
}

/** A reading's text language, direction and verse numbering, from its metadata and passages. */
export function readingText(reading: {
  language: string;
  direction?: TextDirection | undefined;
  verseLineNumbers?: number | undefined;
  passages: readonly { id: string; role: string; text: string }[];
}): ReadingText {
  return {
    lang: reading.language,
    dir: directionOf(reading.language, reading.direction),
    verseStarts: verseLineStarts(reading.passages),
    verseEvery: reading.verseLineNumbers ?? DEFAULT_VERSE_LINE_NUMBERS,
  };
}

/** The reading body's attributes: only a direction, and only when it is not the site's. */
export const readingBodyAttributes = (reading: ReadingText): { dir?: TextDirection } =>
  reading.dir === SITE_DIRECTION ? {} : { dir: reading.dir };

export interface PassageLanguage {
  /** The passage text's direction. */
  direction: TextDirection;
  /** `lang` and `dir` for the passage's text element, when they differ from what it inherits. */
  textAttributes: { lang?: string; dir?: TextDirection };
  /** `lang` for note markers' hidden words when the text is not in the site's language. */
  markerLang?: string | undefined;
  /** `lang` and `dir` for each note, which may be folded open inside the text. */
  noteAttributes: { lang?: string; dir?: TextDirection };
}

export function passageLanguage(passage: { lang?: string | undefined; dir?: TextDirection | undefined }, reading?: ReadingText): PassageLanguage {
  const text = passageText(passage, reading ?? SITE_TEXT);
  const inherited = { lang: SITE_LANGUAGE, dir: reading?.dir ?? SITE_DIRECTION };
  const foreign = !sameLanguage(text.lang, SITE_LANGUAGE);
  return {
    direction: text.dir,
    textAttributes: languageAttributes(text, inherited),
    markerLang: foreign ? SITE_LANGUAGE : undefined,
    noteAttributes: foreign || text.dir !== SITE_DIRECTION ? { lang: SITE_TEXT.lang, dir: SITE_TEXT.dir } : {},
  };
}
