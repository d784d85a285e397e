/**
 * Plain text, and Project Gutenberg's plain-text ebooks. A block is a run of non-blank lines, kept
 * as written (line breaks and indentation too); its role is read from its shape: a short line
 * such as "CHAPTER I." or one in capitals is a heading, a run of bullets or a table of contents a
 * list, "by …" an attribution, a run of lines much shorter than the text's own width a stanza.
 *
 * A Gutenberg file's header (the licence notice, title, author, release date, language, credits)
 * and its licence after the end of the text are recognised by the start and end lines Project
 * Gutenberg puts round every text, left out of the passages, and recorded in provenance.omitted.
 */
import { emptyDocument, languageByName, oneLine, withoutControls, type ImportBlock, type ImportedDocument } from './model.ts';

const START = /^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b.*$/im;
const END = /^\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b.*$/im;
const OLD_SMALL_PRINT_END = /^\*END\*THE SMALL PRINT!.*$/im;
// [ \t]*, not \s*: \s would start the match on the blank lines before the closing line.
const OLD_END = /^[ \t]*End of (?:the |this )?Project Gutenberg(?:'s)? .*$/im;

export const isGutenberg = (text: string) => START.test(text) || OLD_SMALL_PRINT_END.test(text);

/** LF line endings, no control characters; a form feed is a break between blocks. */
export function normaliseText(text: string): string {
  return withoutControls(text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n\n'));
}

const lineNumberAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** Imports a plain-text file (Gutenberg or not). */
export function importText(raw: string): ImportedDocument {
  const text = normaliseText(raw);
  if (!isGutenberg(text)) {
    const document = emptyDocument('text');
    document.blocks = textBlocks(text);
    return document;
  }
  return importGutenberg(text);
}

function importGutenberg(text: string): ImportedDocument {
  const document = emptyDocument('gutenberg');
  const start = START.exec(text) ?? OLD_SMALL_PRINT_END.exec(text)!;
  const bodyStart = start.index + start[0].length;
  const afterStart = text.slice(bodyStart);
  const endMatch = END.exec(afterStart) ?? OLD_END.exec(afterStart);
  const bodyEnd = endMatch ? bodyStart + endMatch.index : text.length;
  const header = text.slice(0, start.index);
  let body = text.slice(bodyStart, bodyEnd);
  const totalLines = text.replace(/\n+$/, '').split('\n').length;

  const field = (name: string) => {
    const found = new RegExp(`^${name}:[ \\t]*(.+(?:\\n[ \\t]+\\S.*)*)`, 'im').exec(header);
    return oneLine(found?.[1]);
  };
  const title = field('Title');
  if (title) document.title = title;
  const author = field('Author');
  // Stryker disable next-line ConditionalExpression: an empty author field splits to [''], which the filter drops, leaving the empty list the document already has.
  if (author) document.authors = author.split(/\s+and\s+|;\s*/).filter(Boolean);
  const language = field('Language');
  // Stryker disable next-line ConditionalExpression: an empty language name finds no code in languageByName, so the guarded branch then sets nothing.
  if (language) {
    const code = languageByName(language.split(/[,;]| and /)[0]!);
    if (code) document.language = code;
  }
  const published = field('Original publication');
  const year = published ? /\b(1[0-9]{3}|20[0-9]{2})\b/.exec(published)?.[1] : undefined;
  if (year) document.date = year;
  const ebook = /\[E(?:-?Book|Text) #(\d+)\]/i.exec(header)?.[1];
  if (ebook) document.origin = { url: `https://www.gutenberg.org/ebooks/${ebook}`, site: 'Project Gutenberg', title };
  document.licence = { name: 'Project Gutenberg License', url: 'https://www.gutenberg.org/policy/license.html' };

  const headerLines = lineNumberAt(text, bodyStart);
  document.omitted.push(`the Project Gutenberg header, lines 1-${headerLines} of the file (licence notice, title, author, release date, language, credits and the start line)`);

  // Transcribers' credits just inside the start line, and an old-style closing line, are Project Gutenberg's too.
  const produced = /^\s*((?:Produced|Transcribed|E-text prepared) by\b[\s\S]*?)(?:\n[ \t]*\n|$)/i.exec(body);
  if (produced) {
    document.omitted.push(`the transcribers' credit at the start of the text ("${oneLine(produced[1]).slice(0, 80)}")`);
    body = body.slice(produced[0].length);
  }
  const oldEnd = OLD_END.exec(body);
  if (oldEnd && body.slice(oldEnd.index + oldEnd[0].length).trim() === '') {
    document.omitted.push(`the closing line "${oldEnd[0].trim()}"`);
    body = body.slice(0, oldEnd.index);
  }
  if (endMatch) {
    const footerFirst = lineNumberAt(text, bodyEnd);
    document.omitted.push(`the end line and the Project Gutenberg licence after the text, lines ${footerFirst}-${totalLines} of the file`);
  }
  document.blocks = textBlocks(body, title);
  return document;
}

/** Words that open a heading line, by how deep they divide the work. */
const HEADING_WORDS: [RegExp, number][] = [
  [/^(VOLUME|VOL\.)\s/i, 1],
  [/^(BOOK|PART)\s/i, 2],
  [/^(CHAPTER|CHAP\.|ACT|CANTO|STAVE|LETTER|SECTION)\b/i, 3],
  [/^SCENE\b/i, 4],
];
const FRONT_MATTER = /^(PREFACE|INTRODUCTION|PROLOGUE|EPILOGUE|APPENDIX|CONTENTS|FOREWORD|AFTERWORD|CONCLUSION|DEDICATION|NOTES?|GLOSSARY|INDEX|THE END)\.?$/i;
const ROMAN = /^[IVXLC]+\.?$/;
const BULLET = /^\s*(?:[-*•·–]|\d{1,3}[.)]|[a-z][.)])\s+\S/;

// Upper case first, so that letters that fold to two ("ß", "ﬁ") compare with the capitals that spell them ("SS", "FI").
const comparable = (text: string) => oneLine(text).toUpperCase().toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '');

