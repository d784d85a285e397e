/**
 * Reading the zip containers of .docx and .epub with fflate (already a dependency): the files an
 * importer asks for, as text, or a refusal naming the file when the archive is damaged or encrypted.
 */
import { strFromU8, unzipSync, type Unzipped } from 'fflate';
import { refusals } from './errors.ts';

/** An OLE compound file: what Word writes for an encrypted document (and for the old .doc format). */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const isOleCompound = (bytes: Uint8Array) => OLE_SIGNATURE.every((byte, index) => bytes[index] === byte);

export function unzip(bytes: Uint8Array, fileName: string, what: string): Unzipped {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw refusals.corrupt(fileName, what, 'it is not a zip archive');
  try {
    return unzipSync(bytes);
  } catch (error) {
    throw refusals.corrupt(fileName, what, `the zip archive is damaged: ${(error as Error).message}`);
  }
}

/** A member of the archive as UTF-8 text, or undefined when it is not there. */
export function member(files: Unzipped, path: string): string | undefined {
  const bytes = files[path] ?? files[Object.keys(files).find((name) => name.toLowerCase() === path.toLowerCase()) ?? ''];
  return bytes ? strFromU8(bytes).replace(/^\uFEFF/, '') : undefined;
}
