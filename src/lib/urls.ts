/**
 * Every internal link goes through `withBase`, so the site works unchanged under a sub-path
 * (an instructor's `/courses/pol-101/reader/`). Paths are written as if the site sat at `/`.
 */
export function joinBase(base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  const cleanPath = path.startsWith('/') ? path : `/${path}`;
  return `${trimmedBase}${cleanPath}`;
}

export const withBase = (path: string) => joinBase(import.meta.env.BASE_URL, path);

/** An SVG as a `data:` URL, which costs no request of its own (the policy's `img-src` allows `data:`). */
export const svgDataUrl = (svg: string) => `data:image/svg+xml,${encodeURIComponent(svg.trim())}`;

export const readingPath = (readingId: string) => `/read/${readingId}/`;
export const glossaryPath = (termId?: string) => (termId ? `/glossary/${termId}/` : '/glossary/');
/** The term id in a link to a glossary entry (whatever base or origin precedes it). */
export const glossaryTermOf = (href: string) => /\/glossary\/([^/?#]+)\/(?:[?#].*)?$/.exec(href)?.[1];
/** Short definitions of every glossary term, fetched by the reader when a term is first used. */
export const termDefinitionsPath = () => '/glossary/definitions.json';
export const sourcesPath = (sourceId?: string) => (sourceId ? `/sources/#source-${sourceId}` : '/sources/');
/** The glossary and the sources of one reading: the entries it uses (see `readingScope`). */
export const readingGlossaryPath = (readingId: string) => `/glossary/reading/${readingId}/`;
export const readingSourcesPath = (readingId: string) => `/sources/reading/${readingId}/`;
/** Where one much-cited work lists every place that cites it (see `SOURCE_USES_INLINE`). */
export const sourceWorkPath = (sourceId: string) => `/sources/work/${sourceId}/`;
/** The whole bibliography in another citation style than the default (the default's is /sources/). */
export const styleSourcesPath = (style: string) => `/sources/style/${style}/`;
/** The EPUB of a reading, built with the site. */
export const epubPath = (readingId: string) => `/read/${readingId}.epub`;
/** A reading's reference as a file: BibTeX, RIS or CSL-JSON. */
export const citationFilePath = (readingId: string, format: 'bib' | 'ris' | 'json') => `/read/${readingId}/citation.${format}`;
/** A reading's reference file, as the page and the cite dialog offer it for download. */
export interface CitationDownload {
  href: string;
  label: string;
  /** The name it is saved under. */
  file: string;
}
/** The reading's reference files (base included). */
export const citationDownloads = (readingId: string): CitationDownload[] =>
  (
    [
      ['bib', 'BibTeX'],
      ['ris', 'RIS'],
      ['json', 'CSL-JSON'],
    ] as const
  ).map(([format, label]) => ({ href: withBase(citationFilePath(readingId, format)), label, file: `${readingId}.${format}` }));
/** Any passage's citation in each style, with placeholders (CITE), and the reference files: for the cite dialog. */
export const passageCitationsPath = (readingId: string) => `/read/${readingId}/passage-citations.json`;

/** A reading's annotation layer: its page, the JSON the reading page shows it from, and its W3C export. */
export const layerPath = (readingId: string, layerId: string) => `/read/${readingId}/layers/${layerId}/`;
export const layerDataPath = (readingId: string, layerId: string) => `/read/${readingId}/layers/${layerId}.json`;
export const layerExportPath = (readingId: string, layerId: string) => `/read/${readingId}/layers/${layerId}.jsonld`;
