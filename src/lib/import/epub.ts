/**
 * EPUB 2 and 3: the package document (found through META-INF/container.xml) gives the metadata
 * (title, creators, language, date, rights, description, source) and the spine, the reading order;
 * each chapter of the spine is read in order by the shared HTML adapter. The archive is read with
 * fflate and the XML with saxes (both already dependencies); a chapter that is not well-formed XML
 * is read as HTML instead. A book whose chapters are encrypted (DRM) is refused.
 */
import path from 'node:path/posix';
import { refusals } from './errors.ts';
import { HtmlBlocks } from './html-blocks.ts';
import { emptyDocument, normaliseLanguage, oneLine, webAddress, type ImportedDocument } from './model.ts';
import { elementChildren, find, findAll, langOf, parseHtmlDocument, parseXml, textLine, textOf, type XElement } from './tree.ts';
import { member, unzip } from './zip.ts';

const WHAT = 'EPUB book';
/** Font obfuscation is listed in encryption.xml too, but it hides only fonts, never the text. */
const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);

export function importEpub(bytes: Uint8Array, fileName: string): ImportedDocument {
  const files = unzip(bytes, fileName, WHAT);
  const xml = (file: string, required: boolean): XElement | undefined => {
    const text = member(files, file);
    if (text === undefined) {
      if (required) throw refusals.corrupt(fileName, WHAT, `${file} is missing`);
      return undefined;
    }
    try {
      return parseXml(text);
    } catch (error) {
      if (required) throw refusals.corrupt(fileName, WHAT, `${file} is not well-formed XML: ${(error as Error).message}`);
      return undefined;
    }
  };
  const container = xml('META-INF/container.xml', true);
  const packagePath = find(container, 'rootfile')?.attrs['full-path'];
  if (!packagePath) throw refusals.corrupt(fileName, WHAT, 'META-INF/container.xml names no package document');
  const opf = xml(packagePath, true)!;
  const base = path.dirname(packagePath);
  const resolve = (href: string) => path.normalize(path.join(base, decodeURIComponent(href.split('#')[0]!))).replace(/^\.\//, '');

  const encrypted = new Set<string>();
  for (const data of findAll(xml('META-INF/encryption.xml', false), 'encrypteddata')) {
    const algorithm = find(data, 'encryptionmethod')?.attrs.Algorithm ?? '';
    const uri = find(data, 'cipherreference')?.attrs.URI;
    if (uri && !FONT_OBFUSCATION.has(algorithm)) encrypted.add(path.normalize(decodeURIComponent(uri)));
  }

  const document = emptyDocument('epub');
  const metadata = find(opf, 'metadata');
  const refinements = findAll(metadata, 'meta').filter((m) => m.attrs.refines);
  const refined = (id: string | undefined, property: string) =>
    id ? refinements.find((m) => m.attrs.refines === `#${id}` && m.attrs.property === property) : undefined;
  const dc = (name: string) => elementChildren(metadata, name);
  const titles = dc('title');
  const mainTitle = titles.find((t) => textLine(refined(t.attrs.id, 'title-type')) === 'main') ?? titles[0];
  if (mainTitle) document.title = textLine(mainTitle);
  const subtitle = titles.find((t) => textLine(refined(t.attrs.id, 'title-type')) === 'subtitle');
  if (subtitle) document.subtitle = textLine(subtitle);
  document.authors = dc('creator')
    .filter((c) => {
      const role = c.attrs['opf:role'] ?? textLine(refined(c.attrs.id, 'role'));
      return !role || role === 'aut';
    })
    .map(textLine)
    .filter(Boolean);
  const language = normaliseLanguage(textOf(dc('language')[0]));
  if (language) document.language = language;
  const date = textLine(dc('date')[0]);
  if (date) document.date = date;
  const description = oneLine(textOf(dc('description')[0]).replace(/<[^>]+>/g, ' '));
  if (description) document.description = description;
  const rights = textLine(dc('rights')[0]);
  if (rights) document.licence = { name: rights, url: webAddress(/https?:\/\/\S+/.exec(rights)?.[0]) };
  const source = [...dc('source'), ...dc('identifier')].map((e) => webAddress(textLine(e))).find(Boolean);
  const publisher = textLine(dc('publisher')[0]);
  if (source) document.origin = { url: source, title: document.title, site: publisher };
  const direction = find(opf, 'spine')?.attrs['page-progression-direction'];
  if (direction === 'rtl' || direction === 'ltr') document.direction = direction;

  const manifest = new Map(findAll(find(opf, 'manifest'), 'item').map((item) => [item.attrs.id ?? '', item]));
  const walker = new HtmlBlocks();
  let outOfOrder = 0;
  for (const itemref of findAll(find(opf, 'spine'), 'itemref')) {
    const item = manifest.get(itemref.attrs.idref ?? '');
    if (!item?.attrs.href) continue;
    const file = resolve(item.attrs.href);
    if (encrypted.has(file)) throw refusals.encryptedEpub(fileName, file);
    if (itemref.attrs.linear === 'no') {
      outOfOrder++;
      continue;
    }
    if ((item.attrs.properties ?? '').split(/\s+/).includes('nav')) {
      document.omitted.push(`the book's table of contents (${file})`);
      continue;
    }
    const type = item.attrs['media-type'] ?? '';
    if (!/html/.test(type)) continue;
    const text = member(files, file);
    if (text === undefined) throw refusals.corrupt(fileName, WHAT, `${file}, listed in the spine, is missing`);
    let root: XElement;
    try {
      root = parseXml(text);
    } catch {
      root = parseHtmlDocument(text).root;
    }
    const body = find(root, 'body');
    if (body) walker.walk(body, { quote: false, lang: normaliseLanguage(langOf(root)) ?? language });
  }
  if (outOfOrder) document.omitted.push(`${outOfOrder} spine item${outOfOrder === 1 ? '' : 's'} outside the reading order (linear="no")`);
  document.blocks = walker.blocks;
  document.omitted.push(...walker.omitted());
  return document;
}
