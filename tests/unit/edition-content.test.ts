/**
 * The edition of "The Partner State" as shipped: counts and coverage computed over the real content
 * in annotations/ and src/content/readings/partner-state/, through the same loader `npm run check`
 * and the build use. These tests fail when a note, term or source is removed or breaks, not when
 * wording changes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Edition, EditionNote, EditionReading } from '../../src/lib/edition.ts';
import { asReadingId } from '../../src/lib/ids.ts';
import { NOTE_KINDS } from '../../src/schemas/annotation.ts';
import { checkEditionFiles, type EditionCheck } from '../../src/loaders/edition-files.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const READING = asReadingId('partner-state');

let check: EditionCheck;
let edition: Edition;
let reading: EditionReading;
/** Section id of each passage, from the reading's passage map. */
let sectionOf: Map<string, string>;

beforeAll(async () => {
  check = await checkEditionFiles(ROOT);
  edition = check.edition;
  reading = edition.readingById.get(READING)!;
  const loaded = check.readings.find((r) => r.id === READING)!;
  sectionOf = new Map(loaded.segmentation.passages.map((p) => [p.id as string, p.section]));
});

const allNotes = () => [...reading.notes, ...reading.apparatus, ...reading.questions];

describe('the edition loads cleanly', () => {
  test('no content problems (unknown references, unanchored phrases, schema errors)', () => {
    expect(check.problems.map((p) => `${p.file}:${p.line ?? ''} ${p.message}`)).toEqual([]);
  });

  test('the reading exists and has its 23 passages', () => {
    expect(reading).toBeDefined();
    expect(reading.passages).toHaveLength(23);
  });
});

describe('annotations', () => {
  test('every passage has at least one note', () => {
    const without = reading.passages.filter((p) => !(reading.notesByPassage.get(p.id as never)?.length));
    expect(without.map((p) => p.id)).toEqual([]);
  });

  test('at least 45 notes', () => {
    expect(allNotes().length).toBeGreaterThanOrEqual(45);
  });

  test.each(NOTE_KINDS.map((kind) => [kind]))('kind "%s" is used', (kind) => {
    expect(allNotes().filter((n) => n.kind === kind).length).toBeGreaterThan(0);
  });

  test('most notes are anchored to a phrase, not to a whole passage', () => {
    const anchored = reading.notes.filter((n) => n.range !== undefined).length;
    expect(anchored / reading.notes.length).toBeGreaterThan(0.75);
  });

  test('every note cites at least one source, except discussion questions', () => {
    const uncited = allNotes().filter((n) => n.kind !== 'question' && n.sources.length === 0);
    expect(uncited.map((n) => n.id)).toEqual([]);
  });

  test('every source and term a note names resolves', () => {
    const unknown = allNotes().flatMap((n) => [
      ...n.sources.filter((s) => !edition.sourceById.has(s)).map((s) => `${n.id}: source ${s}`),
      ...n.terms.filter((t) => !edition.termById.has(t)).map((t) => `${n.id}: term ${t}`),
    ]);
    expect(unknown).toEqual([]);
  });

  test('cross-references point at other passages', () => {
    const crossRefs = reading.notes.filter((n) => n.kind === 'cross-reference');
    expect(crossRefs.length).toBeGreaterThanOrEqual(5);
    for (const note of crossRefs) expect(note.passageRefs.some((ref) => ref.passage !== note.passage), note.id).toBe(true);
  });
});

describe('discussion questions', () => {
  const questionsIn = (section: string) =>
    reading.notes.filter((n: EditionNote) => n.kind === 'question' && n.passage && sectionOf.get(n.passage) === section);

  test.each([['definition'], ['opinions'], ['resources']])('section "%s" has at least two questions', (section) => {
    expect(questionsIn(section).length).toBeGreaterThanOrEqual(2);
  });

  test('at least three reading-wide questions', () => {
    expect(reading.questions.filter((q) => q.scope === 'reading' && q.kind === 'question').length).toBeGreaterThanOrEqual(3);
  });
});

