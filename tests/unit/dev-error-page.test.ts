/**
 * The page `astro dev` shows while content is refused (src/integrations/content-errors-in-dev.ts):
 * every problem with its file, line, field, kind, message and fix, escaped, with Vite's client
 * under the site's base so the page reloads once the fix is saved; and which requests get it.
 */
import { describe, expect, test } from 'vitest';
import { devErrorPage, wantsPage } from '../../src/integrations/content-errors-in-dev.ts';
import type { ContentProblem } from '../../src/lib/content-errors.ts';

const COLON: ContentProblem = {
  kind: 'invalid-yaml',
  file: 'annotations/sources.yaml',
  line: 17,
  message: 'the value of title contains ": " (a colon and a space), which YAML reads as the start of another field.',
  fix: 'quote the value: `title: "Odyssey: Book One"`.',
};
const LICENCE: ContentProblem = {
  kind: 'invalid-field',
  file: 'src/content/readings/sample/reading.yaml',
  line: 9,
  field: 'licence',
  message: 'licence must be a mapping with name and url (note is optional), not a string of text.',
  fix: 'write it as a mapping, e.g. `licence: { name: "Public domain", url: … }` (or one field per line, indented under `licence:`).',
};

describe('the dev error page', () => {
  test('lists each problem: where, kind, what and fix, with `code` spans', () => {
    const page = devErrorPage([COLON, LICENCE]);
    expect(page).toContain('<title>Content check failed</title>');
    expect(page).toContain('<h1>Content check failed with 2 problems</h1>');
    expect(page).toContain(`<li data-content-problem="invalid-yaml">
<p class="where"><code>annotations/sources.yaml:17</code> <span class="kind">[invalid-yaml]</span></p>
<p class="what">the value of title contains &quot;: &quot; (a colon and a space), which YAML reads as the start of another field.</p>
<p class="fix"><strong>Fix:</strong> quote the value: <code>title: &quot;Odyssey: Book One&quot;</code>.</p>
</li>`);
    expect(page).toContain(
      '<p class="where"><code>src/content/readings/sample/reading.yaml:9</code> <span class="field">(licence)</span> <span class="kind">[invalid-field]</span></p>',
    );
    expect(devErrorPage([COLON])).toContain('<h1>Content check failed with 1 problem</h1>');
  });

  test('what an author wrote is escaped, never markup', () => {
    const page = devErrorPage([{ kind: 'phrase-not-found', file: 'annotations/r/n.mdx', message: '"<script>alert(1)</script>" does not occur & never will.' }]);
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; does not occur &amp; never will.');
    expect(page).not.toContain('class="fix"');
  });

  test("Vite's client is loaded under the site's base, so the page reloads after a fix", () => {
    expect(devErrorPage([COLON])).toContain('<script type="module" src="/@vite/client"></script>');
    expect(devErrorPage([COLON], '/courses/pol-101/reader/')).toContain('src="/courses/pol-101/reader/@vite/client"');
    expect(devErrorPage([COLON], '/reader')).toContain('src="/reader/@vite/client"');
  });

  test.each([
    ['a page', { method: 'GET', url: '/read/sample/', accept: 'text/html,application/xhtml+xml' }, true],
    ['a page with a query', { method: 'GET', url: '/search/?q=commons', accept: 'text/html' }, true],
    ['a HEAD request for a page', { method: 'HEAD', url: '/', accept: 'text/html' }, true],
    ['a script', { method: 'GET', url: '/src/scripts/ar-search.ts', accept: '*/*' }, false],
    ["Vite's client", { method: 'GET', url: '/@vite/client', accept: 'text/html' }, false],
    ["Vite's client under a base", { method: 'GET', url: '/reader/@vite/client', accept: 'text/html' }, false],
    ['a file Vite serves from disk', { method: 'GET', url: '/@fs/project/src/x.ts', accept: 'text/html' }, false],
    ['a bundled asset', { method: 'GET', url: '/_astro/site.css', accept: 'text/html' }, false],
    ['a form post', { method: 'POST', url: '/', accept: 'text/html' }, false],
  ])('%s: served the error page = %s', (_name, request, expected) => {
    expect(wantsPage({ method: request.method, url: request.url, headers: { accept: request.accept } })).toBe(expected);
  });
});
