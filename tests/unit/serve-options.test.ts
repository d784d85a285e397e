import { describe, expect, test } from 'vitest';
import { DEFAULT_PORT, parseServeOptions } from '../../src/cli/serve-options.ts';

describe('npm start and npm run serve options', () => {
  test('serve on localhost:4321 by default', () => {
    expect(parseServeOptions([], {})).toEqual({ port: DEFAULT_PORT, host: 'localhost' });
    expect(DEFAULT_PORT).toBe(4321);
  });

  test('take the port from --port, --port=, or PORT, the option winning', () => {
    expect(parseServeOptions(['--port', '8080'], {}).port).toBe(8080);
    expect(parseServeOptions(['--port=8081'], {}).port).toBe(8081);
    expect(parseServeOptions([], { PORT: '9000' }).port).toBe(9000);
    expect(parseServeOptions(['--port', '8080'], { PORT: '9000' }).port).toBe(8080);
    expect(parseServeOptions([], { HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  test.each([
    [['--port', 'http'], {}, '--port must be a port number from 0 to 65535, not "http" (for example --port 8080).'],
    [['--port'], {}, '--port needs a number after it (for example --port 8080).'],
    [[], { PORT: '70000' }, 'PORT must be a port number from 0 to 65535, not "70000" (for example --port 8080).'],
    [['--prot', '80'], {}, 'unknown option "--prot": the only option is --port <number> (or set PORT).'],
  ] as const)('refuse %j %j with a message that says what to write', (argv, env, message) => {
    expect(() => parseServeOptions(argv, env)).toThrow(message);
  });
});
