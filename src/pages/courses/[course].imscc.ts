/**
 * `/courses/<course>.imscc`: the course as an IMS Common Cartridge 1.1 package for an LMS to import
 * (src/lib/cartridge.ts). Its links are absolute, made from the site's address (READER_SITE) and
 * base, so they open the published reading on each assigned part.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { courseStaticPaths, type CourseProps } from '../../lib/course-routes.ts';
import { cartridgeFiles, courseCartridge, zipCartridge } from '../../lib/cartridge.ts';
import { editionDate } from '../../lib/reading-citation.ts';
import { withBase } from '../../lib/urls.ts';

export const getStaticPaths = courseStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { course } = props as CourseProps;
  const origin = site ?? new URL('http://localhost:4321/');
  const cartridge = courseCartridge(course.data, (sitePath) => new URL(withBase(sitePath), origin).href);
  // fflate's Uint8Array is typed over ArrayBufferLike; it is a plain ArrayBuffer, which Response takes.
  const zip = zipCartridge(cartridgeFiles(cartridge), editionDate()) as Uint8Array<ArrayBuffer>;
  return new Response(zip, { headers: { 'Content-Type': 'application/zip' } });
};
