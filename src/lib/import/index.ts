/**
 * `npm run import`'s pure half: a file's bytes and name in, the reading folder's two files out
 * (or an ImportError with a one-line refusal). The format is chosen by the file's extension; each
 * format's adapter produces the shared block tree (model.ts) and reading.ts does the rest.
 */
import path from 'node:path';
import { ImportError, refusals } from './errors.ts';
import type { ImportedDocument } from './model.ts';
import { buildReading, type ImportedReading, type ReadingOptions } from './reading.ts';

export { ImportError, refusals } from './errors.ts';
export type { ImportedReading } from './reading.ts';

/** Files larger than this are refused before they are parsed. */
export const MAX_IMPORT_MB = 50;

export const FORMAT_BY_EXTENSION: Record<string, 'text' | 'markdown' | 'html' | 'docx' | 'epub' | 'xml'> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.epub': 'epub',
  '.xml': 'xml',
  '.tei': 'xml',
};

/**
 * UTF-8, or (when the bytes are not UTF-8) Windows-1252, the usual encoding of older text files.
 * The UTF-8 decoder drops a byte order mark, so no format's parser sees one.
 */
function decode(bytes: Uint8Array, warnings: string[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    warnings.push('the file is not UTF-8; it was read as Windows-1252 (Western European): check accented letters in source.txt.');
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Parses a file into the shared block tree. */
export async function parseDocument(bytes: Uint8Array, fileName: string): Promise<ImportedDocument> {
  const extension = path.extname(fileName).toLowerCase();
  const kind = FORMAT_BY_EXTENSION[extension];
  if (!kind) throw refusals.unknownFormat(fileName, extension);
  if (bytes.length > MAX_IMPORT_MB * 1024 * 1024) throw refusals.tooLarge(fileName, bytes.length / 1024 / 1024, MAX_IMPORT_MB);
  // Each format's parser is loaded only when a file of that format comes (mammoth and linkedom are not small).
  if (kind === 'docx') return (await import('./docx.ts')).importDocx(bytes, fileName);
  if (kind === 'epub') return (await import('./epub.ts')).importEpub(bytes, fileName);
  const warnings: string[] = [];
  const text = decode(bytes, warnings);
  const parse: Record<typeof kind, () => Promise<ImportedDocument>> = {
    text: async () => (await import('./text.ts')).importText(text),
    markdown: async () => (await import('./markdown.ts')).importMarkdown(text),
    html: async () => (await import('./html.ts')).importHtml(text),
    xml: async () => (await import('./tei.ts')).importTei(text, fileName),
  };
  let document: ImportedDocument;
  try {
    document = await parse[kind]();
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw refusals.corrupt(fileName, `${extension} file`, (error as Error).message.split('\n')[0]!);
  }
  document.warnings.unshift(...warnings);
  return document;
}

/** Imports one file: the reading's id, source.txt, reading.yaml and notices for the editor. */
export async function importFile(bytes: Uint8Array, options: Omit<ReadingOptions, 'bytes'>): Promise<ImportedReading> {
  const document = await parseDocument(bytes, options.fileName);
  return buildReading(document, { ...options, bytes });
}
