/**
 * CSL style and locale files as the editor drops them into src/content/csl/: what a style says about itself
 * (its title, its citation format, its locale) and whether it is a style citeproc can run at all,
 * checked before the build formats anything, so a wrong file is one message naming it, not a stack
 * trace from the processor.
 */
import { SaxesParser } from 'saxes';
import type { ContentProblem } from './content-errors.ts';
import { CONFIG_FILE } from './limits.ts';

/** Where a project keeps its styles and locales, beside reader.config.yaml. */
export const CSL_FOLDER = 'src/content/csl';
export const cslStylePath = (name: string) => `${CSL_FOLDER}/styles/${name}.csl`;
export const cslLocalePath = (locale: string) => `${CSL_FOLDER}/locales/locales-${locale}.xml`;

const STYLES_REPOSITORY = 'https://github.com/citation-style-language/styles';
const LOCALES_REPOSITORY = 'https://github.com/citation-style-language/locales';

/** How a style cites in the text: by author and date, by author, by number, or in a note. */
export type CitationFormat = 'author-date' | 'author' | 'numeric' | 'label' | 'note';

/** A style read from its file: what readers are shown and what the processor needs. */
export interface CslStyle {
  /** The file name without `.csl`, as reader.config.yaml names it. */
  name: string;
  /** `<info><title>`: how the style is named to readers. */
  title: string;
  format: CitationFormat;
  /** The style's `default-locale`, when it has one. */
  defaultLocale?: string | undefined;
  xml: string;
}

interface Outline {
  root?: string;
  /** Direct children of the root element. */
  children: string[];
  title?: string;
  format?: string;
  defaultLocale?: string;
  parent?: string;
  /** Why the XML is not well-formed, and where. */
  error?: { message: string; line?: number | undefined };
}

/** saxes's "2:53: unexpected close tag." as a line and a message that names the column. */
function xmlError(error: unknown): NonNullable<Outline['error']> {
  const text = error instanceof Error ? error.message : String(error);
  const at = /^(?:[^:]*:)?(\d+):(\d+): (.*?)\.?$/s.exec(text);
  if (!at) return { message: `the file is not well-formed XML: ${text}` };
  return { message: `the file is not well-formed XML (column ${at[2]}): ${at[3]}.`, line: Number(at[1]) };
}

