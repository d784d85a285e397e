import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'devalue';
import { describe, expect, test } from 'vitest';
import { CONTENT_STORE_MODULE_ID, contentStoreModule } from '../../src/integrations/content-store-from-file.mjs';

const store = '/cache/data-store.json';

describe('contentStoreModule', () => {
  test("rewrites Astro's store module to read the store file when the pages render", () => {
    const astroModule = `export default JSON.parse(${JSON.stringify(JSON.stringify([['Map', 1]]))})`;
    const code = contentStoreModule(astroModule, CONTENT_STORE_MODULE_ID, store);
    expect(code).toBe(`import { readFileSync } from 'node:fs';\nimport { unflatten } from 'devalue';\nexport default unflatten(JSON.parse(readFileSync("/cache/data-store.json", 'utf8')));\n`);
  });

  test('leaves every other module alone', () => {
    expect(contentStoreModule('export default JSON.parse("[]")', '/src/pages/index.astro', store)).toBeUndefined();
  });

  test('keeps Astro’s module when Astro writes it some other way (an empty store, a chunked one)', () => {
    expect(contentStoreModule('export default new Map()', CONTENT_STORE_MODULE_ID, store)).toBeUndefined();
    expect(contentStoreModule('export default{"notes":[(await import("x"))]}', CONTENT_STORE_MODULE_ID, store)).toBeUndefined();
  });

  test('the module it writes evaluates to the store itself, a Map as Astro would rebuild it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'store-'));
    try {
      const file = path.join(dir, 'data-store.json');
      const collections = new Map([['notes', new Map([['n-1', { id: 'n-1', data: { passage: 'p-1' } }]])]]);
      writeFileSync(file, stringify(collections));
      const code = contentStoreModule('export default JSON.parse("")', CONTENT_STORE_MODULE_ID, file)!;
      // Written beside the project's node_modules, so its import of devalue resolves as in the build.
      const modulePath = path.resolve('node_modules/.store-module-test.mjs');
      writeFileSync(modulePath, code);
      const loaded = await import(pathToFileURL(modulePath).href).finally(() => rmSync(modulePath, { force: true }));
      expect(loaded.default).toBeInstanceOf(Map);
      expect(loaded.default).toEqual(collections);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
