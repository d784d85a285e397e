/**
 * The web app manifest (installing the site as an app). Its URLs are relative to its own address
 * at the site's base, so the same file works under any sub-path; src/lib/offline.ts writes it.
 */
import type { APIRoute } from 'astro';
import { SITE_NAME } from '../lib/constants.ts';
import { SITE_LANGUAGE } from '../lib/languages.ts';
import { webManifest } from '../lib/offline.ts';
import iconSvg from '../../public/icon.svg?raw';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(webManifest({ name: SITE_NAME, description: 'Annotated, citable editions of source texts, with notes, a glossary and search.', lang: SITE_LANGUAGE, iconSvg })),
    { headers: { 'content-type': 'application/manifest+json' } },
  );