describe('glossary', () => {
  test('at least 30 concept entries', () => {
    expect(edition.terms.filter((t) => t.kind === 'concept').length).toBeGreaterThanOrEqual(30);
  });

  test('every entry has a one-sentence short definition, a cited body and at least one source', () => {
    const faulty = edition.terms.flatMap((t) => {
      const sentences = t.short.replace(/\b[A-Z]\./g, '').match(/[.!?](\s|$)/g) ?? [];
      return [
        ...(sentences.length === 1 ? [] : [`${t.id}: short has ${sentences.length} sentences`]),
        ...(t.sources.length ? [] : [`${t.id}: no source`]),
        ...(t.body.includes('<Cite') ? [] : [`${t.id}: body cites nothing`]),
        ...t.sources.filter((s) => !edition.sourceById.has(s)).map((s) => `${t.id}: unknown source ${s}`),
        ...t.related.filter((r) => !edition.termById.has(r)).map((r) => `${t.id}: unknown related ${r}`),
      ];
    });
    expect(faulty).toEqual([]);
  });

  // Everyone and everything the article names, plus the people the notes introduce; people sort by family name.
  test.each([
    ['michel-bauwens', 'person', 'Bauwens'],
    ['vasilis-kostakis', 'person', 'Kostakis'],
    ['tommaso-fattori', 'person', 'Fattori'],
    ['silke-helfrich', 'person', 'Helfrich'],
    ['dmytri-kleiner', 'person', 'Kleiner'],
    ['kmo', 'person', 'KMO'],
    ['r-c-smith', 'person', 'Smith'],
    ['john-wisniewski', 'person', 'Wisniewski'],
    ['david-ronfeldt', 'person', 'Ronfeldt'],
    ['cosma-orsi', 'person', 'Orsi'],
    ['elinor-ostrom', 'person', 'Ostrom'],
    ['yochai-benkler', 'person', 'Benkler'],
    ['george-dafermos', 'person', 'Dafermos'],
    ['david-cameron', 'person', 'Cameron'],
    ['philip-bobbitt', 'person', 'Bobbitt'],
    ['phillip-blond', 'person', 'Blond'],
    ['c-realm-podcast', 'work', 'C-Realm'],
    ['heathwood-institute', 'organisation', 'Heathwood'],
    ['p2p-foundation', 'organisation', 'P2P'],
    ['commons-transition-wiki', 'work', 'Commons'],
    ['guerrilla-translation', 'organisation', 'Guerrilla'],
    ['telekommunisten', 'organisation', 'Telekommunisten'],
    ['conservative-party', 'organisation', 'Conservative'],
    ['flok-society', 'organisation', 'FLOK'],
  ])('entry %s (%s) exists and sorts under "%s"', (id, kind, sortPrefix) => {
    const term = edition.termById.get(id as never);
    expect(term?.kind).toBe(kind);
    expect(term?.sortKey.startsWith(sortPrefix)).toBe(true);
  });

  test('the text marks the people it names', () => {
    const marked = new Set([...reading.termsByPassage.values()].flat().map((o) => o.termId as string));
    for (const id of ['michel-bauwens', 'vasilis-kostakis', 'tommaso-fattori', 'silke-helfrich', 'dmytri-kleiner', 'kmo', 'r-c-smith', 'john-wisniewski', 'david-ronfeldt']) {
      expect(marked.has(id), id).toBe(true);
    }
  });
});

describe('bibliography', () => {
  test('at least 20 entries', () => {
    expect(edition.sources.length).toBeGreaterThanOrEqual(20);
  });

  test('every entry has a title and a date (or an explicit "n.d.")', () => {
    const faulty = edition.sources.filter((s) => !s.item.title || !s.item.issued).map((s) => s.id);
    expect(faulty).toEqual([]);
  });

  test('the book is cited in its published author order', () => {
    const book = edition.sourceById.get('kostakis-bauwens-2014' as never)?.item;
    expect(book?.author?.map((a) => a.family)).toEqual(['Kostakis', 'Bauwens']);
    expect(book?.DOI).toBe('10.1057/9781137406897');
  });

  test('every source is used by a note or a glossary entry', () => {
    const unused = [...edition.sourceUsage].filter(([, u]) => !u.notes.length && !u.terms.length).map(([id]) => id);
    expect(unused).toEqual([]);
  });
});

