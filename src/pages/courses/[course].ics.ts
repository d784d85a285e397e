/**
 * `/courses/<course>.ics`: the course's dated sessions as all-day calendar events (src/lib/ical.ts),
 * each linking to its session on the syllabus.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { courseStaticPaths, type CourseProps } from '../../lib/course-routes.ts';
import { courseCalendar } from '../../lib/ical.ts';
import { editionDate } from '../../lib/reading-citation.ts';
import { withBase } from '../../lib/urls.ts';

export const getStaticPaths = courseStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { course } = props as CourseProps;
  const origin = site ?? new URL('http://localhost/');
  const body = courseCalendar(course.data, { syllabusUrl: new URL(withBase(course.data.syllabusPath), origin).href, host: origin.hostname, stamp: editionDate() });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
