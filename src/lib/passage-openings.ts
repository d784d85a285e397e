/**
 * The first words of the passages that have the reader's notes, kept beside the notes in the
 * browser, so that My notes can show them for a passage on another section page of a long reading
 * (whose text is not in the page). Seen on the page that holds the passage, they are a cache: not
 * part of the notes, so not exported or imported, and dropped with the passage's last note.
 */

/** The most characters of a passage's text that My notes shows beside its number. */
export const OPENING_LENGTH = 60;

/** localStorage key of one reading's openings (not `ar-notes…`, which means the reader keeps notes). */
export const openingsStorageKey = (readingId: string) => `ar-note-openings:${readingId}`;

/** A passage's opening: its first words, whitespace collapsed, cut at OPENING_LENGTH characters. */
export const passageOpening = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, OPENING_LENGTH);

/** What stored openings parse to: only string values of at most OPENING_LENGTH characters count. */
export function parseOpenings(raw: string | null): Map<string, string> {
  const openings = new Map<string, string>();
  let value: unknown;
  try {
    value = raw === null ? undefined : JSON.parse(raw);
  } catch {
    return openings;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return openings;
  for (const [passage, opening] of Object.entries(value)) {
    if (typeof opening === 'string' && opening.length > 0 && opening.length <= OPENING_LENGTH) openings.set(passage, opening);
  }
  return openings;
}

/**
 * The openings to keep: those seen on this page win over stored ones, and only passages that
 * still have notes keep theirs. `changed` says whether they differ from what was stored.
 */
export function keptOpenings(stored: ReadonlyMap<string, string>, seen: ReadonlyMap<string, string>, withNotes: ReadonlySet<string>): { openings: Map<string, string>; changed: boolean } {
  const openings = new Map<string, string>();
  for (const passage of withNotes) {
    const opening = seen.get(passage) ?? stored.get(passage);
    if (opening) openings.set(passage, opening);
  }
  const changed = openings.size !== stored.size || [...openings].some(([passage, opening]) => stored.get(passage) !== opening);
  return { openings, changed };
}
