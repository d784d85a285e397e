/**
 * /read/<reading>/annotations.jsonld: the reading's editorial notes as a W3C Web Annotation
 * collection (TextQuoteSelector + TextPositionSelector on the source text), for annotation tools.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEdition } from '../../../loaders/edition.ts';
import { readingPath, withBase } from '../../../lib/urls.ts';
import { annotationCollection } from '../../../lib/web-annotations.ts';

export const getStaticPaths = (async () => {
  const edition = await getEdition();
  return edition.readings.map((reading) => ({ params: { reading: reading.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const edition = await getEdition();
  const reading = edition.readings.find((r) => r.id === params.reading)!;
  const pageUrl = new URL(withBase(readingPath(reading.id)), site).href;
  const collection = annotationCollection(edition, reading, { pageUrl, collectionUrl: `${pageUrl}annotations.jsonld` });
  return new Response(`${JSON.stringify(collection, null, 2)}\n`, { headers: { 'content-type': 'application/ld+json; charset=utf-8' } });
};
