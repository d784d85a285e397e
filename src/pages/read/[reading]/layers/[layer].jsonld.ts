/**
 * /read/<reading>/layers/<layer>.jsonld: the layer as a W3C Web Annotation collection (each
 * annotation on its passage and phrase, replies on what they answer), as "My notes" exports.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEntry } from 'astro:content';
import { getLayer, getLayers } from '../../../../loaders/edition.ts';
import { layerCollection } from '../../../../lib/layers.ts';
import { readingSource } from '../../../../lib/passages.ts';
import { layerExportPath, readingPath, withBase } from '../../../../lib/urls.ts';

export const getStaticPaths = (async () =>
  (await getLayers()).map((layer) => ({ params: { reading: layer.reading, layer: layer.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const layer = await getLayer(params.reading!, params.layer!);
  const reading = (await getEntry('readings', params.reading!))!.data;
  const readingUrl = new URL(withBase(readingPath(params.reading!)), site).href;
  const collectionUrl = new URL(withBase(layerExportPath(params.reading!, params.layer!)), site).href;
  const collection = layerCollection({ id: params.reading!, source: readingSource(reading), passages: reading.passages }, layer, { readingUrl, collectionUrl });
  return new Response(`${JSON.stringify(collection, null, 2)}\n`, { headers: { 'content-type': 'application/ld+json; charset=utf-8' } });
};
