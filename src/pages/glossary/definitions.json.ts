/**
 * `/glossary/definitions.json`: every term's headword, kind, one-sentence definition and entry URL.
 * The reader fetches it on first use to fill its definition popover, instead of repeating each
 * definition inside every reader page (without JavaScript a term is simply a link to its entry).
 */
import type { APIRoute } from 'astro';
import { getEdition } from '../../loaders/edition.ts';
import type { TermDefinitions } from '../../lib/term-definitions.ts';
import { glossaryPath, withBase } from '../../lib/urls.ts';

export const GET: APIRoute = async () => {
  const edition = await getEdition();
  const definitions: TermDefinitions = Object.fromEntries(
    edition.terms.map((term) => [term.id, { term: term.term, kind: term.kind, short: term.short, url: withBase(glossaryPath(term.id)) }]),
  );
  return new Response(JSON.stringify(definitions), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
