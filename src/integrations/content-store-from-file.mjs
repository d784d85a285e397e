// @ts-check
import { fileURLToPath } from 'node:url';

/** The module id under which Astro hands the content store to the page build. */
export const CONTENT_STORE_MODULE_ID = '\0astro:data-layer-content';
const ASTRO_STORE_CODE = 'export default JSON.parse(';

/**
 * The page build's content-store module, rewritten to read the store file when the pages render
 * instead of carrying it as one string literal. Astro writes the whole store into a single
 * literal, and V8's compile time for a literal grows faster than its length: 0.22 s for a
 * 3,000-passage book's 5.8 MB store, 2.4 s for a 10,000-passage book's 19 MB (measured with
 * Node 24). Reading and parsing the file takes time in proportion to its size.
 *
 * The module hands Astro the store already rebuilt (devalue's `unflatten`, as Astro's runtime does
 * with an array), a Map Astro takes as it is: the flattened copy is then garbage once the store is
 * built, where Astro's module kept it for the whole page build, a second copy of every text (at
 * 50,000 passages, part of the 2.9 GB the build's largest process reached).
 *
 * Returns undefined (Astro's module is kept) for any other module, or if Astro changes how it
 * writes this one.
 * @param {string} code
 * @param {string} id
 * @param {string} storeFile absolute path of the store Astro's module was made from
 * @returns {string | undefined}
 */
export function contentStoreModule(code, id, storeFile) {
  if (id !== CONTENT_STORE_MODULE_ID || !code.startsWith(ASTRO_STORE_CODE)) return undefined;
  return `import { readFileSync } from 'node:fs';\nimport { unflatten } from 'devalue';\nexport default unflatten(JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8')));\n`;
}

/**
 * Astro integration: applies `contentStoreModule` to `astro build` (in `astro dev` the store is
 * loaded differently and stays Astro's).
 * @returns {import('astro').AstroIntegration}
 */
export function contentStoreFromFile() {
  return {
    name: 'reader:content-store-from-file',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        // The store a build reads: Astro's `data-store.json` in its cache folder.
        const storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'reader:content-store-from-file',
                transform(code, id) {
                  const replaced = contentStoreModule(code, id, storeFile);
                  return replaced === undefined ? undefined : { code: replaced, map: { mappings: '' } };
                },
              },
            ],
          },
        });
      },
    },
  };
}
