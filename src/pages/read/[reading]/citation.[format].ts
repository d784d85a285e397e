/**
 * A reading's reference as a file for reference managers: /read/<reading>/citation.bib (BibTeX),
 * .ris (RIS) and .json (CSL-JSON), generated at build time with citation-js's plugins.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { SITE_NAME } from '../../../lib/constants.ts';
import { citationFile, CITATION_FILE_FORMATS, type CitationFileFormat } from '../../../lib/citation-files.ts';
import { readingCslItem } from '../../../lib/reading-citation.ts';
import { readingPath, withBase } from '../../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const readings = await getCollection('readings');
  return readings.flatMap((reading) => CITATION_FILE_FORMATS.map((format) => ({ params: { reading: reading.id, format }, props: { reading } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props, site }) => {
  const { reading } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const url = new URL(withBase(readingPath(reading.id)), site).href;
  const item = readingCslItem({ id: reading.id, ...reading.data }, url, SITE_NAME);
  const { body, type } = citationFile(item, params.format as CitationFileFormat);
  return new Response(body, { headers: { 'content-type': type } });
};
