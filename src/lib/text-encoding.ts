/**
 * Is a content file plain text? Node's `toString('utf8')` turns invalid bytes into U+FFFD without a
 * word, and a NUL or ESC byte travels from source.txt into every page and makes the EPUB's XHTML
 * ill-formed. So every content file's bytes are scanned once before they are decoded, and each kind
 * of defect is reported once (where it first occurs, with how often it recurs), with the byte offset,
 * the line and a fix. Pure: bytes in, findings and problems out.
 */
import type { ContentProblem } from './content-errors.ts';

export interface TextRules {
  /** A UTF-8 byte order mark is tolerated (YAML and MDX parsers skip it; a source text must not have one). */
  allowBom: boolean;
  /** CR LF or lone CR line endings are tolerated (they are not in source.txt, whose lines the passage map counts). */
  allowCarriageReturns: boolean;
}

/** One kind of defect: where it first occurs and how many times it occurs in all. */
export type TextFinding =
  | { type: 'bom' }
  | { type: 'invalid-utf8'; offset: number; line: number; byte: number; count: number }
  | { type: 'control'; offset: number; line: number; codePoint: number; count: number }
  | { type: 'line-endings'; offset: number; line: number; crlf: number; cr: number };

const BOM = [0xef, 0xbb, 0xbf] as const;

/** Length of the valid UTF-8 sequence at `i` and its code point, or undefined (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
function utf8At(bytes: Uint8Array, i: number): { length: number; codePoint: number } | undefined {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return { length: 1, codePoint: b0 };
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) length = 2;
  else if (b0 >= 0xe0 && b0 <= 0xef) {
    length = 3;
    if (b0 === 0xe0) low = 0xa0;
    if (b0 === 0xed) high = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    length = 4;
    if (b0 === 0xf0) low = 0x90;
    if (b0 === 0xf4) high = 0x8f;
  } else return undefined;
  if (i + length > bytes.length) return undefined;
  let codePoint = b0 & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const b = bytes[i + k]!;
    if (k === 1 ? b < low || b > high : b < 0x80 || b > 0xbf) return undefined;
    codePoint = (codePoint << 6) | (b & 0x3f);
  }
  return { length, codePoint };
}

/**
 * Control characters that are not text: C0 except tab, LF (and CR, judged as a line ending), DEL,
 * the C1 block (what Windows-1252 text decoded as Latin-1 leaves behind), and U+FFFE/U+FFFF, which
 * XML (and so the EPUB) does not allow.
 */
export const isForbiddenControl = (cp: number) =>
  (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f) || cp === 0xfffe || cp === 0xffff;

/** Every kind of defect in `bytes`, in a fixed order: BOM, invalid UTF-8, control characters, line endings. */
export function scanText(bytes: Uint8Array, rules: TextRules): TextFinding[] {
  const hasBom = BOM.every((b, k) => bytes[k] === b);
  let invalid: Extract<TextFinding, { type: 'invalid-utf8' }> | undefined;
  let control: Extract<TextFinding, { type: 'control' }> | undefined;
  let endings: Extract<TextFinding, { type: 'line-endings' }> | undefined;
  let line = 1;
  for (let i = hasBom ? 3 : 0; i < bytes.length; ) {
    const char = utf8At(bytes, i);
    if (!char) {
      if (invalid) invalid.count++;
      else invalid = { type: 'invalid-utf8', offset: i, line, byte: bytes[i]!, count: 1 };
      i++;
      continue;
    }
    const cp = char.codePoint;
    if (cp === 0x0a) line++;
    else if (cp === 0x0d && !rules.allowCarriageReturns) {
      endings ??= { type: 'line-endings', offset: i, line, crlf: 0, cr: 0 };
      if (bytes[i + 1] === 0x0a) endings.crlf++;
      else {
        endings.cr++;
        // A lone CR ends a line for an editor, so later findings should count it as one.
        line++;
      }
    } else if (isForbiddenControl(cp)) {
      if (control) control.count++;
      else control = { type: 'control', offset: i, line, codePoint: cp, count: 1 };
    }
    i += char.length;
  }
  const findings: TextFinding[] = [];
  if (hasBom && !rules.allowBom) findings.push({ type: 'bom' });
  for (const finding of [invalid, control, endings]) if (finding) findings.push(finding);
  return findings;
}

