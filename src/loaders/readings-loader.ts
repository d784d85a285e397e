import type { Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { loadAllReadings } from './reading-files.ts';

/**
 * Content loader for readings: each folder under `base` becomes one entry whose passages are derived
 * from the verbatim source by the passage map. Invalid content throws, which fails the build (Astro
 * would only log a bad entry otherwise).
 */
export function readingsLoader({ base }: { base: string }): Loader {
  return {
    name: 'readings-loader',
    load: async ({ store, config, parseData, generateDigest, watcher }) => {
      const root = fileURLToPath(config.root);
      const dir = path.resolve(root, base);
      const readings = await loadAllReadings(root, dir);
      store.clear();
      for (const reading of readings) {
        const data = await parseData({
          id: reading.id,
          data: {
            ...reading.meta,
            passages: reading.segmentation.passages,
            trailing: reading.segmentation.trailing,
            source: reading.source,
            folder: reading.folder,
          },
        });
        store.set({ id: reading.id, data, digest: generateDigest(reading.source + JSON.stringify(reading.meta)) });
      }
      watcher?.add(dir);
    },
  };
}
