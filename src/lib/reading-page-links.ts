/** Addresses and order of a reading's pages, shared by the page route, the lists of links and tests. */
import type { ReadingPageAudience } from '../schemas/reading-page.ts';

/** `/read/<reading>/<page>/`, without the site's base (pass it through `withBase`). */
export const readingPagePath = (reading: string, page: string) => `/read/${reading}/${page}/`;

interface ListedPage {
  reading: string;
  page: string;
  order: number;
  audience: ReadingPageAudience;
}

/** A reading's pages for students, by `order` (then id, so equal orders still list the same way each build). */
export function studentPages<P extends ListedPage>(pages: readonly P[], reading: string): P[] {
  return pages
    .filter((page) => page.reading === reading && page.audience === 'students')
    .sort((a, b) => a.order - b.order || (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
}
