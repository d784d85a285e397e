/**
 * Synthetic editions for the build benchmark, in exactly the format real ones use (the
 * editorial format in the README): a verbatim source.txt of blank-line-separated blocks with its
 * sha256, a reading.yaml passage map with sections, headings, quotations by several speakers,
 * lists, attributions and references; notes anchored to phrases that occur once in their
 * passage; glossary terms with aliases that the text uses; and a CSL bibliography that notes and
 * terms cite. Deterministic: the same size and seed give the same files.
 *
 * The words come from the real reading's source, so word lengths and frequencies are those of
 * real prose; term headwords are invented words, so each one is matched where it is planted.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

export interface EditionSize {
  passages: number;
  /** Editorial notes per passage (the seed edition has about four; a book far fewer). */
  notesPerPassage?: number;
  /** Passages per glossary term (at least 40 terms). */
  passagesPerTerm?: number;
  /** Passages per bibliography entry (at least 20 entries). */
  passagesPerSource?: number;
  seed?: number;
  /** Readings the passages are shared among (a library); one book when left out. */
  readings?: number;
}

export interface GeneratedEdition {
  readingIds: string[];
  passages: number;
  notes: number;
  terms: number;
  sources: number;
  /** Words certainly in the index, for search queries (a term headword, a common word). */
  queries: string[];
}

/** A small deterministic random source (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

const SYLLABLES = ['ka', 'lo', 'mer', 'tan', 'vi', 'sor', 'del', 'nu', 'pra', 'gen', 'tho', 'ril', 'bas', 'quen', 'dor', 'fel', 'mia', 'zun'];

/** Real words from the project's seed reading, lower-case, three letters or more. */
function vocabulary(projectRoot: string): string[] {
  const source = readFileSync(path.join(projectRoot, 'src/content/readings/partner-state/source.txt'), 'utf8');
  return (source.toLowerCase().match(/\b[a-z]{3,}\b/g) ?? []).filter((w) => w !== 'http' && w !== 'https');
}

/**
 * Writes synthetic readings (`src/content/readings/<id>/`: one book, or a library of
 * `size.readings` sharing the passages equally) and their notes, and one glossary and
 * bibliography (`annotations/`) under `root`, which must hold no other edition content.
 */
