/**
 * The banner of a reading page opened from a course session's link (`?assigned=<key>`): loaded by
 * site.ts only then. It fetches the course's banners (`/courses/<course>/assigned.json`), shows
 * the one for that part at the top of the reading and marks its passages in the margin; the rest
 * of the text stays as it is. The banner sticks to the top of the screen, so the page's scroll
 * padding grows by its height: a passage reached by its link or a control reached by Tab is never
 * hidden under it. Without JavaScript the link's fragment alone lands on the first passage.
 */
import { ASSIGNED_DATA, ASSIGNED_PARAM, courseOfAssignedKey } from '../lib/assigned-range.ts';
import { CLASS, passageAnchor } from '../lib/constants.ts';
import type { AssignedBanner } from '../lib/course.ts';
import { sectionIndexOfAnchor, SPLIT_READING_ATTRIBUTE } from '../lib/reading-layout.ts';
import { passagePages } from './section-pages.ts';
import { stylesheet } from './stylesheets.ts';
// As a URL: a plain CSS import would be hoisted by Astro into every page's inlined CSS.
import assignedStyles from '../styles/assigned.css?url';

/**
 * Whether this section page lies wholly inside the part: its section comes after the one holding
 * the part's first passage and before the one holding its last (from the reading's page map).
 */
async function pageWithinPart(part: AssignedBanner): Promise<boolean> {
  const reading = document.querySelector(`[${SPLIT_READING_ATTRIBUTE}]`)?.getAttribute(SPLIT_READING_ATTRIBUTE);
  const here = document.querySelector<HTMLElement>(`.${CLASS.passage}`)?.id;
  const map = reading && here ? await passagePages(reading) : undefined;
  if (!map || !here) return false;
  const indexOf = (anchor: string) => sectionIndexOfAnchor(map, anchor) ?? -1;
  const [from, page, to] = [indexOf(passageAnchor(part.from)), indexOf(here), indexOf(passageAnchor(part.to))];
  return from >= 0 && from < page && page < to;
}

export async function showAssignedPart(): Promise<void> {
  const key = new URLSearchParams(location.search).get(ASSIGNED_PARAM);
  const course = key ? courseOfAssignedKey(key) : undefined;
  // After the reading's title block, before its contents: where the reader starts.
  const header = document.querySelector('.reading-header');
  if (!key || !course || !header) return;
  const response = await fetch(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}courses/${encodeURIComponent(course)}/assigned.json`).catch(() => undefined);
  const banners = response?.ok ? ((await response.json()) as Record<string, AssignedBanner>) : {};
  const part = Object.hasOwn(banners, key) ? banners[key] : undefined;
  const first = part && document.getElementById(passageAnchor(part.from));
  const last = part && document.getElementById(passageAnchor(part.to));
  // A part may run over several section pages of a long reading: the share of it on this page is
  // marked, all of it on a page between its first and its last.
  if (!part || (!first && !last && !(await pageWithinPart(part)))) return;

  await stylesheet(assignedStyles);
  const banner = document.createElement('aside');
  banner.className = 'assigned-banner';
  banner.setAttribute('aria-label', 'Assigned reading');
  const line = banner.appendChild(document.createElement('p'));
  line.append(Object.assign(document.createElement('strong'), { textContent: part.heading }), ` ${part.context} `);
  line.append(Object.assign(document.createElement('a'), { href: part.syllabus, textContent: 'Back to the syllabus' }));
  header.after(banner);

  let inside = !first;
  for (const passage of document.querySelectorAll<HTMLElement>(`.${CLASS.passage}`)) {
    if (passage === first) inside = true;
    if (inside) passage.setAttribute(ASSIGNED_DATA.mark, '');
    if (passage === last) break;
  }
  const root = document.documentElement;
  const padding = parseFloat(getComputedStyle(root).scrollPaddingTop) || 0;
  root.style.scrollPaddingTop = `${padding + banner.getBoundingClientRect().height}px`;
  // The fragment was scrolled to before the banner took its place at the top.
  if (first && location.hash === `#${first.id}`) first.scrollIntoView({ block: 'start' });
}
