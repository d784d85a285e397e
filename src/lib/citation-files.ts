/**
 * A reference as a file for reference managers, written by citation-js's output plugins: BibTeX,
 * RIS and CSL-JSON. Build-time only.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem } from '../schemas/source.ts';
import { toCslJson } from './citations.ts';

export const CITATION_FILE_FORMATS = ['bib', 'ris', 'json'] as const;
export type CitationFileFormat = (typeof CITATION_FILE_FORMATS)[number];

const TYPES: Record<CitationFileFormat, string> = {
  bib: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
  json: 'application/vnd.citationstyles.csl+json; charset=utf-8',
};

/**
 * RIS from citation-js hard-wraps values at 70 characters, which splits titles in two for the
 * managers that read a continuation line as a new value; RIS allows long lines, so join them back.
 */
export function unwrapRis(ris: string): string {
  return ris.replace(/\n(?=[^\n])(?![A-Z][A-Z0-9] {2}-)/g, '');
}

export function citationFile(item: CslItem, format: CitationFileFormat): { body: string; type: string } {
  const cite = new Cite([toCslJson(item)]);
  const body =
    format === 'bib' ? (cite.format('bibtex') as string)
    : format === 'ris' ? unwrapRis(cite.format('ris') as string)
    : `${JSON.stringify([toCslJson(item)], null, 2)}\n`;
  return { body: body.trimEnd() + '\n', type: TYPES[format] };
}
