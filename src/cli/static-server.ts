/**
 * A small static file server for the built site: `npm start` serves dist/ with it, and the browser
 * tests start one per suite. It knows the site's sub-path (`base`), so a build for
 * /courses/pol-101/reader/ is served exactly where it will live.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.epub': 'application/epub+zip',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
};

export interface StaticServerOptions {
  /** Folder to serve (the build output). */
  root: string;
  port: number;
  host?: string;
  /** Sub-path the site is built for; requests outside it get 404. */
  base?: string;
}

export interface RunningServer {
  server: Server;
  /** Origin plus base, with a trailing slash: where the home page is. */
  url: string;
  close: () => Promise<void>;
}

/** Resolves a request path to a file under root, or undefined when it would escape root. */
export function resolveRequestPath(root: string, base: string, urlPath: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return undefined;
  }
  const normalBase = base.endsWith('/') ? base : `${base}/`;
  if (!(pathname + (pathname.endsWith('/') ? '' : '/')).startsWith(normalBase)) return undefined;
  const inside = pathname.slice(normalBase.length - 1);
  const file = path.resolve(root, `.${inside}`);
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

export function startStaticServer({ root, port, host = '127.0.0.1', base = '/' }: StaticServerOptions): Promise<RunningServer> {
  const absoluteRoot = path.resolve(root);
  const server = createServer(async (request, response) => {
    const notFound = async () => {
      const page = path.join(absoluteRoot, '404.html');
      const exists = await stat(page).then((s) => s.isFile()).catch(() => false);
      response.writeHead(404, { 'content-type': CONTENT_TYPES['.html']! });
      if (exists) createReadStream(page).pipe(response);
      else response.end('Not found');
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let file = resolveRequestPath(absoluteRoot, base, request.url ?? '/');
    if (!file) return notFound();
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!request.url!.split('?')[0]!.endsWith('/')) {
        const [pathname, query] = request.url!.split('?');
        response.writeHead(301, { location: `${pathname}/${query ? `?${query}` : ''}` }).end();
        return;
      }
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) return notFound();
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-cache',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const normalBase = base.endsWith('/') ? base : `${base}/`;
      resolve({
        server,
        url: `http://${host}:${actualPort}${normalBase}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
