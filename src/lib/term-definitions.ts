/** What the reader's definition popover needs to know of a glossary term. */
export interface TermDefinition {
  term: string;
  kind: string;
  /** The one-sentence definition. */
  short: string;
  /** The full entry, base included. */
  url: string;
}

export type TermDefinitions = Record<string, TermDefinition>;

/** Validates the fetched definitions file; anything malformed is dropped rather than shown. */
export function parseTermDefinitions(value: unknown): TermDefinitions {
  if (!value || typeof value !== 'object') return {};
  const out: TermDefinitions = {};
  for (const [id, entry] of Object.entries(value as Record<string, unknown>)) {
    const e = entry as Partial<TermDefinition> | null;
    if (e && typeof e.term === 'string' && typeof e.kind === 'string' && typeof e.short === 'string' && typeof e.url === 'string') {
      out[id] = { term: e.term, kind: e.kind, short: e.short, url: e.url };
    }
  }
  return out;
}
