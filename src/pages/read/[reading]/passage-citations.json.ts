/**
 * /read/<reading>/passage-citations.json: the citation of "any passage" in each style, with
 * placeholders for its number and id, and the reading's reference files. The cite dialog fetches
 * it when first opened, so the reader page does not carry a copy of every citation it already shows.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { CITE, SITE_NAME } from '../../../lib/constants.ts';
import { isSplit } from '../../../lib/reading-layout.ts';
import { getCitationStyles, getEdition } from '../../../loaders/edition.ts';
import { passageCitationTemplates, type PassageCitations } from '../../../lib/reading-citation.ts';
import { citationDownloads, readingPath, withBase } from '../../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const readings = await getCollection('readings');
  return readings.map((reading) => ({ params: { reading: reading.id }, props: { reading } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  await getCitationStyles();
  const { reading } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const split = isSplit((await getEdition()).readingById.get(reading.id as never)!.layout);
  const url = split ? CITE.pageToken : new URL(withBase(readingPath(reading.id)), site).href;
  const body: PassageCitations = {
    styles: passageCitationTemplates({ id: reading.id, ...reading.data }, url, SITE_NAME).map((c) => ({
      style: c.style,
      label: c.label,
      reference: c.reference.html,
      inText: c.inText,
    })),
    downloads: citationDownloads(reading.id),
  };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};
