/**
 * `npm run serve`: serves the built site on http://localhost:4321 (IPv4 and IPv6), under
 * READER_BASE when the site was built for a sub-path. `--port <n>` or PORT picks another port;
 * HOST another address. `npm start` builds first, then runs this.
 */
import { existsSync } from 'node:fs';
import { parseServeOptions } from './serve-options.ts';
import { startStaticServer } from './static-server.ts';

const root = process.env.READER_OUT_DIR ?? 'dist';
let options;
try {
  options = parseServeOptions(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`npm run serve: ${(error as Error).message}`);
  process.exit(1);
}
if (!existsSync(root)) {
  console.error(`There is no built site in ${root}/. Run \`npm run build\` first (or \`npm start\`, which builds).`);
  process.exit(1);
}
try {
  const { url, addresses } = await startStaticServer({ root, port: options.port, host: options.host, base: process.env.READER_BASE ?? '/' });
  console.log(`\nServing ${root}/ at ${url}${addresses ? `  (${addresses.join(' and ')})` : ''}\nPress Ctrl+C to stop.`);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${options.port} is already in use (is the site already being served?). Stop the other server, or pick another port: npm start -- --port 8080`
      : `Could not serve ${root}/ on ${options.host}:${options.port}: ${(error as Error).message}`,
  );
  process.exit(1);
}
