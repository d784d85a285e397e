/**
 * A small static file server for the built site: `npm start` serves dist/ with it, and the browser
 * tests start one per suite. It knows the site's sub-path (`base`), so a build for
 * /courses/pol-101/reader/ is served exactly where it will live.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
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
  '.ics': 'text/calendar; charset=utf-8',
  // A Common Cartridge is a zip; LMSs take it by its extension, and a browser downloads it.
  '.imscc': 'application/zip',
};

/** Text formats are sent compressed, as any static host does; images, fonts, EPUB and wasm already are. */
const COMPRESSIBLE = /^(text\/|application\/(json|ld\+json|manifest\+json|xml|x-bibtex|x-research-info-systems)|image\/svg\+xml)/;

/** The encoding to answer with: Brotli when the client takes it, else gzip, else none. */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Map(
    (acceptEncoding ?? '').split(',').map((part) => {
      const [name = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return [name.trim(), q === undefined ? 1 : Number(q)] as const;
    }),
  );
  const allows = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (allows('br')) return 'br';
  if (allows('gzip')) return 'gzip';
  return undefined;
}

export interface StaticServerOptions {
  /** Folder to serve (the build output). */
  root: string;
  port: number;
  /** An address to listen on, or "localhost" for 127.0.0.1 and ::1 together. Default 127.0.0.1. */
  host?: string;
  /** Sub-path the site is built for; requests outside it get 404. */
  base?: string;
}

export interface RunningServer {
  server: Server;
  /** Origin plus base, with a trailing slash: where the home page is. */
  url: string;
  /** For host "localhost": the address on each protocol it answers on. */
  addresses?: string[];
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
  // A backslash is a separator on Windows and a NUL ends a path in C: neither belongs in a URL path.
  if (pathname.includes('\\') || pathname.includes('\0')) return undefined;
  const normalBase = base.endsWith('/') ? base : `${base}/`;
  if (!(pathname + (pathname.endsWith('/') ? '' : '/')).startsWith(normalBase)) return undefined;
  const inside = pathname.slice(normalBase.length - 1);
  const file = path.resolve(root, `.${inside}`);
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

export async function startStaticServer({ root, port, host = '127.0.0.1', base = '/' }: StaticServerOptions): Promise<RunningServer> {
  const absoluteRoot = path.resolve(root);
  const realRoot = await realpath(absoluteRoot);
  // Compressed bodies, computed once per file version (path, size and time of change).
  const compressed = new Map<string, Promise<Buffer>>();
  const compressedBody = (file: string, version: string, encoding: 'br' | 'gzip') => {
    const key = `${encoding}\0${file}\0${version}`;
    let body = compressed.get(key);
    if (!body) {
      body = readFile(file).then((raw) =>
        encoding === 'br' ? brotli(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length } }) : gzipAsync(raw, { level: 9 }),
      );
      compressed.set(key, body);
    }
    return body;
  };
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
    // A symbolic link inside the site may point anywhere on the machine: serve only what really lies inside.
    const real = await realpath(file).catch(() => undefined);
    if (!real || !(real.startsWith(realRoot + path.sep))) return notFound();
    const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const compressible = COMPRESSIBLE.test(contentType);
    const encoding = compressible && info.size > 256 ? pickEncoding(request.headers['accept-encoding']) : undefined;
    const headers = { 'content-type': contentType, 'cache-control': 'no-cache', ...(compressible ? { vary: 'Accept-Encoding' } : {}) };
    if (encoding) {
      const body = await compressedBody(file, `${info.size}:${info.mtimeMs}`, encoding);
      response.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': body.length });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': info.size });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  const normalBase = base.endsWith('/') ? base : `${base}/`;
  const listen = (target: Server, listenPort: number, address: string) =>
    new Promise<number>((resolve, reject) => {
      target.once('error', reject);
      target.listen(listenPort, address, () => {
        target.off('error', reject);
        const bound = target.address();
        resolve(typeof bound === 'object' && bound ? bound.port : listenPort);
      });
    });
  const closeServer = (target: Server) => new Promise<void>((done) => target.close(() => done()));
  if (host !== 'localhost') {
    const actualPort = await listen(server, port, host);
    const shownHost = host.includes(':') ? `[${host}]` : host;
    return { server, url: `http://${shownHost}:${actualPort}${normalBase}`, close: () => closeServer(server) };
  }
  // "localhost" is both 127.0.0.1 and ::1, and browsers try either first: listen on both, on the
  // same port, and on nothing else (the site is never exposed to the network). A machine without
  // IPv6 serves on IPv4 alone.
  const actualPort = await listen(server, port, '127.0.0.1');
  const ipv6 = createServer((request, response) => server.emit('request', request, response));
  const hasIpv6 = await listen(ipv6, actualPort, '::1').then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT') return false;
      server.close();
      throw error;
    },
  );
  return {
    server,
    url: `http://localhost:${actualPort}${normalBase}`,
    addresses: hasIpv6 ? [`http://127.0.0.1:${actualPort}${normalBase}`, `http://[::1]:${actualPort}${normalBase}`] : [`http://127.0.0.1:${actualPort}${normalBase}`],
    close: async () => {
      await Promise.all([closeServer(server), hasIpv6 ? closeServer(ipv6) : undefined]);
    },
  };
}
