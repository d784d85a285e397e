/**
 * /read/<reading>/annotations.jsonld in the built site: a W3C Web Annotation collection whose every
 * selector points at exactly its quote in the reading's source text, counted in code points.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { builtSiteDir } from '../../bench/lib/built-site.ts';
import { NOTE_KINDS } from '../../src/schemas/annotation.ts';
import { MOTIVATION_BY_KIND, QUOTE_CONTEXT, sliceCodePoints } from '../../src/lib/web-annotations.ts';

const dist = builtSiteDir();
const readings = readdirSync(path.join(dist, 'read')).filter((id) => existsSync(path.join(dist, 'read', id, 'annotations.jsonld')));

const Body = z.object({ type: z.literal('TextualBody'), value: z.string().min(1), format: z.literal('text/plain'), purpose: z.string() }).strict();
const Selectors = z.tuple([
  z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1), prefix: z.string(), suffix: z.string() }).strict(),
  z.object({ type: z.literal('TextPositionSelector'), start: z.number().int().min(0), end: z.number().int().min(0) }).strict(),
]);
const Annotation = z
  .object({
    id: z.url(),
    type: z.literal('Annotation'),
    motivation: z.enum(Object.values(MOTIVATION_BY_KIND) as [string, ...string[]]),
    body: z.array(Body).min(1),
    target: z.union([z.url(), z.object({ source: z.url(), selector: Selectors }).strict()]),
  })
  .strict();
const Collection = z
  .object({
    '@context': z.literal('http://www.w3.org/ns/anno.jsonld'),
    id: z.url(),
    type: z.literal('AnnotationCollection'),
    label: z.string().min(1),
    total: z.number().int(),
    first: z.object({ id: z.url(), type: z.literal('AnnotationPage'), startIndex: z.literal(0), items: z.array(Annotation) }).strict(),
  })
  .strict();

test('every reading has its annotations export', () => {
  expect(readings).toEqual(readdirSync(path.join(dist, 'read')).filter((id) => existsSync(path.join(dist, 'read', id, 'index.html'))));
  expect(NOTE_KINDS.every((kind) => MOTIVATION_BY_KIND[kind])).toBe(true);
});

describe.each(readings)('/read/%s/annotations.jsonld', (reading) => {
  const collection = Collection.parse(JSON.parse(readFileSync(path.join(dist, 'read', reading, 'annotations.jsonld'), 'utf8')));
  const source = readFileSync(`src/content/readings/${reading}/source.txt`, 'utf8');
  const page = readFileSync(path.join(dist, 'read', reading, 'index.html'), 'utf8');
  const items = collection.first.items;

  test('is a complete collection of unique notes, each a permalink on the reader page', () => {
    expect(collection.total).toBe(items.length);
    expect(new Set(items.map((a) => a.id)).size).toBe(items.length);
    for (const annotation of items) {
      const url = new URL(annotation.id);
      expect(url.hash).toMatch(/^#note-[a-z0-9-]+$/);
      expect(page).toContain(`id="${url.hash.slice(1)}"`);
    }
  });

  test('every selector addresses its quote in source.txt, in code points, with its context', () => {
    const anchored = items.filter((a) => typeof a.target !== 'string');
    expect(anchored.length).toBeGreaterThan(0);
    for (const annotation of anchored) {
      const target = annotation.target as Exclude<typeof annotation.target, string>;
      const [quote, position] = target.selector;
      expect(target.source).toBe(collection.id.replace(/annotations\.jsonld$/, ''));
      expect(position.end).toBeGreaterThan(position.start);
      expect(sliceCodePoints(source, position.start, position.end), annotation.id).toBe(quote.exact);
      expect(sliceCodePoints(source, Math.max(0, position.start - QUOTE_CONTEXT), position.start)).toBe(quote.prefix);
      expect(sliceCodePoints(source, position.end, position.end + QUOTE_CONTEXT)).toBe(quote.suffix);
    }
  });

  test('each note with a correction carries the editor\u2019s reading as an editing body', () => {
    const folder = `annotations/${reading}`;
    const corrections = existsSync(folder)
      ? readdirSync(folder).filter((file) => file.endsWith('.mdx') && /^correction:/m.test(readFileSync(path.join(folder, file), 'utf8'))).length
      : 0;
    const editing = items.filter((a) => a.body.some((b) => b.purpose === 'editing'));
    expect(editing).toHaveLength(corrections);
    for (const annotation of editing) expect(annotation.motivation).toBe('editing');
  });
});
