/**
 * Astro content loaders for the editorial layer. Astro only logs a broken reference or skips a bad
 * entry; these run the whole integrity check first and throw one ContentError listing every
 * problem, which fails the build before any page is written (and so leaves the previous dist/ alone).
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { authorComponents } from '../lib/author-components.ts';
import { renderMdxBody, type ComponentRenderers } from '../lib/mdx-html.ts';
import { accessibleTables, pageComponents } from '../lib/reading-pages.ts';
import { resolveCourse } from '../lib/course.ts';
import { citationSetup } from '../lib/citations.ts';
import { CSL_FOLDER } from '../lib/csl-styles.ts';
import { CONFIG_FILE } from '../lib/limits.ts';
import { contentLoad } from './content-outcome.ts';
import { COURSES_FOLDER, courseReading } from './course-files.ts';
import { CONTENT_PATHS, loadEditionFiles, type EditionCheck } from './edition-files.ts';
import { orphanWarnings } from '../lib/layers.ts';
import { publishCheckedEdition } from './checked-edition.ts';

/** One check per content sync, shared by the collections that need it. */
const checks = new Map<string, Promise<EditionCheck>>();

function checkOnce(context: LoaderContext): Promise<EditionCheck> {
  const root = fileURLToPath(context.config.root);
  let check = checks.get(root);
  if (!check) {
    check = loadEditionFiles(root);
    checks.set(root, check);
    // The pages of this build use the same edition (a failed check publishes none).
    void check.then(
      (done) => publishCheckedEdition(root, done.problems.length ? undefined : done.edition),
      () => publishCheckedEdition(root, undefined),
    );
  }
  return check;
}

/**
 * Loads a collection from the shared check, again whenever a reading or an annotation changes in
 * `astro dev` (the check then runs again once for all the collections).
 */
const editionLoad = (load: (context: LoaderContext) => Promise<void>): Loader['load'] =>
  contentLoad([CONTENT_PATHS.readings, CONTENT_PATHS.annotations], load, (context) => checks.delete(fileURLToPath(context.config.root)));

/**
 * Notes or glossary terms, from the checked edition. Each entry keeps its frontmatter as data and
 * its MDX body, and carries that body already rendered to HTML (`renderMdxBody`), so
 * `render(entry)` needs no JavaScript module per file: a book's thousands of notes are parsed,
 * not bundled.
 */
function editionMdxLoader(name: string, entries: (check: EditionCheck) => { id: string; reading?: string; file: string; body: string; data: Record<string, unknown> }[]): Loader {
  const load = async (context: LoaderContext) => {
    const check = await checkOnce(context);
    const base = context.config.base;
    const renderers = new Map<string | undefined, ComponentRenderers>();
    const componentsFor = (reading: string | undefined) => {
      let components = renderers.get(reading);
      if (!components) renderers.set(reading, (components = authorComponents(check.edition, { base, reading })));
      return components;
    };
    context.store.clear();
    for (const entry of entries(check)) {
      const data = await context.parseData({ id: entry.id, data: entry.data, filePath: entry.file });
      const html = renderMdxBody(entry.body, componentsFor(entry.reading));
      context.store.set({
        id: entry.id,
        data,
        body: entry.body,
        filePath: entry.file,
        rendered: { html },
        digest: context.generateDigest(`${base}\0${entry.body}\0${JSON.stringify(entry.data)}`),
      });
    }
  };
  return { name, load: editionLoad(load) };
}

/** Notes: annotations/<reading>/<note>.mdx, entry id `<reading>/<note>`; `render(entry)` gives the body. */
export const notesLoader = () =>
  editionMdxLoader('edition-notes', ({ input }) =>
    input.notes.map((note) => ({ id: `${note.reading}/${note.id}`, reading: note.reading, file: note.file, body: note.body, data: note.data })),
  );

/** Glossary: annotations/glossary/<term>.mdx, entry id `<term>`. */
export const glossaryLoader = () =>
  editionMdxLoader('edition-glossary', ({ input }) => input.terms.map((term) => ({ id: term.id, file: term.file, body: term.body, data: term.data })));

/**
 * A reading's pages: annotations/<reading>/pages/<page>.mdx, entry id `<reading>/<page>`. The body
 * is rendered like a note's (tables made accessible after; see accessibleTables), and so is each
 * outline answer of a teaching guide, into `answersHtml`.
 */
