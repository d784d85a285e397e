/**
 * Options of `npm start` and `npm run serve`: the port from `--port <n>`, `--port=<n>` or PORT
 * (default 4321), and the host from HOST (default localhost, i.e. 127.0.0.1 and ::1 only).
 */
export interface ServeOptions {
  port: number;
  host: string;
}

export const DEFAULT_PORT = 4321;

/** Parses the command line and environment; throws an Error whose message says what to write instead. */
export function parseServeOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ServeOptions {
  let portText = env.PORT;
  let portSource = 'PORT';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--port') {
      portText = argv[++i];
      if (portText === undefined) throw new Error('--port needs a number after it (for example --port 8080).');
      portSource = '--port';
    } else if (arg.startsWith('--port=')) {
      portText = arg.slice('--port='.length);
      portSource = '--port';
    } else {
      throw new Error(`unknown option "${arg}": the only option is --port <number> (or set PORT).`);
    }
  }
  let port = DEFAULT_PORT;
  if (portText !== undefined && portText !== '') {
    if (!/^\d+$/.test(portText) || Number(portText) > 65535) {
      throw new Error(`${portSource} must be a port number from 0 to 65535, not "${portText}" (for example --port 8080).`);
    }
    port = Number(portText);
  }
  return { port, host: env.HOST || 'localhost' };
}
