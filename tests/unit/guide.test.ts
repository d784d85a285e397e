import { describe, expect, test, vi } from 'vitest';
import { parse } from 'yaml';
import { ERROR_KINDS } from '../../src/lib/content-errors.ts';
import { scanMdxBody } from '../../src/lib/mdx-scan.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import {
  ANNOTATION_FIELDS,
  CITATION_FIELDS,
  GLOSSARY_FIELDS,
  GUIDE_EXAMPLES,
  LAYER_FIELDS,
  errorCatalogue,
  exampleCheckOutput,
  formattedSourcesExample,
  highlightGuideExamples,
} from '../../src/lib/guide.ts';
import { AnnotationSchema } from '../../src/schemas/annotation.ts';
import { GlossaryTermSchema } from '../../src/schemas/glossary.ts';
import { LayerMetaSchema } from '../../src/schemas/layer.ts';
import { ReaderConfigSchema } from '../../src/schemas/reader-config.ts';

// The first citation builds the official CSL style's engine: a second or two, more on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

describe('the guide documents every field and every error', () => {
  test('annotation, glossary, layer and citation fields match the schemas', () => {
    expect(Object.keys(ANNOTATION_FIELDS).sort()).toEqual(Object.keys(AnnotationSchema.shape).sort());
    expect(Object.keys(GLOSSARY_FIELDS).sort()).toEqual(Object.keys(GlossaryTermSchema.shape).sort());
    expect(Object.keys(LAYER_FIELDS).sort()).toEqual(Object.keys(LayerMetaSchema.shape).sort());
    expect(Object.keys(CITATION_FIELDS).sort()).toEqual(Object.keys(ReaderConfigSchema.shape.citation.unwrap().shape).sort());
  });

  test('the catalogue lists every error kind', () => {
    expect(errorCatalogue().map((e) => e.kind)).toEqual(Object.keys(ERROR_KINDS));
  });
});

describe('the examples are valid content', () => {
  test.each([
    ['note', AnnotationSchema],
    ['question', AnnotationSchema],
    ['term', GlossaryTermSchema],
  ] as const)('%s: frontmatter passes its schema and the body parses', (key, schema) => {
    const { frontmatter, body } = splitFrontmatter(GUIDE_EXAMPLES[key].code);
    expect(schema.safeParse(parse(frontmatter!)).success).toBe(true);
    expect(scanMdxBody(body).problems).toEqual([]);
  });

  test('the layer.yaml and citation examples pass their schemas', () => {
    expect(LayerMetaSchema.parse(parse(GUIDE_EXAMPLES.layer.code))).toMatchObject({ title: 'Seminar discussion', shown: true, authors: { 'maria.jsonld': 'Maria O.' } });
    const config = ReaderConfigSchema.parse(parse(GUIDE_EXAMPLES.citation.code));
    expect(config.citation).toEqual({ styles: ['chicago-author-date', 'apa', 'modern-language-association', 'ieee'], default: 'chicago-author-date', locale: 'en-GB' });
  });

  test('the source example is formatted by the CSL processor', () => {
    expect(formattedSourcesExample()).toBe(
      'Kostakis, Vasilis, and Michel Bauwens. 2014. <i>Network Society and Future Scenarios for a Collaborative Economy</i>. Palgrave Pivot. Palgrave Macmillan. <a href="https://doi.org/10.1057/9781137406897">https://doi.org/10.1057/9781137406897</a>.',
    );
  });

  test('the example check output comes from the check', () => {
    const output = exampleCheckOutput();
    expect(output).toMatch(/^Content check failed with 3 problems:/);
    for (const kind of ['unknown-passage', 'phrase-ambiguous', 'unknown-term']) expect(output).toContain(`[${kind}]`);
    expect(output).toContain('annotations/sample/shared.mdx:2 (passage) [unknown-passage] passage "defintion" is not in the passage map of "sample".');
  });
});

test('highlighted examples use classes, never inline styles, and the stylesheet has every class', async () => {
  const { html, css } = await highlightGuideExamples();
  for (const block of Object.values(html)) {
    expect(block).not.toContain('style=');
    for (const [, name] of block.matchAll(/class="(hl-[^"]+)"/g)) expect(css).toContain(`.${name} {`);
  }
  expect(html.sources).toMatch(/<span class="hl-[^"]+">kostakis-bauwens-2014<\/span>/);
}, 60_000);
