/**
 * Reads a reading's annotation layers: annotations/<reading>/layers/<layer>/layer.yaml and the
 * annotation files beside it (Hypothesis exports, "My notes" exports), every entry read or
 * refused with a message, like the rest of annotations/. Anchoring waits for the readings
 * (`resolveLayerInputs`): an annotation that does not anchor is an orphan, warned about and listed,
 * never a problem, since the text moves under annotations made on an earlier edition.
 */
import path from 'node:path';
import type { ContentProblem } from '../lib/content-errors.ts';
import { idNameProblem, suggestSlug } from '../lib/file-names.ts';
import { LAYER_FILE_EXTENSIONS, parseLayerFile, resolveLayer, type LayerAnnotation, type LayerReading, type ResolvedLayer } from '../lib/layers.ts';
import { parseYamlWithLines, zodProblems } from '../lib/schema-problems.ts';
import { LAYER_FILE, LAYERS_FOLDER, LayerMetaSchema, type LayerMeta } from '../schemas/layer.ts';
import { EDITOR_TEXT, guarded, inspect, notAFile, readContentFile, relativeTo, type Project } from './content-files.ts';
import { isJunk } from './edition-files.ts';
import { readdir } from 'node:fs/promises';

/** One layer as read from disk, before anchoring. */
export interface LayerInput {
  reading: string;
  id: string;
  /** The layer's layer.yaml, relative to the project. */
  file: string;
  meta: LayerMeta;
  annotations: LayerAnnotation[];
}

const entries = async (folder: string) => (await readdir(folder).catch(() => [] as string[])).filter((name) => !isJunk(name)).sort();

async function readLayer(project: Project, reading: string, id: string, folder: string, problems: ContentProblem[]): Promise<LayerInput | undefined> {
  const where = `${relativeTo(project.root, folder)}/`;
  const metaPath = path.join(folder, LAYER_FILE);
  const metaShown = relativeTo(project.root, metaPath);
  const read = await readContentFile(project, metaPath, { limit: 'yamlKB', text: EDITOR_TEXT });
  let meta: LayerMeta | undefined;
  if (!read) {
    problems.push({ kind: 'missing-file', file: metaShown, message: `the layer folder ${where} has no ${LAYER_FILE}.`, fix: `add ${LAYER_FILE} with the layer's title, attribution and consent (see the README, "Annotation layers").` });
  } else if (read.text === undefined) problems.push(...read.problems);
  else {
    const yaml = parseYamlWithLines(read.text, metaShown);
    const parsed = yaml.problems.length ? undefined : LayerMetaSchema.safeParse(yaml.data ?? {});
    if (yaml.problems.length) problems.push(...yaml.problems);
    else if (!parsed!.success) problems.push(...zodProblems(parsed!.error, metaShown, yaml.lineOf, { schema: LayerMetaSchema, data: yaml.data }));
    else meta = parsed!.data;
  }
  const annotations: LayerAnnotation[] = [];
  for (const name of await entries(folder)) {
    if (name === LAYER_FILE) continue;
    const file = path.join(folder, name);
    const shown = relativeTo(project.root, file);
    const entry = await guarded(shown, () => inspect(project, file), (problem) => ({ problem }));
    if (!entry) continue;
    if (entry.problem) problems.push(entry.problem);
    else if (entry.type !== 'file') problems.push(notAFile(shown, entry.type));
    else if (name.startsWith('.') || !LAYER_FILE_EXTENSIONS.some((extension) => name.endsWith(extension))) {
      problems.push({
        kind: 'invalid-file-name',
        file: shown,
        message: `only ${LAYER_FILE} and annotation files (.json, .jsonld) are read in a layer folder; this file is not.`,
        fix: `rename it to "${suggestSlug(path.basename(name, path.extname(name))) || 'annotations'}.json" if it is a Hypothesis or "My notes" export, or move it out of ${where}.`,
      });
    } else {
      const text = await readContentFile(project, file, { limit: 'yamlKB', text: EDITOR_TEXT });
      if (text?.text === undefined) problems.push(...(text?.problems ?? []));
      else {
        const parsed = parseLayerFile(shown, text.text, meta ?? {});
        problems.push(...parsed.problems);
        annotations.push(...parsed.annotations);
      }
    }
  }
  return meta && { reading, id, file: metaShown, meta, annotations };
}

/** The layers of one reading: each sub-folder of annotations/<reading>/layers/ is one layer. */
export async function readLayersFolder(project: Project, reading: string, folder: string): Promise<{ layers: LayerInput[]; problems: ContentProblem[] }> {
  const layers: LayerInput[] = [];
  const problems: ContentProblem[] = [];
  for (const name of await entries(folder)) {
    const full = path.join(folder, name);
    const shown = relativeTo(project.root, full);
    const entry = await guarded(shown, () => inspect(project, full), (problem) => ({ problem }));
    if (!entry) continue;
    if (entry.problem) problems.push(entry.problem);
    else if (entry.type !== 'folder') {
      problems.push({
        kind: 'invalid-file-name',
        file: shown,
        message: `only folders, one per layer, are read in annotations/${reading}/${LAYERS_FOLDER}/; this is a file.`,
        fix: `move it into a layer's folder (annotations/${reading}/${LAYERS_FOLDER}/<layer>/, beside its ${LAYER_FILE}).`,
      });
    } else {
      const badName = idNameProblem(name, 'layer', '');
      if (badName) problems.push({ kind: 'invalid-file-name', file: shown, ...badName });
      else {
        const layer = await readLayer(project, reading, name, full, problems);
        if (layer) layers.push(layer);
      }
    }
  }
  return { layers, problems };
}

/** Anchors each layer in its reading; layers of readings that are not there are left out (that folder's problem says why). */
export function resolveLayerInputs(layers: readonly LayerInput[], readings: readonly LayerReading[]): ResolvedLayer[] {
  const byId = new Map(readings.map((reading) => [reading.id, reading]));
  return layers.flatMap((layer) => {
    const reading = byId.get(layer.reading);
    return reading ? [resolveLayer(reading, layer.id, layer.meta, layer.annotations)] : [];
  });
}
