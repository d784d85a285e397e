/**
 * Turns the flat passage list into what the reader shows: sections, quotations grouped by voice,
 * reference lists, and a table of contents. Pure, so the page template stays a thin loop.
 */
import { READING_WORDS_PER_MINUTE, passageAnchor } from './constants.ts';
import type { PassageRole } from '../schemas/reading.ts';

/** The fields of a passage this module needs (a subset, so tests can pass plain objects). */
export interface StructuredPassage {
  id: string;
  role: PassageRole;
  level?: number | undefined;
  section: string;
  speaker?: string | undefined;
  text: string;
}

export type ReaderBlock<P extends StructuredPassage> =
  | { kind: 'passage'; passage: P }
  /** Consecutive quoted passages (quote or list): one quotation, captioned with its speakers. */
  | { kind: 'voice'; speakers: string[]; passages: P[] }
  /** Consecutive bibliography entries. */
  | { kind: 'references'; passages: P[] };

export interface ReaderSection<P extends StructuredPassage> {
  id: string;
  title: string;
  /** Whether the text itself opens the section with a heading passage. */
  hasHeading: boolean;
  blocks: ReaderBlock<P>[];
}

/**
 * A quotation is a quote, or a list that belongs to one: the list a quoted speaker goes on to give
 * (it has a speaker, or it follows a quotation). A document's own list, between its paragraphs, is
 * not a quotation.
 */
const isQuoted = (p: StructuredPassage, previous: ReaderBlock<StructuredPassage> | undefined) =>
  p.role === 'quote' || (p.role === 'list' && (p.speaker !== undefined || previous?.kind === 'voice'));

/**
 * Passages grouped by section, in text order: one pass over the passages, so a book of many
 * sections costs no more than one of a few (filtering per section costs sections × passages).
 */
export function passagesBySection<P extends { section: string }>(passages: readonly P[]): Map<string, P[]> {
  return Map.groupBy(passages, (passage) => passage.section);
}

export function buildSections<P extends StructuredPassage>(
  passages: readonly P[],
  sections: readonly { id: string; title: string }[],
): ReaderSection<P>[] {
  const bySection = passagesBySection(passages);
  return sections
    .map((section) => {
      const own = bySection.get(section.id) ?? [];
      const blocks: ReaderBlock<P>[] = [];
      for (const passage of own) {
        const last = blocks.at(-1);
        if (isQuoted(passage, last)) {
          if (last?.kind === 'voice') {
            last.passages.push(passage);
            if (passage.speaker && !last.speakers.includes(passage.speaker)) last.speakers.push(passage.speaker);
          } else blocks.push({ kind: 'voice', speakers: passage.speaker ? [passage.speaker] : [], passages: [passage] });
        } else if (passage.role === 'reference') {
          if (last?.kind === 'references') last.passages.push(passage);
          else blocks.push({ kind: 'references', passages: [passage] });
        } else blocks.push({ kind: 'passage', passage });
      }
      const first = own[0];
      return { id: section.id, title: section.title, hasHeading: first?.role === 'heading', blocks };
    })
    .filter((section) => section.blocks.length > 0);
}

export interface TocEntry {
  title: string;
  /** Fragment on the reader page, without '#'. */
  anchor: string;
  children: TocEntry[];
}

/** Sections, with the voices (level-3 headings) inside each. */
export function tableOfContents(
  passages: readonly StructuredPassage[],
  sections: readonly { id: string; title: string }[],
): TocEntry[] {
  const bySection = passagesBySection(passages);
  return sections.flatMap((section) => {
    const own = bySection.get(section.id) ?? [];
    if (own.length === 0) return [];
    const children = own
      .filter((p) => p.role === 'heading' && (p.level ?? 2) >= 3)
      .map((p) => ({ title: p.speaker ?? p.text, anchor: passageAnchor(p.id), children: [] }));
    return [{ title: section.title, anchor: passageAnchor(own[0]!.id), children }];
  });
}

/** Minutes to read so many words at an average pace, at least one. */
export function minutesFor(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / READING_WORDS_PER_MINUTE));
}
