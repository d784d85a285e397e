/**
 * Splits an MDX file into YAML frontmatter and body, keeping line numbers: problems in the
 * frontmatter point at the field's own line, problems in the body at the body line in the file.
 */
export interface SplitFile {
  /** The YAML between the `---` fences, or undefined when the file has no frontmatter. */
  frontmatter: string | undefined;
  /** Line of the file where the frontmatter's first line is (2: right after the opening fence). */
  frontmatterLine: number;
  body: string;
  /** Line of the file where the body's first line is; body line n is file line `bodyLine + n - 1`. */
  bodyLine: number;
}

export function splitFrontmatter(text: string): SplitFile {
  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const match = /^---[ \t]*\r?\n([\s\S]*?)(?:^|\r?\n)---[ \t]*(?:\r?\n|$)/m.exec(content);
  if (!match || match.index !== 0) return { frontmatter: undefined, frontmatterLine: 1, body: content, bodyLine: 1 };
  const consumed = match[0];
  const linesConsumed = consumed.split(/\r?\n/).length - (/\r?\n$/.test(consumed) ? 1 : 0);
  return {
    frontmatter: match[1]!,
    frontmatterLine: 2,
    body: content.slice(consumed.length),
    bodyLine: linesConsumed + 1,
  };
}
