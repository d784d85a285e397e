/**
 * /read/<reading>.epub: the reading as an EPUB 3, built with the site. Note and glossary bodies are
 * the same HTML the site shows (rendered when the content loaded), turned into XHTML with links
 * to glossary entries, sources and passages pointing inside the book.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { SITE_NAME } from '../../lib/constants.ts';
import { DOCS, epubFiles, zipEpub, type Book } from '../../lib/epub/book.ts';
import { bookHref, htmlToXhtml } from '../../lib/epub/xhtml.ts';
import { NOTE_KIND_LABELS } from '../../lib/note-kinds.ts';
import { editionDate } from '../../lib/reading-citation.ts';
import { showUrl } from '../../lib/url-policy.ts';
import { readingPath, withBase } from '../../lib/urls.ts';
import { getBibliography, getEdition, getNoteEntry, getTermEntry } from '../../loaders/edition.ts';
import { readingScope } from '../../lib/edition.ts';
import { authorName, displayDate, provenanceSentence } from '../../lib/reading-facts.ts';

export const getStaticPaths = (async () => {
  const readings = await getCollection('readings');
  return readings.map((reading) => ({ params: { reading: reading.id }, props: { reading } }));
}) satisfies GetStaticPaths;

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export const GET: APIRoute = async ({ props, site }) => {
  const { reading } = props as { reading: CollectionEntry<'readings'> };
  const data = reading.data;
  const edition = await getEdition();
  const editionReading = edition.readingById.get(reading.id as never);
  const siteUrl = new URL(withBase('/'), site).href;
  const targets = { siteUrl, base: import.meta.env.BASE_URL, readingId: reading.id, ...DOCS };
  // Links the book may not carry are removed (their words kept); the build log says which, so
  // nothing disappears unseen (the site's URL policy should have refused them earlier).
  const xhtml = (html: string, where: string) =>
    htmlToXhtml(html, {
      rewriteHref: (href) => bookHref(href, targets),
      onUnsafeLink: (href) => console.warn(`EPUB of "${reading.id}": removed the link to ${showUrl(href)} in ${where}; a book links only to http(s), mailto: and places inside it.`),
    });
  // Bodies were rendered to HTML when the content loaded (src/loaders/edition-loaders.ts).
  const body = async (entry: CollectionEntry<'notes'> | CollectionEntry<'glossary'>) =>
    xhtml(entry.rendered?.html ?? '', `${entry.collection === 'glossary' ? 'glossary term' : 'note'} "${entry.id}"`);
  // Margin notes become footnotes, apparatus entries rows of the table after the text: same fields.
  const bookNote = async (note: NonNullable<typeof editionReading>['notes'][number]) => ({
    id: note.id,
    number: note.number,
    passage: note.passage!,
    end: note.range?.end,
    kindLabel: NOTE_KIND_LABELS[note.kind],
    body: await body(await getNoteEntry(note)),
    exact: note.exact,
    correction: note.correction,
  });
  const notes = await Promise.all((editionReading?.notes ?? []).map(bookNote));
  const apparatus = await Promise.all((editionReading?.apparatus ?? []).map(bookNote));
  const questions = await Promise.all(
    (editionReading?.questions ?? []).map(async (q) => ({ id: q.id, number: q.number, body: await body(await getNoteEntry(q)) })),
  );
  // Only what this reading uses: its notes' terms and sources, the terms in its text, and what
  // those terms' entries link to and cite (not the whole edition's glossary and bibliography).
  const scope = readingScope(edition, reading.id);
  const terms = await Promise.all(
    edition.terms.filter((term) => scope.terms.has(term.id)).map(async (term) => ({
      id: term.id,
      term: term.term,
      kindLabel: capitalise(term.kind),
      short: term.short,
      body: await body(await getTermEntry(term)),
    })),
  );
  // Formatted within the whole bibliography, so a year suffix ("2012a") is the one the notes show.
  const sources = (await getBibliography())
    .filter((entry) => scope.sources.has(entry.id as never))
    .map((entry) => ({ id: entry.id, entry: xhtml(entry.html, `source "${entry.id}"`) }));
  const modified = editionDate();
  const url = new URL(withBase(readingPath(reading.id)), site).href;
  const book: Book = {
    identifier: url,
    title: data.title,
    subtitle: data.subtitle,
    language: data.language,
    direction: data.direction,
    verseLineNumbers: data.verseLineNumbers,
    attribution: data.attribution,
    authors: data.authors?.map(authorName),
    date: data.date ? displayDate(data.date) : undefined,
    provenance: data.provenance && { sentence: provenanceSentence(data.provenance), omitted: data.provenance.omitted ?? [] },
    description: data.description,
    siteName: SITE_NAME,
    url,
    modified,
    licence: data.licence,
    origin: data.origin,
    sections: data.sections,
    passages: data.passages,
    notes,
    apparatus,
    questions,
    terms,
    sources,
  };
  // fflate's Uint8Array is typed over ArrayBufferLike; it is a plain ArrayBuffer, which Response takes.
  const epub = zipEpub(epubFiles(book), modified) as Uint8Array<ArrayBuffer>;
  return new Response(epub, { headers: { 'content-type': 'application/epub+zip' } });
};
