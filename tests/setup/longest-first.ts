/**
 * The order Vitest starts test files in: longest first, so the two files that run at a time end
 * together instead of one long file running alone at the end. Vitest orders by the durations it
 * cached from the last run; a fresh clone has none, and by file size (its fallback) the longest
 * suites, a short file sweeping every page, came last and CI ran three minutes longer.
 */
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds each file took on two cores with nothing beside it (`tests/.output/vitest.json`,
 * 2026-12-03), for files of 10 s or more; a hint for the order only. Files not listed come after,
 * largest first.
 */
const SECONDS: Record<string, number> = {
  'browser:tests/browser/every-page.test.ts': 205,
  'browser:tests/browser/csp-and-requests.test.ts': 141,
  'browser:tests/browser/search.test.ts': 100,
  'browser-subpath:tests/browser/csp-and-requests.test.ts': 109,
  'browser:tests/browser/focus-not-obscured.test.ts': 80,
  'browser:tests/browser/scripts-and-verse.test.ts': 75,
  'browser:tests/browser/any-text.test.ts': 60,
  'browser-subpath:tests/browser/search.test.ts': 55,
  'browser:tests/browser/section-pages.test.ts': 50,
  'browser-subpath:tests/browser/section-pages.test.ts': 45,
  'browser:tests/browser/reader-tools.test.ts': 41,
  'fixtures:tests/fixtures/build.test.ts': 39,
  'browser-subpath:tests/browser/reader-tools.test.ts': 38,
  'fixtures:tests/fixtures/hostile.test.ts': 30,
  'fixtures:tests/fixtures/dev-errors.test.ts': 22,
  'browser:tests/browser/reader-tools-settings.test.ts': 21,
  'browser:tests/browser/course.test.ts': 19,
  'browser:tests/browser/annotations.test.ts': 18,
  'browser:tests/browser/reader-tools-keyboard.test.ts': 18,
  'browser-subpath:tests/browser/course.test.ts': 18,
  'browser:tests/browser/layers.test.ts': 17,
  'browser:tests/browser/offline.test.ts': 17,
  'fixtures:tests/fixtures/courses.test.ts': 17,
  'browser:tests/browser/apparatus.test.ts': 16,
  'browser-subpath:tests/browser/offline.test.ts': 15,
  'browser-subpath:tests/browser/reader.test.ts': 15,
  'site:tests/site/html-validity.test.ts': 14,
  'browser:tests/browser/reader-tools-cite.test.ts': 14,
  'browser:tests/browser/reader.test.ts': 12,
  'browser-subpath:tests/browser/reader-tools-cite.test.ts': 11,
  'browser:tests/browser/states-screenshots.test.ts': 10,
};

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const key = (spec: TestSpecification) => `${spec.project.name}:${path.relative(root, spec.moduleId).split(path.sep).join('/')}`;
    const seconds = (spec: TestSpecification) => {
      const cached = this.ctx.cache.getFileTestResults(key(spec))?.duration;
      return cached !== undefined ? cached / 1000 : SECONDS[key(spec)];
    };
    const size = (spec: TestSpecification) => this.ctx.cache.getFileStats(key(spec))?.size ?? 0;
    return [...files].sort((a, b) => (seconds(b) ?? -1) - (seconds(a) ?? -1) || size(b) - size(a));
  }
}
