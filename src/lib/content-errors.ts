/**
 * Errors written for editors. Every problem says what is wrong, where (file and line or field) and
 * how to fix it, under a stable kind key. The catalogue below is the single list of kinds: the README
 * and the authoring guide print it, and tests pin each message.
 */
export const ERROR_KINDS = {
  'missing-file': 'A file the reading needs is not there.',
  'invalid-yaml': 'A YAML file could not be parsed.',
  'invalid-field': 'A field has the wrong type or value, or a required field is missing.',
  'unknown-field': 'A field name is not part of the schema (often a typo).',
  'source-hash-mismatch': 'The source text differs from the sha256 recorded in reading.yaml.',
  'passage-uncovered': 'A block of the source text is not covered by any passage.',
  'passage-overlap': 'Two passages claim the same line of the source text.',
  'passage-misaligned': 'A passage\u2019s lines do not match a block of the source text exactly.',
  'duplicate-id': 'Two entries share an id that must be unique.',
  'unknown-section': 'A passage names a section that reading.yaml does not define.',
  'unknown-reading': 'A folder under annotations/ or a `<PassageRef reading>` names a reading that does not exist.',
  'unknown-passage': 'A note or a `<PassageRef>` names a passage id that is not in the reading\u2019s passage map.',
  'phrase-not-found': 'A note\u2019s `exact` phrase (with its prefix/suffix) does not occur in its passage.',
  'phrase-ambiguous': 'A note\u2019s `exact` phrase occurs more than once in its passage and prefix/suffix do not pick one.',
  'mark-not-found': 'An inline mark\u2019s words (in reading.yaml `marks`) are not in its passage, the occurrence it asks for does not exist, or they occur more than once and no `occurrence` picks one.',
  'unknown-term': 'A glossary term id (in `terms`, `related` or `<Term id>`) is not defined.',
  'unknown-source': 'A source key (in `sources` or `<Cite id>`) is not in annotations/sources.yaml.',
  'duplicate-alias': 'A glossary headword or alias is used twice (matching ignores case).',
  'mdx-syntax': 'The MDX body of a note or term cannot be parsed.',
  'invalid-component': 'An author component is unknown or has a missing, unknown or invalid prop.',
  'correction-not-editorial': '`correction` is set on a note that is neither `kind: editorial` nor `kind: apparatus`.',
  'invalid-scope': '`scope: reading` is combined with a passage or phrase, or used for a note that is not a question.',
  'invalid-file-name': 'A reading folder, note or glossary file name is not a valid id (lower-case words joined by hyphens), or a file under annotations/ is where nothing is read.',
  'invalid-encoding': 'A content file is not plain UTF-8 text: invalid bytes, control characters, or (in a source text) a byte order mark or CR line endings.',
  'file-too-large': 'A note, glossary file, source text or YAML file is over its size limit (set in reader.config.yaml).',
  'unsafe-file': 'A symbolic link leads outside the project: what it points to would be published.',
  'unreadable-file': 'A path that should be a file is a folder, a device or a pipe, or it could not be read or checked.',
  'unsafe-html': 'A note or glossary body uses an HTML element or attribute outside the allowlist (scripts, embeds, forms, styles, event handlers …).',
  'invalid-annotation-file': 'A file in an annotation layer (annotations/<reading>/layers/<layer>/) is not valid JSON, or is neither a Hypothesis export nor a W3C Web Annotation collection.',
  'invalid-csl': 'A citation style or locale file in `src/content/csl/` is not one the CSL processor can use: not XML, not a CSL `<style>` or `<locale>`, a dependent style (which only names its parent), or a style without `<citation>` or `<bibliography>`.',
  'unsafe-url': 'A URL or DOI is outside the policy: links may be http(s), mailto:, a path on this site or a fragment; images only a path on this site; URLs in reading.yaml and sources.yaml absolute http(s); a DOI bare (10.NNNN/suffix).',
} as const;

export type ErrorKind = keyof typeof ERROR_KINDS;

/** One thing an editor must fix. */
export interface ContentProblem {
  kind: ErrorKind;
  /** Path relative to the project root, as the editor would open it. */
  file: string;
  /** 1-based line in `file`, when the problem has one. */
  line?: number | undefined;
  /** Dotted path of the field, e.g. `passages[3].lines`. */
  field?: string | undefined;
  message: string;
  /** What to do about it, in the imperative. */
  fix?: string | undefined;
}

/** Formats one problem as `file:line (field) [kind] message` plus an indented fix line. */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? ` (${problem.field})` : '';
  const fix = problem.fix ? `\n    fix: ${problem.fix}` : '';
  return `  ${where}${field} [${problem.kind}] ${problem.message}${fix}`;
}

/** Thrown once with every problem found, so an editor fixes them all in one round. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`Content check failed with ${count}:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** Throws a ContentError when `problems` is not empty. */
export function throwIfProblems(problems: ContentProblem[]): void {
  if (problems.length > 0) throw new ContentError(problems);
}

/**
 * The closest candidate to `value` by edit distance, for "did you mean …" hints; undefined when
 * nothing is close enough to be a plausible typo.
 */
export function closestMatch(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(2, Math.floor(value.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

/** "did you mean `x`?" when a close candidate exists, else a fallback listing the choices. */
export function didYouMean(value: string, candidates: readonly string[], noun: string): string {
  const close = closestMatch(value, candidates);
  if (close) return `did you mean "${close}"?`;
  const shown = candidates.slice(0, 8).map((c) => `"${c}"`).join(', ');
  const more = candidates.length > 8 ? `, … (${candidates.length} in all)` : '';
  return candidates.length ? `use one of the known ${noun}s: ${shown}${more}` : `define the ${noun} first`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}