/**
 * The textual defects of the source (fact sheet, section E): each must have an editorial note on
 * its passage, anchored to the phrase (or to the whole passage where the defect is the passage).
 */
const DEFECTS: [defect: string, passage: string, exact: string | null][] = [
  ['"i.e. sustains" lacks a subject and a full stop', 'partner-state-definition', 'i.e. sustains and promotes commons-based peer production'],
  ['"Partner State" / "partner state" capitalisation varies', 'partner-state-definition', 'The Partner State'],
  ['authors reversed on line 4', 'bauwens-kostakis-psa', 'Bauwens and Kostakis write:'],
  ['no page reference; variant closing sentence', 'bauwens-kostakis-psa', 'autonomous civil-society projects."'],
  ['mixed straight and typographic quotation marks', 'bauwens-kostakis-psa', '“partner state”'],
  ['unspaced Fattori:"The, heading merged with attribution', 'fattori-heading', 'Fattori:"The'],
  ['outer quotation never closed', 'fattori-welfare-state', 'it was its opposite.”'],
  ['"big society" in lower case', 'fattori-welfare-state', '“big society”'],
  ['nested quotation, sources not located', 'fattori-welfare-state', 'Bauwens points out that'],
  ['"at least fourfold" omitted', 'helfrich-role-of-state', 'For me the role of the state is not only'],
  ['sentence runs across a blank line into the list', 'helfrich-role-of-state', 'construction of new commons by'],
  ['"complex" vs "complexe"', 'helfrich-three-roles', 'complex resource systems'],
  ['"chartas"', 'helfrich-three-roles', 'chartas'],
  ['"survey of rules"', 'helfrich-three-roles', 'survey of rules'],
  ['"kicking of"', 'helfrich-three-roles', 'kicking of'],
  ['email without recipient or link', 'helfrich-email-source', '(email, September 2009)'],
  ['"KMO, of the C-Realm Podcast"', 'kleiner-interview-source', 'KMO, of the C-Realm Podcast'],
  ['question and answer without speaker labels', 'kmo-question', 'Is there any point'],
  ['"film, television, and movies"', 'kleiner-public-funding', 'film, television, and movies'],
  ['source line runs on without date or URL', 'kleiner-public-funding', 'Source:'],
  ['"conversationn"', 'kleiner-public-funding', 'conversationn'],
  ['"RC Smith"', 'smith-heading', 'RC Smith'],
  ['interview with Wisniewski not located', 'smith-interview-source', 'From an interview with John Wisniewski'],
  ['Smith not in quotation marks', 'smith-critical-theory', 'Someone asked me the other day'],
  ['"the above question" not reproduced', 'smith-critical-theory', 'in light of the above question'],
  ['"Heathwood studies" unexplained', 'smith-critical-theory', 'Heathwood studies'],
  ['"non-state like state" hyphenation', 'smith-critical-theory', 'non-state like state'],
  ['unclear "caricature" sentence', 'smith-critical-theory', 'within such little space and provide a very general caricature'],
  ['one paragraph of 1,939 characters', 'smith-critical-theory', null],
  ['"anarcho-libertarian capitalism"', 'smith-anarchist-tradition', 'anarcho-libertarian capitalism'],
  ['truncated ending with a lone "("', 'smith-anarchist-tradition', 'worth some reflection. ('],
  ['book item ends with ":" (lost link)', 'network-society-reference', 'approach):'],
  ['authors reversed on line 44', 'network-society-reference', "M. Bauwens & V. Kostakis' 2014 book"],
  ['"last chapter of Part Three" unverified', 'network-society-reference', 'The last chapter of Part Three'],
  ['"Ronfeld"', 'ronfeldt-heading', 'Ronfeld'],
  ['"(part 1 of 3)" vs "(part 1 of 2)"; no date or URL', 'ronfeldt-timn-reference', '(part 1 of 3)'],
  ['two one-item numbered lists', 'ronfeldt-timn-reference', '1.'],
  ['no final line break', 'ronfeldt-timn-reference', null],
];

