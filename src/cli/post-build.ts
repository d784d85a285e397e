import { offlineStep } from './offline.ts';
import { searchIndexStep } from './search-index.ts';
import { sitemapStep } from './sitemap.ts';
import { trimCspStep } from './trim-csp.ts';

/**
 * Steps that run on the finished HTML before it replaces the previous build. Each step throws to
 * fail the build; nothing is swapped into place until all of them succeed.
 */
export interface PostBuildContext {
  /** The temporary output folder holding the new build. */
  outDir: string;
  projectRoot: string;
}

export interface PostBuildStep {
  name: string;
  run: (context: PostBuildContext) => Promise<void>;
}

export const postBuildSteps: PostBuildStep[] = [
  // Rewrites each page's policy <meta>, so it runs before any step that reads the HTML.
  trimCspStep,
  // Indexes the finished pages, so keep it after any step that changes their HTML.
  searchIndexStep,
  sitemapStep,
  // Hashes every file the reader can open, so it runs last, on the finished site.
  offlineStep,
];