export function readingPagesLoader(): Loader {
  const load = async (context: LoaderContext) => {
    const check = await checkOnce(context);
    const base = context.config.base;
    context.store.clear();
    for (const page of check.pages) {
      const components = pageComponents(check.edition, base, page.reading);
      const render = (body: string) => accessibleTables(renderMdxBody(body, components));
      const answersHtml = Object.fromEntries(Object.entries(page.data.answers ?? {}).map(([id, answer]) => [id, render(answer)]));
      const data = await context.parseData({ id: `${page.reading}/${page.id}`, data: { ...page.data, reading: page.reading, page: page.id, answersHtml }, filePath: page.file });
      context.store.set({
        id: `${page.reading}/${page.id}`,
        data,
        body: page.body,
        filePath: page.file,
        rendered: { html: render(page.body) },
        digest: context.generateDigest(`${base}\0${page.body}\0${JSON.stringify(page.data)}\0${JSON.stringify(check.input.sources)}`),
      });
    }
  };
  return { name: 'edition-reading-pages', load: editionLoad(load) };
}

/** Sources: the items of annotations/sources.yaml, entry id = item id; none when the file is absent. */
export function sourcesLoader(): Loader {
  const load = async (context: LoaderContext) => {
    // The items the check parsed (safely, with its alias limit), not a second parse of the file.
    const items = (await checkOnce(context)).input.sources.map((source) => source.item);
    context.store.clear();
    for (const item of items) {
      const data = await context.parseData({ id: item.id, data: item as Record<string, unknown> });
      context.store.set({ id: item.id, data, digest: context.generateDigest(JSON.stringify(item)) });
    }
  };
  return { name: 'sources-loader', load: editionLoad(load) };
}

/**
 * Courses: src/content/courses/<course>/course.yaml, entry id = the course id, its data the
 * resolved course (`resolveCourse`) with what the home page shows (`home` in reader.config.yaml).
 */
export function coursesLoader(): Loader {
  const load = async (context: LoaderContext) => {
    const check = await checkOnce(context);
    const readings = check.readings.map((reading) => ({ ...courseReading(reading), layout: check.edition.readingById.get(reading.id)?.layout }));
    context.store.clear();
    for (const { id, course } of check.courses) {
      const resolved = resolveCourse(id, course, readings);
      const data = await context.parseData({ id, data: { ...resolved, home: check.home } });
      context.store.set({ id, data, digest: context.generateDigest(JSON.stringify(data)) });
    }
  };
  return { name: 'courses-loader', load: contentLoad([CONTENT_PATHS.readings, CONTENT_PATHS.annotations, COURSES_FOLDER, CONFIG_FILE], load, (context) => checks.delete(fileURLToPath(context.config.root))) };
}

/**
 * Annotation layers: annotations/<reading>/layers/<layer>/, entry id `<reading>/<layer>`, its data
 * the anchored layer (`resolveLayer`). Each annotation that no longer anchors is warned about here,
 * with its file, id and quote: it is not an error (the layer still builds, and its page lists it).
 */
export function layersLoader(): Loader {
  const load = async (context: LoaderContext) => {
    const check = await checkOnce(context);
    context.store.clear();
    // One entry per reading, its layers in a list (often empty): a collection with no entry makes
    // Astro warn that it "does not exist or is empty" on every build of a site without layers.
    for (const reading of check.readings) {
      const layers = check.layers.filter((layer) => layer.reading === reading.id);
      for (const warning of layers.flatMap(orphanWarnings)) context.logger.warn(warning);
      const entry = { reading: reading.id, layers };
      const data = await context.parseData({ id: reading.id, data: entry as unknown as Record<string, unknown> });
      context.store.set({ id: reading.id, data, digest: context.generateDigest(JSON.stringify(entry)) });
    }
  };
  return { name: 'layers-loader', load: editionLoad(load) };
}

/**
 * The CSL styles reader.config.yaml names (src/content/csl/styles/), in its order, each with the locale it
 * cites in: pages format with them (`getCitationStyles` in src/loaders/edition.ts), since a page is
 * not rendered in the process that read the files. The check reads and registers them.
 */
export function citationStylesLoader(): Loader {
  const load = async (context: LoaderContext) => {
    await checkOnce(context);
    const setup = citationSetup();
    context.store.clear();
    for (const [order, style] of setup.styles.entries()) {
      const data = await context.parseData({ id: style.name, data: { ...style, order, isDefault: style.name === setup.defaultStyle, locale: setup.locale, locales: setup.locales } });
      context.store.set({ id: style.name, data, digest: context.generateDigest(JSON.stringify(data)) });
    }
  };
  return {
    name: 'citation-styles-loader',
    load: contentLoad([CONTENT_PATHS.readings, CONTENT_PATHS.annotations, CONFIG_FILE, CSL_FOLDER], load, (context) => checks.delete(fileURLToPath(context.config.root))),
  };
}
