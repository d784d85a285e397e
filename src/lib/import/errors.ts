/**
 * Refusals of `npm run import`: one line each, naming the file, what is wrong and how to fix it,
 * never a stack trace. Tests pin every message.
 */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

export const SUPPORTED_EXTENSIONS = '.txt, .md, .html, .htm, .docx, .epub or TEI .xml';

export const refusals = {
  unknownFormat: (file: string, extension: string) =>
    new ImportError(
      `${file}: ${extension ? `"${extension}" files` : 'files without an extension'} cannot be imported; save or convert it as ${SUPPORTED_EXTENSIONS} and import that file.`,
    ),
  notTei: (file: string, root: string) =>
    new ImportError(`${file}: this XML file is not TEI P5 (its root element is <${root}>, not <TEI>); export the text as TEI P5, or save it as .txt or .html and import that.`),
  corrupt: (file: string, what: string, detail: string) =>
    new ImportError(`${file}: this is not a readable ${what} (${detail.replace(/\.$/, '')}); open it in the program that made it, save it again and import the new copy.`),
  encryptedDocx: (file: string) =>
    new ImportError(`${file}: the document is password-protected (encrypted), so its text cannot be read; remove the password in Word (File › Info › Protect Document › Encrypt with Password), save, and import the saved copy.`),
  encryptedEpub: (file: string, resource: string) =>
    new ImportError(`${file}: the book is encrypted (DRM) and its text cannot be read (${resource} is encrypted); import a DRM-free copy of the book.`),
  noText: (file: string) =>
    new ImportError(`${file}: no text was found to import; check that this is the right file and that its text is not only in images (scans need OCR first).`),
  noLanguage: (file: string) =>
    new ImportError(`${file}: the file does not say what language it is in; run the import again with --lang <code> (a BCP 47 tag such as en, de or grc).`),
  badLanguage: (value: string) =>
    new ImportError(`--lang "${value}" is not a language tag; write a BCP 47 tag such as en, en-GB, ar or grc.`),
  badId: (value: string, suggestion: string) =>
    new ImportError(`--id "${value}" is not a valid reading id; use lower-case letters, digits and single hyphens${suggestion ? `, e.g. "${suggestion}"` : ''}.`),
  idTaken: (file: string, id: string, folder: string) =>
    new ImportError(`${file}: a reading with the id "${id}" already exists (${folder}/); choose another id with --id <new-id>, or replace its text with --force (its notes are then re-checked).`),
  tooLarge: (file: string, megabytes: number, limit: number) =>
    new ImportError(`${file}: the file is ${megabytes.toFixed(1)} MB, over the ${limit} MB an import reads; split the work into parts (one per volume or chapter) and import each.`),
};
