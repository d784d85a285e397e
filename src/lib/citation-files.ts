/**
 * A reference as a file for reference managers: biblatex (UTF-8), RIS and CSL-JSON. Build-time only.
 *
 * Every format keeps the text exactly as written, in Unicode: a Greek title stays Greek, a name
 * keeps its diacritics. citation-js writes RIS; the biblatex is our own (see `biblatexEntry`),
 * because citation-js's BibTeX output either spells Unicode as LaTeX accent commands, dropping what
 * it has no command for (a Greek title came out as `$\delta$$\upsilon{\' $}$…` without its Ὀ), or,
 * with that turned off, leaves `&`, `%` and `#` unescaped, which breaks the file in LaTeX.
 */
import { Cite } from '@citation-js/core';
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

// ─── biblatex ───────────────────────────────────────────────────────────────────────────────────

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
};

/**
 * A value for a biblatex field: LaTeX's special characters escaped, every other character kept as
 * it is (biblatex with biber reads UTF-8; nothing is turned into an accent command or dropped).
 */
export const latexText = (value: string) => value.replace(/[\\{}%&$#_^~]/g, (c) => LATEX_SPECIALS[c]!);

/**
 * A title: each word with a capital letter is braced (but for the title's first letter), so a
 * style that changes case ("sentence case") keeps proper names as written: "The {Partner}
 * {State}: {Public} authorities", "Manifest der {Kommunistischen} {Partei}", "Ὀδύσσεια".
 */
export function latexTitle(value: string): string {
  let first = true;
  return latexText(value).replace(/[\p{L}\p{M}\p{N}]+/gu, (word) => {
    const rest = first ? word.slice(1) : word;
    first = false;
    return /\p{Lu}/u.test(rest) ? `{${word}}` : word;
  });
}

type CslName = NonNullable<CslItem['author']>[number];

/** A name as biblatex reads it: "von Last, Jr., First", or a braced literal ("{P2P Foundation}", "{Ὅμηρος}"). */
export function latexName(name: CslName): string {
  if (name.literal !== undefined || name.family === undefined) return `{${latexText(name.literal ?? '')}}`;
  const brace = (part: string) => (/,|\band\b/.test(part) ? `{${latexText(part)}}` : latexText(part));
  const family = [name['non-dropping-particle'], brace(name.family)].filter(Boolean).join(' ');
  const von = name['dropping-particle'] ? `${latexText(name['dropping-particle'])} ` : '';
  const given = name.given ? brace(name.given) : undefined;
  return [`${von}${family}`, ...(name.suffix ? [latexText(name.suffix), given ?? ''] : given ? [given] : [])].join(', ');
}

/**
 * A CSL date as biblatex's ISO 8601-2 date: "2014-05-01", "1848-02", a range "1999/2001". Years
 * are padded to four digits; a year BCE (negative in CSL: -700 is 700 BCE) is written the ISO way,
 * where year 0 is 1 BCE: -700 becomes "-0699".
 */
export function latexDate(date: CslItem['issued']): string | undefined {
  const parts = date?.['date-parts'];
  if (!parts?.length) return undefined;
  const one = (part: readonly (string | number)[]) => {
    const [year, month, day] = part.map(Number);
    const iso = year! < 0 ? year! + 1 : year!;
    const y = `${iso < 0 ? '-' : ''}${String(Math.abs(iso)).padStart(4, '0')}`;
    return [y, ...[month, day].filter((n) => n !== undefined && Number.isFinite(n)).map((n) => String(n).padStart(2, '0'))].join('-');
  };
  return parts.map(one).join('/');
}

const BIBLATEX_TYPES: Partial<Record<CslItem['type'], string>> = {
  webpage: 'online',
  post: 'online',
  'post-weblog': 'online',
  book: 'book',
  chapter: 'incollection',
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  'paper-conference': 'inproceedings',
  report: 'report',
  thesis: 'thesis',
  'entry-encyclopedia': 'inreference',
  'entry-dictionary': 'inreference',
};

/** Which biblatex field holds the CSL container title, by entry type. */
const CONTAINER_FIELD: Record<string, string> = {
  article: 'journaltitle',
  incollection: 'booktitle',
  inproceedings: 'booktitle',
  inreference: 'booktitle',
  online: 'organization',
};

/**
 * One biblatex entry for a CSL item, in UTF-8: `@online{partner-state, … }`. The key is the item's
 * id. Fields keep the CSL values as written (see `latexText`); `langid` is left out because
 * biblatex wants babel's language names, not BCP 47 tags.
 */
export function biblatexEntry(item: CslItem): string {
  const type = BIBLATEX_TYPES[item.type] ?? 'misc';
  const fields: [string, string | undefined][] = [];
  const names = (list: CslItem['author']) => (list?.length ? list.map(latexName).join(' and ') : undefined);
  const text = (value: unknown) => (value === undefined || value === null || value === '' ? undefined : latexText(String(value)));
  fields.push(['author', names(item.author)]);
  fields.push(['editor', names(item.editor)]);
  fields.push(['title', item.title ? latexTitle(item.title) : undefined]);
  fields.push([CONTAINER_FIELD[type] ?? 'howpublished', item['container-title'] ? latexTitle(item['container-title']) : undefined]);
  fields.push(['publisher', text(item.publisher)]);
  fields.push(['location', text(item['publisher-place'])]);
  fields.push(['volume', text(item.volume)]);
  fields.push(['number', text(item.issue)]);
  fields.push(['pages', text(item.page)?.replace(/[-\u2013]/g, '--')]);
  fields.push(['date', latexDate(item.issued)]);
  fields.push(['urldate', latexDate(item.accessed)]);
  // url and doi are verbatim in biblatex: nothing to escape, and escaping would change them.
  fields.push(['doi', item.DOI]);
  fields.push(['url', item.URL]);
  const body = fields.filter((f): f is [string, string] => f[1] !== undefined).map(([name, value]) => `  ${name} = {${value}},`);
  return `@${type}{${item.id},\n${body.join('\n')}\n}\n`;
}

export function citationFile(item: CslItem, format: CitationFileFormat): { body: string; type: string } {
  const body =
    format === 'bib' ? biblatexEntry(item)
    : format === 'ris' ? unwrapRis(new Cite([toCslJson(item)]).format('ris') as string)
    : `${JSON.stringify([toCslJson(item)], null, 2)}\n`;
  return { body: body.trimEnd() + '\n', type: TYPES[format] };
}
