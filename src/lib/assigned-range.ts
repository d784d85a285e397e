/**
 * Names shared by the course pages, which write a session's links, and the reading page's small
 * script that shows the assigned part when a reader arrives by one (src/scripts/ar-assigned.ts).
 * Kept apart from src/lib/course.ts so the script does not bundle the course model's renderer.
 *
 * A session's link carries its assignment in the query string (`?assigned=<course>.<session>.<n>`)
 * and the first passage in the fragment (`#p-<id>`). Without JavaScript the fragment alone lands
 * on the passage; with it, the key picks that part's banner from the course's banners
 * (`/courses/<course>/assigned.json`).
 */

/** The query-string name of the assignment a reader arrived by. */
export const ASSIGNED_PARAM = 'assigned';

/**
 * The key of one assigned part: ids are lower-case words joined by hyphens, so a dot cannot occur
 * in them and the key splits back unambiguously. `part` counts from 1 within the session.
 */
export const assignedKey = (course: string, session: string, part: number) => `${course}.${session}.${part}`;

/** The course a key names: its first part (ids cannot hold a dot). */
export const courseOfAssignedKey = (key: string): string | undefined => /^([a-z0-9-]+)\.[a-z0-9-]+\.\d+$/.exec(key)?.[1];

export const ASSIGNED_DATA = {
  /** Set by the script on each passage of the range the reader arrived for; the stylesheet marks them. */
  mark: 'data-assigned',
} as const;
