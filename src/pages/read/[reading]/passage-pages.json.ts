/**
 * /read/<reading>/passage-pages.json, for a reading split into section pages only: which section
 * page holds each passage and note (src/lib/reading-layout.ts). Fetched by the reading's pages
 * only when a fragment names something not on them (src/scripts/section-pages.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEdition } from '../../../loaders/edition.ts';
import { isSplit, passagePageMap } from '../../../lib/reading-layout.ts';

export const getStaticPaths = (async () => {
  const edition = await getEdition();
  return edition.readings.filter((reading) => isSplit(reading.layout)).map((reading) => ({ params: { reading: reading.id }, props: { reading: reading.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const reading = (await getEdition()).readingById.get(props.reading as never)!;
  const map = passagePageMap(reading.layout, [...reading.notes, ...reading.apparatus]);
  return new Response(JSON.stringify(map), { headers: { 'content-type': 'application/json' } });
};
