/**
 * Names shared by the server-rendered HTML and the scripts that enhance it. Change a name here and
 * both sides follow; never spell one of these out in a template or a script.
 */
export const PASSAGE_ANCHOR_PREFIX = 'p-';
export const NOTE_ANCHOR_PREFIX = 'note-';

/** Element id of a passage: the permalink fragment readers cite. */
export const passageAnchor = (passageId: string) => `${PASSAGE_ANCHOR_PREFIX}${passageId}`;
/** Element id of an editorial note. */
export const noteAnchor = (noteId: string) => `${NOTE_ANCHOR_PREFIX}${noteId}`;

export const DATA = {
  passage: 'data-passage',
  passageNumber: 'data-passage-number',
  role: 'data-role',
  speaker: 'data-speaker',
} as const;

/** Average silent-reading speed used for the reading-time estimate (words per minute). */
export const READING_WORDS_PER_MINUTE = 230;
