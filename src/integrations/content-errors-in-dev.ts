/**
 * `astro dev` shows content errors in the browser. While the content loaders report problems
 * (src/loaders/content-outcome.ts), every page is answered with one page listing them (what, the
 * file and line, the fix) instead of the last version that loaded; when the problems change or
 * are fixed, open pages reload through Vite's client. The terminal gets the same messages.
 */
import type { AstroIntegration } from 'astro';
import type { IncomingMessage } from 'node:http';
import type { ContentProblem } from '../lib/content-errors.ts';
import { escapeHtml } from '../lib/render-passage.ts';
import { devContentProblems, onDevContentReport } from '../loaders/content-outcome.ts';

/** Escaped text with `code` spans (the messages quote what to write between backticks). */
const richText = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

/**
 * The page shown instead of the site while content is refused: each problem as the check prints it,
 * with Vite's client (`<base>@vite/client`) so the page reloads once a fix is saved.
 */
export function devErrorPage(problems: readonly ContentProblem[], base = '/'): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const items = problems.map((problem) => {
    const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
    const field = problem.field ? ` <span class="field">(${escapeHtml(problem.field)})</span>` : '';
    const fix = problem.fix ? `\n<p class="fix"><strong>Fix:</strong> ${richText(problem.fix)}</p>` : '';
    return `<li data-content-problem="${escapeHtml(problem.kind)}">\n<p class="where"><code>${escapeHtml(where)}</code>${field} <span class="kind">[${escapeHtml(problem.kind)}]</span></p>\n<p class="what">${richText(problem.message)}</p>${fix}\n</li>`;
  });
  const client = `${base.endsWith('/') ? base : `${base}/`}@vite/client`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Content check failed</title>
<link rel="icon" href="data:,">
<script type="module" src="${escapeHtml(client)}"></script>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; margin: 0; padding: 2rem 1rem; background: #fff8f6; color: #1d1b1a; }
main { max-width: 48rem; margin: 0 auto; }
h1 { font-size: 1.5rem; color: #8f1d12; margin: 0 0 .5rem; }
ol { padding-left: 1.5rem; }
li { margin: 1rem 0; padding: .75rem 1rem; background: #fff; border: 1px solid #e4c7c1; border-radius: .4rem; }
li p { margin: .25rem 0; }
code { font: .95em ui-monospace, monospace; background: #f3ecea; padding: 0 .2em; border-radius: .2rem; overflow-wrap: anywhere; }
.kind, .field { color: #5c5654; }
</style>
</head>
<body>
<main data-content-errors>
<h1>Content check failed with ${count}</h1>
<p>The site is not shown until the content is fixed. Save a fix and this page reloads by itself; the terminal and <code>npm run check</code> print the same messages.</p>
<ol>
${items.join('\n')}
</ol>
</main>
</body>
</html>
`;
}

/** A request for a page (not a script, style, image or one of Vite's own modules). */
export function wantsPage(request: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (!String(request.headers.accept ?? '').includes('text/html')) return false;
  const url = request.url ?? '/';
  return !/(?:^|\/)(?:@[a-z-]+|_astro|node_modules|__vite_ping)(?:\/|$)/.test(url.split('?')[0]!);
}

/** Astro integration: in `astro dev` only, content problems replace the page until fixed. */
export function contentErrorsInDev(): AstroIntegration {
  return {
    name: 'reader:content-errors-in-dev',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const base = server.config.base;
        let shown = JSON.stringify(devContentProblems());
        const unsubscribe = onDevContentReport(() => {
          const now = JSON.stringify(devContentProblems());
          if (now === shown) return;
          shown = now;
          server.ws.send({ type: 'full-reload', path: '*' });
        });
        server.httpServer?.once('close', unsubscribe);
        server.middlewares.use((request, response, next) => {
          const problems = devContentProblems();
          if (!problems.length || !wantsPage(request)) return next();
          response.statusCode = 500;
          response.setHeader('Content-Type', 'text/html; charset=utf-8');
          response.setHeader('Cache-Control', 'no-store');
          response.end(devErrorPage(problems, base));
        });
      },
    },
  };
}
