/**
 * The static paths every per-course page and file shares (`/courses/<course>/`, `.ics`, `.imscc`,
 * `assigned.json`): one per course that passed its checks, with the course as its props.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

export interface CourseProps {
  course: CollectionEntry<'courses'>;
}

export async function courseStaticPaths() {
  const courses = await getCollection('courses');
  return courses.map((course) => ({ params: { course: course.id }, props: { course } satisfies CourseProps }));
}
