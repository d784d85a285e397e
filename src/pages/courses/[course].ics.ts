/**
 * `/courses/<course>.ics`: the course's dated sessions as all-day calendar events (src/lib/ical.ts),
 * each linking to its session on the syllabus.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { courseCalendar } from '../../lib/ical.ts';
import { withBase } from '../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const courses = await getCollection('courses');
  return courses.map((course) => ({ params: { course: course.id }, props: { course } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { course } = props as { course: CollectionEntry<'courses'> };
  const origin = site ?? new URL('http://localhost/');
  const body = courseCalendar(course.data, { syllabusUrl: new URL(withBase(course.data.syllabusPath), origin).href, host: origin.hostname, stamp: new Date() });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