/** One pass over the XML: the root, its children and the few <info> fields a style is known by. */
function outline(xml: string): Outline {
  const found: Outline = { children: [] };
  const parser = new SaxesParser({ xmlns: true });
  const stack: string[] = [];
  let text: string | undefined;
  parser.on('opentag', (tag) => {
    const name = tag.local;
    if (stack.length === 0) {
      // A <style> outside the CSL namespace is not a CSL style either; it is named with its namespace.
      found.root = tag.uri === 'http://purl.org/net/xbiblio/csl' || (name !== 'style' && name !== 'locale') ? name : `${name} xmlns="${tag.uri}"`;
      const locale = tag.attributes['default-locale'];
      if (locale && typeof locale !== 'string') found.defaultLocale = locale.value;
    }
    if (stack.length === 1) found.children.push(name);
    const inInfo = stack.length === 2 && stack[1] === 'info';
    const attribute = (key: string) => {
      const value = tag.attributes[key];
      return value && typeof value !== 'string' ? value.value : undefined;
    };
    if (inInfo && name === 'title' && found.title === undefined) text = '';
    const format = inInfo && name === 'category' ? attribute('citation-format') : undefined;
    if (format) found.format = format;
    const parent = inInfo && name === 'link' && attribute('rel') === 'independent-parent' ? attribute('href') : undefined;
    if (parent) found.parent = parent;
    stack.push(name);
  });
  parser.on('text', (chunk) => {
    if (text !== undefined) text += chunk;
  });
  parser.on('closetag', () => {
    stack.pop();
    if (text !== undefined) {
      found.title = text.trim();
      text = undefined;
    }
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    found.error = xmlError(error);
  }
  return found;
}

const FORMATS: readonly string[] = ['author-date', 'author', 'numeric', 'label', 'note'] satisfies CitationFormat[];

/** A style file's text checked and described, or the one problem that stops it being used. */
export function readCslStyle(name: string, xml: string): { style?: CslStyle; problem?: ContentProblem } {
  const file = cslStylePath(name);
  const refuse = (message: string, fix: string, line?: number) => ({ problem: { kind: 'invalid-csl' as const, file, ...(line ? { line } : {}), message, fix } });
  const fresh = `download it again from ${STYLES_REPOSITORY} (the file's "Raw" view) and save it unchanged as ${file}`;
  const found = outline(xml);
  if (found.error) return refuse(found.error.message, `${fresh}; a .csl file is XML, not a web page or a Zotero export.`, found.error.line);
  if (found.root !== 'style') return refuse(`the file's root element is <${found.root ?? 'nothing'}>, not a CSL <style>.`, `${fresh}; a CSL style starts with <style xmlns="http://purl.org/net/xbiblio/csl" …>.`);
  if (found.parent) {
    return refuse(
      `this is a dependent style: it only points to its parent style (${found.parent}) and has no rules of its own.`,
      `download the parent style (${found.parent.replace(/^https?:\/\/www\.zotero\.org\/styles\//, '')}.csl) from ${STYLES_REPOSITORY} into ${CSL_FOLDER}/styles/ and name it in ${CONFIG_FILE} instead.`,
    );
  }
  const missing = ['citation', 'bibliography'].filter((part) => !found.children.includes(part));
  if (missing.length) {
    return refuse(
      `the style has no ${missing.map((part) => `<${part}>`).join(' and no ')}: the edition needs both, for in-text citations and for the list of sources.`,
      `use a style that defines both (every style in ${STYLES_REPOSITORY} that is not a dependent one does), or ${fresh}.`,
    );
  }
  if (!found.title) return refuse('the style has no <info><title>, which is how readers are shown its name.', `${fresh}.`);
  const format = FORMATS.includes(found.format ?? '') ? (found.format as CitationFormat) : 'author-date';
  return { style: { name, title: found.title, format, defaultLocale: found.defaultLocale, xml } };
}

/** A locale file's text checked: well-formed, with a CSL <locale> root. */
export function checkCslLocale(locale: string, xml: string): ContentProblem | undefined {
  const found = outline(xml);
  if (!found.error && found.root === 'locale') return undefined;
  const file = cslLocalePath(locale);
  return {
    kind: 'invalid-csl',
    file,
    ...(found.error?.line ? { line: found.error.line } : {}),
    message: found.error ? found.error.message : `the file's root element is <${found.root ?? 'nothing'}>, not a CSL <locale>.`,
    fix: `download locales-${locale}.xml again from ${LOCALES_REPOSITORY} and save it unchanged as ${file}.`,
  };
}

/** The locale a style cites in: the project's, else the style's own, else American English (CSL's default). */
export const styleLocale = (style: Pick<CslStyle, 'defaultLocale'>, projectLocale: string | undefined) => projectLocale ?? style.defaultLocale ?? 'en-US';

/** The problem for a style named in reader.config.yaml whose file is not in src/content/csl/styles/. */
export function unknownStyle(name: string, index: number, available: readonly string[]): ContentProblem {
  const file = cslStylePath(name);
  return {
    kind: 'missing-file',
    file: CONFIG_FILE,
    field: `citation.styles[${index}]`,
    message: `the style "${name}" is named here, but ${file} does not exist${available.length ? ` (the styles in ${CSL_FOLDER}/styles/ are ${available.map((a) => `"${a}"`).join(', ')})` : ''}.`,
    fix: `download ${name}.csl from ${STYLES_REPOSITORY} into ${CSL_FOLDER}/styles/, or correct the name (the file name without .csl).`,
  };
}

/** The problem for a style whose locale file is not in src/content/csl/locales/. */
export function missingLocale(style: CslStyle, locale: string, fromProject: boolean): ContentProblem {
  const why = fromProject ? `citation.locale in ${CONFIG_FILE} is ${locale}` : style.defaultLocale ? `the style's default-locale is ${locale}` : `it cites in ${locale}, CSL's default`;
  return {
    kind: 'missing-file',
    file: cslStylePath(style.name),
    message: `${why}, but ${cslLocalePath(locale)} does not exist.`,
    fix: `download locales-${locale}.xml from ${LOCALES_REPOSITORY} into ${CSL_FOLDER}/locales/${fromProject ? `, or set citation.locale to a locale that is there` : ''}.`,
  };
}
