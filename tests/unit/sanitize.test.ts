import { describe, expect, test } from 'vitest';
import { allowedAttributesOf, findUnsafe, isAllowedElement, NOTE_SCHEMA, parseFragment, sanitizeHtml, toProperty } from '../../src/lib/sanitize.ts';

/** The parsed tree without source positions: equal shapes mean the same HTML to a browser. */
const shape = (html: string) => JSON.parse(JSON.stringify(parseFragment(html), (key, value) => (key === 'position' ? undefined : value)));

/** Findings as `kind tag[ attribute]`, for compact tables. */
const summary = (html: string) =>
  findUnsafe(parseFragment(html)).map((f) => (f.kind === 'element' ? `element ${f.tagName}` : `${f.kind} ${f.tagName} ${f.attribute}`));

describe('NOTE_SCHEMA: what an editor may write', () => {
  test('Markdown, GFM tables and a few inline tags are in; page-level, scripting, embedding and form elements are out', () => {
    for (const tag of ['p', 'em', 'strong', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'h2', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'del', 'br', 'hr', 'img', 'sup', 'sub', 'abbr', 'cite', 'q', 'kbd', 'mark', 'small', 'span', 'bdi', 'dfn']) {
      expect(isAllowedElement(tag), tag).toBe(true);
    }
    for (const tag of ['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'meta', 'base', 'link', 'svg', 'math', 'template', 'frame', 'frameset', 'noscript', 'portal', 'h1', 'div', 'section', 'video', 'audio', 'source', 'picture', 'dialog', 'details']) {
      expect(isAllowedElement(tag), tag).toBe(false);
    }
  });

  test('no element may carry an id, a class of its own choosing, a style or an event handler', () => {
    for (const tag of NOTE_SCHEMA.tagNames!) {
      const names = allowedAttributesOf(tag);
      expect(names.filter((n) => /^on|^style$|^id$|^class$|^srcdoc$|^srcset$|^ping$|^formaction$/i.test(n)), tag).toEqual([]);
    }
    expect(allowedAttributesOf('img')).toEqual(['src', 'alt', 'lang', 'dir', 'title']);
    expect(allowedAttributesOf('a')).toEqual(['href', 'lang', 'dir', 'title']);
  });

  test('written attributes become the properties an HTML parser would make', () => {
    expect(toProperty('HREF', '/x')).toEqual(['href', '/x']);
    expect(toProperty('onClick', 'go()')).toEqual(['onClick', 'go()']);
    expect(toProperty('class', 'a  b')).toEqual(['className', ['a', 'b']]);
    expect(toProperty('http-equiv', 'refresh')).toEqual(['httpEquiv', ['refresh']]);
    expect(toProperty('disabled', null)).toEqual(['disabled', true]);
  });
});

describe('findUnsafe: everything outside the allowlist, once per root cause', () => {
  test.each([
    ['Markdown output', '<p>A <em>b</em> <a href="https://example.org/" title="t">c</a> <img src="/a.png" alt="x"></p><pre><code class="language-js">x</code></pre>', []],
    ['author components', '<a href="/sources/#source-k">(K 2014)</a> <a href="#p-x"><span class="visually-hidden">passage </span>¶2</a>', []],
    ['inline tags', '<abbr title="t">a</abbr><q cite="https://example.org/">q</q><span lang="fr" dir="rtl">x</span><ol start="3"><li>x</li></ol>', []],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://other.example/">', ['element meta']],
    ['a base', '<base href="https://other.example/">', ['element base']],
    ['a script, nothing inside it reported', '<script><img src=x onerror=alert(1)></script>', ['element script']],
    ['a form and its inputs, once', '<form><input type="password"><button>go</button></form>', ['element form']],
    ['an svg and its link, once', '<svg onload="x"><a href="javascript:y">z</a></svg>', ['element svg']],
    ['event handlers and styles', '<p style="x" onclick="y" ONMOUSEOVER="z">t</p>', ['attribute p style', 'attribute p onclick', 'attribute p onmouseover']],
    ['a class of the site\u2019s', '<span class="site-header">x</span>', ['attribute span class']],
    ['a class on a link or a paragraph', '<a class="cite" href="/">x</a><p class="cite">x</p>', ['attribute a class', 'attribute p class']],
    ['a bad dir', '<span dir="up">x</span>', ['attribute span dir']],
    ['urls', '<a href="javascript:x">a</a><img src="https://evil.example/a.png" alt=""><q cite="data:x">q</q>', ['url a href', 'url img src', 'url q cite']],
    ['srcset, ping, srcdoc', '<img src="/a.png" srcset="https://e.example/a.png 2x" alt=""><a href="/" ping="https://t.example/">x</a>', ['attribute img srcset', 'attribute a ping']],
  ])('%s', (_name, html, expected) => {
    expect(summary(html)).toEqual(expected);
  });
});

describe('sanitizeHtml: the same allowlist, applied', () => {
  test.each([
    ['<p>A <em>b</em> <a href="https://example.org/?a=1&amp;b=2" title="T">f</a></p>', '<p>A <em>b</em> <a href="https://example.org/?a=1&#x26;b=2" title="T">f</a></p>'],
    ['<a href="/glossary/commons/">the commons</a>', '<a href="/glossary/commons/">the commons</a>'],
  ])('safe HTML keeps its meaning: %s', (html, expected) => {
    expect(shape(sanitizeHtml(html))).toEqual(shape(expected));
    expect(summary(sanitizeHtml(html))).toEqual([]);
  });

  test.each([
    ['<meta http-equiv="refresh" content="0;url=https://other.example/">text', 'text'],
    ['<script>alert(1)</script><style>p{}</style><template><b>x</b></template>ok', 'ok'],
    ['<img src="/a.png" alt="" onerror="alert(1)">', '<img src="/a.png" alt="">'],
    ['<img src="https://evil.example/a.png" alt="">', '<img alt="">'],
    ['<a href="java&#x09;script:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="/ok" HREF="javascript:alert(1)">x</a>', '<a href="/ok">x</a>'],
    ['<div><p style="color:red" class="x">a</p></div>', '<p>a</p>'],
    ['<form action="https://evil.example/"><label>Password <input type="password"></label></form>', 'Password '],
    ['<svg onload="alert(1)"><circle r="1"/></svg>after', 'after'],
    ['<p>a<iframe srcdoc="<script>alert(1)</script>"></iframe>b</p>', '<p>ab</p>'],
  ])('%s', (html, expected) => {
    const clean = sanitizeHtml(html);
    expect(shape(clean)).toEqual(shape(expected));
    expect(summary(clean)).toEqual([]);
  });
});
