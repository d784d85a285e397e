/**
 * /read/<reading>/layers/<layer>.json: what the reading page fetches when a reader switches the
 * layer on (src/scripts/ar-layers.ts): each placed thread's passage, words and HTML. A file of its
 * own, so a layer nobody switches on costs the reading page nothing.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEntry } from 'astro:content';
import { getLayer, getLayers } from '../../../../loaders/edition.ts';
import { layerClientData } from '../../../../lib/layers.ts';
import { readingSource } from '../../../../lib/passages.ts';

export const getStaticPaths = (async () =>
  (await getLayers()).map((layer) => ({ params: { reading: layer.reading, layer: layer.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const layer = await getLayer(params.reading!, params.layer!);
  const reading = (await getEntry('readings', params.reading!))!.data;
  return new Response(JSON.stringify(layerClientData({ id: params.reading!, source: readingSource(reading), passages: reading.passages }, layer)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