/** The defects that are purely typographic, and so listed in the textual apparatus rather than the margin. */
const TYPOGRAPHIC = [
  'definition-capitalisation', 'fattori-big-society-case', 'fattori-unclosed-quotation', 'helfrich-complex-spelling',
  'helfrich-kicking-of', 'helfrich-sentence-layout', 'kleiner-conversationn', 'psa-quotation-marks',
  'ronfeldt-no-final-newline', 'ronfeldt-one-item-lists', 'ronfeldt-spelling', 'smith-name-form',
  'smith-no-quotation-marks', 'smith-stray-parenthesis',
];

describe('an editorial or apparatus note for every known defect of the source', () => {
  const defectNotes = () => [...reading.notes, ...reading.apparatus];
  test.each(DEFECTS)('%s', (_defect, passage, exact) => {
    const notes = defectNotes().filter((n) => (n.kind === 'editorial' || n.kind === 'apparatus') && n.passage === passage && (n.exact ?? null) === exact);
    expect(notes).toHaveLength(1);
    const [note] = notes;
    // Each gives its evidence: a source in frontmatter or body.
    expect(note!.sources.length).toBeGreaterThan(0);
    if (exact !== null) {
      const text = reading.passages.find((p) => p.id === passage)!.text;
      expect(text.slice(note!.range!.start, note!.range!.end)).toBe(exact);
    }
  });

  test('the typos carry the editor\'s reading', () => {
    const corrected = (exact: string) => defectNotes().find((n) => n.exact === exact)?.correction;
    expect(corrected('kicking of')).toBe('kicking off');
    expect(corrected('conversationn')).toBe('Conversation');
    expect(corrected('Ronfeld')).toBe('Ronfeldt');
    expect(corrected('RC Smith')).toBe('R.C. Smith');
    expect(corrected('Fattori:"The')).toBe('Fattori: "The');
  });

  test('the purely typographic ones are the textual apparatus, numbered 1..k in the order of their signs, and the margin keeps the rest', () => {
    expect(reading.apparatus.map((n) => n.id as string).sort()).toEqual([...TYPOGRAPHIC].sort());
    expect(reading.apparatus.map((n) => n.number)).toEqual(TYPOGRAPHIC.map((_, i) => i + 1));
    // In the order their signs stand in the text: after the phrase, or at the end of the passage.
    const order = reading.apparatus.map((n) => [n.passageNumber!, n.range?.end ?? Number.MAX_SAFE_INTEGER]);
    expect(order).toEqual([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    expect(reading.notes.map((n) => n.number)).toEqual(reading.notes.map((_, i) => i + 1));
    expect(reading.notes.some((n) => n.kind === 'apparatus')).toBe(false);
    expect([...reading.notesByPassage.values()].flat()).toHaveLength(reading.notes.length);
    expect(reading.notes.length + reading.apparatus.length + reading.questions.length).toBe(99);
  });
});

/**
 * The second pass ("every claim as strong as its source"): the bibliography keeps unverified
 * fields out instead of guessing them, every citation resolves, and the mended points stay mended.
 */
describe('every claim as strong as its source', () => {
  const source = (id: string) => edition.sourceById.get(id as never)?.item;
  const note = (id: string) => allNotes().find((n) => n.id === id || n.id.endsWith(`/${id}`));
  const term = (id: string) => edition.termById.get(id as never);

  test('every <Cite> in a note or glossary body names an entry of the bibliography', () => {
    const bodies = [...allNotes().map((n) => [n.id, n.body] as const), ...edition.terms.map((t) => [t.id, t.body] as const)];
    const missing = bodies.flatMap(([id, body]) =>
      [...body.matchAll(/<Cite\s+id="([^"]+)"/g)].map((m) => m[1]!).filter((s) => !edition.sourceById.has(s as never)).map((s) => `${id}: ${s}`),
    );
    expect(missing).toEqual([]);
  });

  test('every book gives its place of publication or says that it was not verified', () => {
    const silent = edition.sources
      .filter((s) => s.item.type === 'book' && !s.item['publisher-place'] && !/place/i.test(s.item.note ?? ''))
      .map((s) => s.id);
    expect(silent).toEqual([]);
  });

  test('unverified fields of "Coase\'s Penguin" are left out, and the note says so', () => {
    const item = source('benkler-2002');
    expect(item?.volume).toBeUndefined();
    expect(item?.page).toBeUndefined();
    expect(item?.note).toMatch(/not verified/);
  });

  test('a name with no recorded given name is not completed by guesswork', () => {
    const item = source('hrubec-2022');
    expect(item?.author).toEqual([{ family: 'Hrubec' }]);
    expect(item?.note).toMatch(/given name/);
  });

  test('a series number is not part of the series title', () => {
    const item = source('kleiner-2010');
    expect(item?.['collection-title']).toBe('Network Notebooks');
    expect(item?.note).toMatch(/no\. 03/);
  });

  test('the Guerrilla Translation re-post has its speakers and the address of the post, not of a tag archive', () => {
    const item = source('guerrilla-translation-kleiner');
    expect(item?.author?.map((a) => a.family)).toEqual(['Kleiner']);
    expect(item?.interviewer?.map((a) => a.literal)).toEqual(['KMO']);
    expect(item?.URL).not.toMatch(/\/tag\//);
  });

  test('the republication of Ronfeldt\'s part 1 is cited under the title of the page at its address', () => {
    const item = source('ronfeldt-2011-part1');
    expect(item?.title).toBe('David Ronfeldt in Dialogue with the Partner State Concept');
    expect(item?.URL).toContain('david-ronfeldt-in-dialogue-with-the-partner-state-concept');
    expect(item?.note).toContain('(part 1 of 2)');
  });

  test('the Peer Production License names both its authors, with a source', () => {
    const ppl = term('peer-production-license');
    expect(ppl?.short).toContain('John Magyar');
    expect(ppl?.sources).toContain('windriver-ppl');
  });

  test('Orsi\'s entry names the work Bauwens credited, with its source', () => {
    const orsi = term('cosma-orsi');
    expect(orsi?.body).toContain('Political Economy of Reciprocity');
    expect(orsi?.sources).toContain('bauwens-2010-orsi');
  });

  test('Helfrich\'s "at least fourfold" gets no spliced reading', () => {
    expect(note('helfrich-fourfold-omitted')?.correction).toBeUndefined();
  });

  test('the new notes: Ronfeldt\'s reading of the partner state, and what a partner state would do', () => {
    const ronfeldt = note('ronfeldt-critique');
    expect(ronfeldt?.passage).toBe('ronfeldt-heading');
    expect(ronfeldt?.sources).toEqual(expect.arrayContaining(['ronfeldt-2011-part1', 'ronfeldt-2011-part3', 'ronfeldt-2014-missing-part-2']));
    const practice = note('psa-in-practice');
    expect(practice?.passage).toBe('bauwens-kostakis-psa');
    expect(practice?.exact).toBe('a cluster of policies and ideas');
    expect(practice?.sources).toEqual(expect.arrayContaining(['bauwens-kostakis-2015', 'lawsdocbox-commons-transition', 'bauwens-2015-new-state-forms']));
    for (const n of [ronfeldt!, practice!]) expect(n.range, n.id).toBeDefined();
  });

  // Phrases the review found going beyond the source; they must not come back.
  test.each([
    ['fattori-civic-wealth', 'time to spare'],
    ['fattori-transcends-includes', 'fund new commons'],
    ['helfrich-roles-compared', 'inside particular commons'],
    ['smith-coercive-society', 'which is why'],
    ['helfrich-kicking-of', 'The same slip is in'],
    ['kleiner-social-media', 'client–server'],
    ['smith-admires', 'Ronfeldt noted'],
    ['ronfeldt-part-numbering', 'Both titles are attested'],
  ])('%s no longer says "%s"', (id, phrase) => {
    expect(note(id)?.body).toBeDefined();
    expect(note(id)!.body).not.toContain(phrase);
  });
});