const C0_NAMES = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'TAB', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
];

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');

function describeControl(cp: number): string {
  const code = `U+${hex(cp, 4)}`;
  if (cp < 0x20) return `${code} (${C0_NAMES[cp]}), a control character`;
  if (cp === 0x7f) return `${code} (DEL), a control character`;
  if (cp <= 0x9f) return `${code}, a C1 control character (often left by text decoded as Latin-1)`;
  return `${code}, which is not a character`;
}

const more = (count: number, what: string) => (count > 1 ? ` (${count - 1} more ${what}${count === 2 ? '' : 's'} later in the file)` : '');

/**
 * The findings as problems for `file`. `name` is the file's own name, for the commands in the fixes;
 * `afterFix` is appended to each fix (for source.txt: how to get the new sha256).
 */
export function textProblems(bytes: Uint8Array, file: string, rules: TextRules, afterFix = ''): ContentProblem[] {
  const name = file.split('/').at(-1)!;
  const then = afterFix ? `; ${afterFix}` : '';
  return scanText(bytes, rules).map((finding): ContentProblem => {
    switch (finding.type) {
      case 'bom':
        return {
          kind: 'invalid-encoding',
          file,
          line: 1,
          message: 'the file starts with a byte order mark (bytes EF BB BF), which would become part of the text.',
          fix: `save it as "UTF-8" rather than "UTF-8 with BOM" (or run \`sed -i '1s/^\\xEF\\xBB\\xBF//' ${name}\`)${then}.`,
        };
      case 'invalid-utf8':
        return {
          kind: 'invalid-encoding',
          file,
          line: finding.line,
          message: `byte ${finding.offset} (0x${hex(finding.byte, 2)}) is not valid UTF-8${more(finding.count, 'invalid byte')}; the file is probably in another encoding, such as Windows-1252 or Latin-1.`,
          fix: `convert the file to UTF-8 (e.g. \`iconv -f WINDOWS-1252 -t UTF-8 ${name} > converted && mv converted ${name}\`) and check the accented letters and quotes it contains${then}.`,
        };
      case 'control':
        return {
          kind: 'invalid-encoding',
          file,
          line: finding.line,
          message: `byte ${finding.offset} is ${describeControl(finding.codePoint)}${more(finding.count, 'such character')}; text may contain tabs and line breaks but no other control characters.`,
          fix: `delete it, or replace it with the character that was meant (\`grep -naP '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]' ${name}\` lists the lines with C0 controls)${then}.`,
        };
      case 'line-endings': {
        const kinds = [
          finding.crlf ? `Windows line endings (CR LF) on ${finding.crlf} line${finding.crlf === 1 ? '' : 's'}` : '',
          finding.cr ? `old Mac line endings (CR alone) on ${finding.cr} line${finding.cr === 1 ? '' : 's'}` : '',
        ].filter(Boolean);
        const crlf = `\`sed -i 's/\\r$//' ${name}\``;
        const cr = `\`tr '\\r' '\\n' < ${name} > converted && mv converted ${name}\``;
        const command = finding.crlf && finding.cr ? `${crlf}, then ${cr}` : finding.cr ? cr : `${crlf} or \`dos2unix ${name}\``;
        return {
          kind: 'invalid-encoding',
          file,
          line: finding.line,
          message: `byte ${finding.offset} is a carriage return: the text has ${kinds.join(' and ')}; lines must end with LF alone, as the passage map counts them.`,
          fix: `convert the line endings to LF (${command}, or choose "LF" in your editor)${then}.`,
        };
      }
    }
  });
}
