/**
 * Word documents (.docx). mammoth turns the document into clean HTML by its paragraph and run styles
 * (headings, the Title style, quotations, lists, italics, bold, superscript, subscript, small
 * capitals, hyperlinks); the shared HTML adapter reads that. mammoth does not read a document's
 * properties, so the title, author, subject, description and creation date come from
 * docProps/core.xml, and the document's language from the default run language in word/styles.xml.
 */
import mammoth from 'mammoth';
import { refusals } from './errors.ts';
import { fragmentBlocks } from './html-blocks.ts';
import { emptyDocument, normaliseLanguage, type ImportedDocument } from './model.ts';
import { child, find, parseXml, textLine, type XElement } from './tree.ts';
import { isOleCompound, member, unzip } from './zip.ts';

const WHAT = 'Word document (.docx)';

/** mammoth's default map covers Heading 1–6 and lists; these add what a reading needs. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p.subtitle:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Verse'] => div.poem > p:fresh",
  'small-caps => span.small-caps',
];

export async function importDocx(bytes: Uint8Array, fileName: string): Promise<ImportedDocument> {
  if (isOleCompound(bytes)) throw refusals.encryptedDocx(fileName);
  const files = unzip(bytes, fileName, WHAT);
  if (!member(files, 'word/document.xml')) throw refusals.corrupt(fileName, WHAT, 'it has no word/document.xml');
  const document = emptyDocument('docx');

  const readXml = (path: string): XElement | undefined => {
    const text = member(files, path);
    if (text === undefined) return undefined;
    try {
      return parseXml(text);
    } catch (error) {
      document.warnings.push(`${path} inside the document could not be read (${(error as Error).message}); its fields were skipped.`);
      return undefined;
    }
  };
  const core = readXml('docProps/core.xml');
  const field = (name: string) => textLine(child(core, name)) || undefined;
  const title = field('title');
  if (title) document.title = title;
  const creator = field('creator');
  if (creator) document.authors = creator.split(/\s*;\s*/).filter(Boolean);
  const description = field('description') ?? field('subject');
  if (description) document.description = description;
  const created = field('created');
  if (created) document.date = created;
  const styles = readXml('word/styles.xml');
  const defaults = find(find(styles, 'docdefaults'), 'lang');
  const language = normaliseLanguage(field('language') ?? defaults?.attrs['w:val']);
  if (language) document.language = language;

  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    throw refusals.corrupt(fileName, WHAT, (error as Error).message.split('\n')[0]!);
  }
  const walker = fragmentBlocks(html, document.language);
  document.blocks = walker.blocks;
  document.omitted.push(...walker.omitted());
  return document;
}
