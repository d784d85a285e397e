/** /guide/code.css: the colours of the guide's highlighted examples, as classes (no inline styles under the CSP). */
import type { APIRoute } from 'astro';
import { highlightGuideExamples } from '../../lib/guide.ts';

export const GET: APIRoute = async () =>
  new Response((await highlightGuideExamples()).css, { headers: { 'content-type': 'text/css; charset=utf-8' } });