export function generateEdition(root: string, projectRoot: string, size: EditionSize): GeneratedEdition {
  const rng = random(size.seed ?? 7);
  const words = vocabulary(projectRoot);
  const readingCount = Math.max(1, size.readings ?? 1);
  const sentence = (min: number, max: number, extra: string[] = []) => {
    const chosen = Array.from({ length: rng.int(min, max) }, () => rng.pick(words));
    for (const word of extra) chosen.splice(rng.int(1, chosen.length - 1), 0, word);
    const text = chosen.join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };

  // Bibliography.
  const sourceCount = Math.max(20, Math.round(size.passages / (size.passagesPerSource ?? 100)));
  const families = ['Ostrom', 'Bauwens', 'Kostakis', 'Helfrich', 'Kleiner', 'Fattori', 'Benkler', 'Bollier', 'Smith', 'Ronfeldt'];
  const sources = Array.from({ length: sourceCount }, (_, i) => ({
    id: `source-${i + 1}`,
    type: i % 3 === 0 ? 'article-journal' : 'book',
    author: [{ family: rng.pick(families), given: rng.pick(['Anna', 'Michel', 'Silke', 'Vasilis', 'Elinor', 'David']) }],
    title: sentence(4, 9).slice(0, -1),
    ...(i % 3 === 0 ? { 'container-title': 'Journal of Peer Production', volume: String(rng.int(1, 20)), page: `${rng.int(1, 90)}-${rng.int(91, 180)}` } : { publisher: 'Commons Press' }),
    issued: { 'date-parts': [[rng.int(1990, 2024)]] },
    URL: `https://example.org/works/${i + 1}`,
  }));

  // Glossary: invented headwords (each with a plural alias) that passages will use.
  const termCount = Math.max(40, Math.round(size.passages / (size.passagesPerTerm ?? 50)));
  const terms = Array.from({ length: termCount }, (_, i) => {
    const word = `${SYLLABLES[i % SYLLABLES.length]}${SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length]}${SYLLABLES[Math.floor(i / SYLLABLES.length ** 2) % SYLLABLES.length]}x`;
    return { id: `term-${i + 1}`, word, alias: `${word}es` };
  });

  const readingIds: string[] = [];
  let passages = 0;
  let notes = 0;
  for (let readingIndex = 0; readingIndex < readingCount; readingIndex++) {
    const readingId = readingCount === 1 ? 'synthetic-book' : `synthetic-book-${readingIndex + 1}`;
    const passageCount = Math.round(size.passages / readingCount);
    // The source text and passage map: chapters (level 2 headings), voices (level 3), quotations
    // with speakers, paragraphs, lists, attributions, and a references section at the end.
    const speakers = ['Elinor Ostrom', 'Michel Bauwens', 'Silke Helfrich', 'Dmytri Kleiner', 'Tommaso Fattori'];
    const blocks: string[] = [];
    const map: Record<string, unknown>[] = [];
    const sections: { id: string; title: string }[] = [];
    const plain: { id: string; text: string }[] = [];
    let line = 1;
    const add = (entry: Record<string, unknown>, text: string) => {
      const lines = text.split('\n').length;
      map.push({ ...entry, lines: lines === 1 ? line : `${line}-${line + lines - 1}` });
      blocks.push(text);
      line += lines + 1;
    };
    let chapter = 0;
    let n = 0;
    while (n < passageCount) {
      if (n % 40 === 0 && passageCount - n > 2) {
        chapter++;
        const section = `chapter-${chapter}`;
        sections.push({ id: section, title: `Chapter ${chapter}` });
        add({ id: `${section}-heading`, role: 'heading', level: 2, section }, `Chapter ${chapter}: ${sentence(2, 5).slice(0, -1)}`);
        n++;
        continue;
      }
      const section = `chapter-${chapter}`;
      const id = `c${chapter}-p${n + 1}`;
      const kind = n % 40;
      const mentions = [rng.pick(terms), rng.pick(terms)].map((t, i) => (i === 1 && rng.next() < 0.3 ? t.alias : t.word));
      if (kind === 20 && passageCount - n > 3) {
        const speaker = rng.pick(speakers);
        add({ id: `${id}-voice`, role: 'heading', level: 3, section, speaker }, `${speaker} on ${rng.pick(words)}`);
        add({ id: `${id}-quote`, role: 'quote', section, speaker }, `"${sentence(30, 60, mentions)} ${sentence(20, 40)}"`);
        add({ id: `${id}-source`, role: 'attribution', section, speaker }, `(${rng.pick(['letter', 'interview', 'email'])}, ${rng.int(1990, 2024)})`);
        plain.push({ id: `${id}-quote`, text: blocks[blocks.length - 2]! });
        n += 3;
      } else if (kind === 30) {
        const items = Array.from({ length: 3 }, () => `  • ${sentence(8, 16, [rng.pick(terms).word])}`);
        add({ id, role: 'list', section }, items.join('\n'));
        n++;
      } else {
        add({ id, role: 'paragraph', section }, `${sentence(25, 55, mentions)} ${sentence(15, 35)} ${sentence(10, 25)}`);
        plain.push({ id, text: blocks[blocks.length - 1]! });
        n++;
      }
    }
    const source = `${blocks.join('\n\n')}\n`;

    const readingDir = path.join(root, 'src/content/readings', readingId);
    mkdirSync(readingDir, { recursive: true });
    writeFileSync(path.join(readingDir, 'source.txt'), source);
    const meta = {
      title: readingCount === 1 ? 'A Synthetic Book' : `A Synthetic Book ${readingIndex + 1}`,
      subtitle: 'Generated for the build benchmark',
      description: `A generated reading of ${map.length} passages in the shape of a real edition, for measuring the build.`,
      attribution: 'Generated text',
      origin: { url: `https://example.org/${readingId}`, title: readingCount === 1 ? 'A Synthetic Book' : `A Synthetic Book ${readingIndex + 1}`, site: 'Benchmark' },
      licence: { name: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
      language: 'en',
      order: readingIndex + 1,
      sha256: createHash('sha256').update(source).digest('hex'),
      sections,
      passages: map,
    };
    writeFileSync(path.join(readingDir, 'reading.yaml'), stringify(meta, { lineWidth: 0, flowCollectionPadding: true }));

    // Notes on phrases that occur exactly once in their passage.
    const notesDir = path.join(root, 'annotations', readingId);
    mkdirSync(notesDir, { recursive: true });
    const noteCount = Math.round(map.length * (size.notesPerPassage ?? 0.5));
    for (let i = 0, written = 0; written < noteCount && i < noteCount * 4; i++) {
      const passage = plain[(i * 7919) % plain.length]!;
      const tokens = passage.text.split(' ');
      const start = rng.int(0, Math.max(0, tokens.length - 3));
      const exact = tokens.slice(start, start + rng.int(1, 3)).join(' ').replace(/^["]+|[".,]+$/g, '');
      const at = passage.text.indexOf(exact);
      if (exact.length < 3 || at === -1 || at !== passage.text.lastIndexOf(exact)) continue;
      const term = rng.pick(terms);
      const cited = rng.pick(sources);
      const kind = rng.pick(['context', 'gloss', 'cross-reference', 'question'] as const);
      const target = rng.pick(plain).id;
      notes++;
      written++;
      writeFileSync(
        path.join(notesDir, `note-${written}.mdx`),
        `---\n${stringify({ passage: passage.id, exact, kind, sources: [cited.id], terms: [term.id] }, { lineWidth: 0 })}---\n` +
          `${sentence(12, 30)} See <Term id="${term.id}">${term.word}</Term> and <PassageRef id="${target}" /> <Cite id="${cited.id}" locator="p. ${rng.int(1, 300)}" />. ${sentence(8, 20)}\n`,
      );
    }
    readingIds.push(readingId);
    passages += map.length;
  }

  const glossaryDir = path.join(root, 'annotations/glossary');
  mkdirSync(glossaryDir, { recursive: true });
  terms.forEach((term, i) => {
    const related = [terms[(i + 1) % terms.length]!.id, terms[(i + 7) % terms.length]!.id].filter((id) => id !== term.id);
    const cited = sources[i % sources.length]!;
    writeFileSync(
      path.join(glossaryDir, `${term.id}.mdx`),
      `---\n${stringify({ term: term.word, kind: 'concept', aliases: [term.alias], short: sentence(10, 18), related, sources: [cited.id] }, { lineWidth: 0 })}---\n` +
        `${sentence(15, 30)} <Cite id="${cited.id}" /> ${sentence(10, 25)} Compare <Term id="${related[0]}" />.\n`,
    );
  });
  writeFileSync(path.join(root, 'annotations/sources.yaml'), stringify(sources, { lineWidth: 0 }));

  return { readingIds, passages, notes, terms: terms.length, sources: sources.length, queries: [terms[0]!.word, 'commons'] };
}
