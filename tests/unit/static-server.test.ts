import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pickEncoding, resolveRequestPath, startStaticServer, type RunningServer } from '../../src/cli/static-server.ts';

/** A raw GET (fetch would decode the body and hide the encoding). */
function get(url: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('pickEncoding', () => {
  test.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.8', 'gzip'],
    ['identity', undefined],
    ['*', 'br'],
    ['*;q=0', undefined],
    [undefined, undefined],
  ])('%s → %s', (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });
});

describe('resolveRequestPath', () => {
  test('stays inside the root and the base', () => {
    expect(resolveRequestPath('/site', '/', '/read/a/')).toBe('/site/read/a');
    expect(resolveRequestPath('/site', '/courses/x/', '/courses/x/read/')).toBe('/site/read');
    expect(resolveRequestPath('/site', '/courses/x/', '/other/')).toBeUndefined();
    expect(resolveRequestPath('/site', '/', '/%2e%2e/etc/passwd')).toBeUndefined();
  });

  test.each([
    ['a sibling folder whose name starts with the root\u2019s', '/%2e%2e/site-secret/key.txt'],
    ['encoded dots and an encoded slash', '/read/%2E%2E%2F%2E%2E%2Fsite-secret/key.txt'],
    ['a backslash', '/..%5csite-secret/key.txt'],
    ['a NUL byte', '/read/index.html%00.png'],
    ['broken percent-encoding', '/read/%E0%A4%A'],
  ])('refuses %s', (_what, urlPath) => {
    expect(resolveRequestPath('/site', '/', urlPath)).toBeUndefined();
  });
});

describe('static server', () => {
  let root: string;
  let server: RunningServer;
  const page = `<!doctype html><title>x</title><p>${'The partner state enables commons-based peer production. '.repeat(40)}</p>`;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'static-server-'));
    mkdirSync(path.join(root, 'read'));
    writeFileSync(path.join(root, 'read', 'index.html'), page);
    writeFileSync(path.join(root, 'tiny.css'), 'p{}');
    writeFileSync(path.join(root, 'cover.png'), Buffer.alloc(2000, 7));
    server = await startStaticServer({ root, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('sends text compressed with Brotli or gzip, as the client accepts, and the same bytes decoded', async () => {
    const br = await get(`${server.url}read/`, 'gzip, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(page.length / 5);
    expect(brotliDecompressSync(br.body).toString()).toBe(page);

    const gz = await get(`${server.url}read/`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(page);

    const plain = await get(`${server.url}read/`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(page);
  });

  test('leaves images and tiny files as they are', async () => {
    const png = await get(`${server.url}cover.png`, 'br, gzip');
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.body.length).toBe(2000);
    const tiny = await get(`${server.url}tiny.css`, 'br, gzip');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('p{}');
  });

  test('redirects a folder without its slash and answers 404 outside the site', async () => {
    const folder = await get(`${server.url}read`);
    expect(folder.status).toBe(301);
    expect(folder.headers['location']).toBe('/read/');
    expect((await get(`${server.url}missing/`)).status).toBe(404);
  });

  test('never follows a symbolic link out of the site', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'static-server-outside-'));
    writeFileSync(path.join(outside, 'secret.txt'), 'private');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'linked.txt'));
    symlinkSync(outside, path.join(root, 'linked-folder'));
    try {
      expect((await get(`${server.url}linked.txt`)).status).toBe(404);
      expect((await get(`${server.url}linked-folder/secret.txt`)).status).toBe(404);
    } finally {
      rmSync(path.join(root, 'linked.txt'));
      rmSync(path.join(root, 'linked-folder'));
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('never follows a symbolic link into a sibling folder whose name starts with the site\u2019s', async () => {
    // The real root is compared with a separator after it: "/tmp/site-x-secret" starts with "/tmp/site-x".
    const sibling = `${realpathSync(root)}-secret`;
    mkdirSync(sibling);
    writeFileSync(path.join(sibling, 'key.txt'), 'private');
    symlinkSync(path.join(sibling, 'key.txt'), path.join(root, 'key.txt'));
    try {
      expect((await get(`${server.url}key.txt`)).status).toBe(404);
    } finally {
      rmSync(path.join(root, 'key.txt'));
      rmSync(sibling, { recursive: true, force: true });
    }
  });

  test('answers a missing page with the site\u2019s 404 page and status 404, when the build has one', async () => {
    expect((await get(`${server.url}nowhere/`)).body.toString()).toBe('Not found');
    writeFileSync(path.join(root, '404.html'), '<!doctype html><title>Page not found</title><h1>Page not found</h1>');
    const missing = await get(`${server.url}read/old-name/`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.body.toString()).toContain('<h1>Page not found</h1>');
    rmSync(path.join(root, '404.html'));
  });
});

describe('static server on localhost', () => {
  test('answers on 127.0.0.1 and ::1 on the same port, and says so', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'static-server-localhost-'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>home</title>');
    const server = await startStaticServer({ root, port: 0, host: 'localhost' });
    try {
      const port = new URL(server.url).port;
      expect(server.url).toBe(`http://localhost:${port}/`);
      expect((await get(`http://127.0.0.1:${port}/`)).status).toBe(200);
      // A machine without IPv6 on loopback serves IPv4 alone; this one has it, as CI's does.
      expect(server.addresses).toEqual([`http://127.0.0.1:${port}/`, `http://[::1]:${port}/`]);
      expect((await get(`http://[::1]:${port}/`)).status).toBe(200);
    } finally {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