function headingDepth(lines: readonly string[]): number | undefined {
  if (lines.length > 2 || lines.some((line) => line.trim().length > 70)) return undefined;
  const first = lines[0]!.trim();
  for (const [pattern, depth] of HEADING_WORDS) if (pattern.test(first)) return depth;
  if (lines.length === 1 && (ROMAN.test(first) || FRONT_MATTER.test(first))) return ROMAN.test(first) ? 3 : 0;
  const letters = first.replace(/[^\p{L}]/gu, '');
  const capitals = letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  if (lines.length === 1 && capitals && !/[,;]$/.test(first)) return 0;
  return undefined;
}

/** Splits text into blocks and gives each a role. */
export function textBlocks(text: string, title?: string): ImportBlock[] {
  const raw = text
    .split(/\n[ \t]*\n/)
    .map((block) => block.split('\n').map((line) => line.replace(/[ \t]+$/, '')).filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0);
  // The width the text is wrapped at: a stanza's lines stay well inside it.
  const lengths = raw.filter((lines) => lines.length > 1).flatMap((lines) => lines.map((line) => line.length)).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)] ?? 0;

  const blocks: ImportBlock[] = raw.map((lines, index) => {
    const text = lines.join('\n');
    const block = (role: ImportBlock['role'], depth?: number): ImportBlock => ({ role, text, spans: [], ...(depth === undefined ? {} : { depth }) });
    if (index === 0 && title && comparable(text) === comparable(title)) return block('heading', -1);
    const depth = headingDepth(lines);
    if (depth !== undefined) return block('heading', depth);
    if (lines.length === 1 && /^by\s+\S/i.test(lines[0]!.trim()) && lines[0]!.length <= 80) return block('attribution');
    if (lines.length >= 2 && lines.every((line) => BULLET.test(line))) return block('list');
    const contentsLike = lines.filter((line) => HEADING_WORDS.some(([p]) => p.test(line.trim())) || /\s\d+$/.test(line)).length;
    if (lines.length >= 2 && contentsLike / lines.length >= 0.6) return block('list');
    if (lines.length >= 4 && width >= 50 && lines.every((line) => line.length <= width * 0.75)) return block('verse');
    const indents = lines.map((line) => line.length - line.trimStart().length);
    if (lines.length >= 2 && Math.min(...indents) >= 2 && Math.max(...indents) <= 8) return block('quote');
    return block('paragraph');
  });
  // Front matter and lines in capitals sit at the outermost depth the text's own headings use.
  const keywordDepths = blocks.filter((b) => b.role === 'heading' && (b.depth ?? 0) > 0).map((b) => b.depth!);
  const outer = keywordDepths.length ? Math.min(...keywordDepths) : 2;
  for (const block of blocks) if (block.role === 'heading' && block.depth === 0) block.depth = outer;
  return blocks;
}
