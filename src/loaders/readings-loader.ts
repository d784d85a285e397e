import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { contentLoad } from './content-outcome.ts';
import { loadAllReadings } from './reading-files.ts';

/**
 * Content loader for readings: each folder under `base` becomes one entry whose passages are derived
 * from the verbatim source by the passage map. Invalid content throws, which fails the build (Astro
 * would only log a bad entry otherwise); in `astro dev` it is reported in the browser instead.
 */
export function readingsLoader({ base }: { base: string }): Loader {
  const load = async ({ store, config, parseData, generateDigest }: LoaderContext) => {
    const root = fileURLToPath(config.root);
    const { project, readings } = await loadAllReadings(root, path.resolve(root, base));
    store.clear();
    for (const reading of readings) {
      const data = await parseData({
        id: reading.id,
        data: {
          ...reading.meta,
          passages: reading.segmentation.passages,
          trailing: reading.segmentation.trailing,
          folder: reading.folder,
          // The project's setting, so every page computes the same layout (src/lib/reading-layout.ts).
          sectionPages: project.sectionPages,
        },
      });
      store.set({ id: reading.id, data, digest: generateDigest(reading.source + JSON.stringify(reading.meta) + JSON.stringify(project.sectionPages)) });
    }
  };
  return { name: 'readings-loader', load: contentLoad([base], load) };
}
