import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtSiteDir, fileOfSitePath, listPages } from '../../bench/lib/built-site.ts';
import { pageCspProblems } from '../../bench/lib/csp.ts';
import { elementsOf, parseHtml } from '../../bench/lib/html.ts';

const dist = builtSiteDir();
const pages = listPages(dist);

describe('Content-Security-Policy in the built pages', () => {
  test('the site has pages to check', () => {
    expect(pages.length).toBeGreaterThan(1);
  });

  test.each(pages)('%s: a strict policy arrives first and covers all its inline code; no style="" or on* attributes', (sitePath) => {
    expect(pageCspProblems(readFileSync(fileOfSitePath(dist, sitePath), 'utf8'))).toEqual([]);
  });
});

/**
 * HTML the pages insert at run time, which the check above cannot see: the Cite panel's formatted
 * references (read/<reading>/passage-citations.json). A style attribute there is a violation
 * (and lost formatting) the moment a reader opens the panel.
 */
describe('HTML inserted at run time', () => {
  const files = readdirSync(path.join(dist, 'read'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('passage-citations.json'));

  test('there are citation files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files)('read/%s: references carry no style, no on* attribute and no script URL', (name) => {
    const { styles } = JSON.parse(readFileSync(path.join(dist, 'read', name), 'utf8')) as { styles: { style: string; reference: string }[] };
    expect(styles.length).toBeGreaterThan(0);
    const problems = styles.flatMap(({ style, reference }) =>
      [...elementsOf(parseHtml(reference))].flatMap((element) =>
        element.attrs
          .filter(({ name, value }) => name === 'style' || name.startsWith('on') || (name === 'href' && !/^(?:https?:|mailto:|#|\/)/i.test(value.trim())))
          .map(({ name, value }) => `${style}: <${element.tagName} ${name}="${value}">`),
      ),
    );
    expect(problems).toEqual([]);
  });
});
