/**
 * Size limits of content files. A file is measured before it is read, so a runaway export or a
 * hostile file is refused at once instead of being parsed, rendered into every page and published.
 * The defaults and their reasons are in src/schemas/reader-config.ts; a project changes them in
 * reader.config.yaml, which each message names.
 */
import type { ContentProblem } from './content-errors.ts';
import { LimitsSchema, type ContentLimits } from '../schemas/reader-config.ts';

export const CONFIG_FILE = 'reader.config.yaml';

export const KB = 1024;
export const MB = 1024 * KB;

export const DEFAULT_LIMITS: ContentLimits = LimitsSchema.parse(undefined);

/** Which limit a file is measured against. */
export type LimitName = keyof ContentLimits;

const UNIT: Record<LimitName, number> = { noteKB: KB, sourceMB: MB, yamlKB: KB };
const UNIT_NAME: Record<LimitName, string> = { noteKB: 'KB', sourceMB: 'MB', yamlKB: 'KB' };

/** The limit in bytes. */
export const limitBytes = (limits: ContentLimits, name: LimitName) => limits[name] * UNIT[name];

const formatSize = (bytes: number) => (bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / KB).toFixed(1)} KB`);

const WHAT: Record<LimitName, { noun: string; shorten: string }> = {
  noteKB: { noun: 'a note or glossary file', shorten: 'split it into shorter notes' },
  sourceMB: { noun: 'a source text', shorten: 'split the work into several readings (one per part or chapter)' },
  yamlKB: { noun: 'a YAML file', shorten: 'split the content' },
};

/** The problem for a file of `size` bytes over its limit. */
export function fileTooLarge(file: string, size: number, limits: ContentLimits, name: LimitName): ContentProblem {
  const unit = UNIT_NAME[name];
  const needed = Math.ceil(size / UNIT[name]);
  return {
    kind: 'file-too-large',
    file,
    message: `the file is ${formatSize(size)}; ${WHAT[name].noun} may be at most ${limits[name]} ${unit}.`,
    fix: `${WHAT[name].shorten}, or raise the limit for this project: \`limits: { ${name}: ${needed} }\` in ${CONFIG_FILE}.`,
  };
}
