/**
 * Markdown: CommonMark with GitHub's extensions (tables, footnotes, strikethrough, task lists) and
 * YAML front matter, parsed by satteri, the parser Astro 7 renders Markdown with (already a
 * dependency of the project), to HTML, then read by the shared HTML adapter. Front matter gives
 * the title, author, date, language, description, licence and source address.
 */
import { markdownToHtml } from 'satteri';
import { parse as parseYaml } from 'yaml';
import { fragmentBlocks } from './html-blocks.ts';
import { emptyDocument, normaliseLanguage, webAddress, type ImportedDocument } from './model.ts';

const MARKDOWN_FEATURES = { gfm: true, frontmatter: true, superscript: true, subscript: true, rawHtml: true } as const;

const asText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : value instanceof Date ? value.toISOString().slice(0, 10) : undefined;

function names(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(names);
  if (value && typeof value === 'object' && 'name' in value) return names((value as { name: unknown }).name);
  const text = asText(value);
  return text ? text.split(/\s*;\s*|\s+and\s+/).filter(Boolean) : [];
}

export function importMarkdown(text: string): ImportedDocument {
  const document = emptyDocument('markdown');
  const result = markdownToHtml(text.replace(/\r\n?/g, '\n'), { features: MARKDOWN_FEATURES });
  let front: Record<string, unknown> = {};
  if (result.frontmatter?.value) {
    try {
      const parsed: unknown = parseYaml(result.frontmatter.value);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) front = parsed as Record<string, unknown>;
    } catch (error) {
      document.warnings.push(`the front matter is not valid YAML (${(error as Error).message.split('\n')[0]}); its fields were not read.`);
    }
  }
  const title = asText(front.title);
  if (title) document.title = title;
  const subtitle = asText(front.subtitle);
  if (subtitle) document.subtitle = subtitle;
  document.authors = names(front.authors ?? front.author);
  const date = asText(front.date);
  if (date) document.date = date;
  const lang = normaliseLanguage(asText(front.lang ?? front.language));
  if (lang) document.language = lang;
  const dir = asText(front.dir ?? front.direction);
  if (dir === 'rtl' || dir === 'ltr') document.direction = dir;
  const description = asText(front.description ?? front.summary ?? front.abstract);
  if (description) document.description = description;
  const licence = front.licence ?? front.license ?? front.rights;
  if (licence && typeof licence === 'object') {
    const { name, url } = licence as { name?: unknown; url?: unknown };
    const named = asText(name);
    if (named) document.licence = { name: named, url: webAddress(asText(url)) };
  } else {
    const named = asText(licence);
    if (named) document.licence = { name: named, url: webAddress(named) };
  }
  const url = webAddress(asText(front.url ?? front.source ?? front.canonical ?? front.origin));
  if (url) document.origin = { url, title, site: asText(front.site) };

  const walker = fragmentBlocks(result.html, document.language);
  document.blocks = walker.blocks;
  if (result.frontmatter?.value) document.omitted.push('the YAML front matter (its fields are in reading.yaml)');
  document.omitted.push(...walker.omitted());
  return document;
}
