/**
 * `/courses/<course>/assigned.json`: what the reading page's banner says for each part the course
 * assigns, by the key a session's link carries (`?assigned=<key>`). Fetched only by a page opened
 * from such a link (src/scripts/ar-assigned.ts): the reading pages themselves carry none of it, so
 * their weight does not grow with every course that assigns them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { courseStaticPaths, type CourseProps } from '../../../lib/course-routes.ts';
import { assignedBanners } from '../../../lib/course.ts';
import { withBase } from '../../../lib/urls.ts';

export const getStaticPaths = courseStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { course } = props as CourseProps;
  return new Response(JSON.stringify(assignedBanners(course.data, withBase)), { headers: { 'Content-Type': 'application/json' } });
};
