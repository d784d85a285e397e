/**
 * `npm start` / `npm run serve`: serves the built site on http://localhost:4321 (or PORT), under
 * READER_BASE when the site was built for a sub-path.
 */
import { existsSync } from 'node:fs';
import { startStaticServer } from './static-server.ts';

const root = process.env.READER_OUT_DIR ?? 'dist';
if (!existsSync(root)) {
  console.error(`There is no built site in ${root}/. Run \`npm run build\` first (or \`npm start\`, which builds).`);
  process.exit(1);
}
const { url } = await startStaticServer({
  root,
  port: Number(process.env.PORT ?? 4321),
  host: process.env.HOST ?? '127.0.0.1',
  base: process.env.READER_BASE ?? '/',
});
console.log(`Serving ${root}/ at ${url.replace('127.0.0.1', 'localhost')}  (Ctrl+C to stop)`);
