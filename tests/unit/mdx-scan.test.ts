import { describe, expect, test } from 'vitest';
import { mdxPlainText, parseSyntaxError, scanMdxBody } from '../../src/lib/mdx-scan.ts';

describe('scanMdxBody: component uses with their lines', () => {
  test.each([
    ['a term with children', 'See <Term id="commons">the commons</Term>.', [['Term', 1, { id: 'commons' }]]],
    ['a self-closing term', '<Term id="commons" /> matters', [['Term', 1, { id: 'commons' }]]],
    [
      'a citation with locator and mode',
      'As\n\n<Cite id="kostakis-bauwens-2014" locator="p. 12" mode="narrative" /> says',
      [['Cite', 3, { id: 'kostakis-bauwens-2014', locator: 'p. 12', mode: 'narrative' }]],
    ],
    ['a passage reference', 'Compare <PassageRef id="kleiner-public-funding" />.', [['PassageRef', 1, { id: 'kleiner-public-funding' }]]],
    ['a passage reference into another reading', '<PassageRef id="intro" reading="other" />', [['PassageRef', 1, { id: 'intro', reading: 'other' }]]],
    ['nested in emphasis and lists', '- *<Term id="a">x</Term>*\n- **<Cite id="b" />**', [['Term', 1, { id: 'a' }], ['Cite', 2, { id: 'b' }]]],
    ['HTML elements are not components', '<abbr title="x">X</abbr> and <em>y</em>', []],
    ['plain Markdown', '## Title\n\nNothing *special*.', []],
    ['allowed inline HTML and Markdown links and images', '<q cite="https://example.org/">q</q> <span lang="fr" dir="ltr">oui</span> [a](/read/x/#p-1) [b](https://example.org) [c](mailto:x@example.org) [d](#p-2) ![e](/images/e.png)', []],
    ['a GFM table with aligned columns (the alignment is dropped, not refused)', '| a | b |\n|:--|--:|\n| c | d |', []],
  ] as const)('%s', (_name, body, expected) => {
    const scan = scanMdxBody(body);
    expect(scan.problems).toEqual([]);
    expect(scan.uses.map((u) => [u.component, u.line, u.props])).toEqual(expected);
  });

  test.each([
    ['unknown component', 'A <Trem id="x" />', 'invalid-component', 1, '<Trem> is not an author component.'],
    ['missing id', '\n<Cite locator="p. 3" />', 'invalid-component', 2, '<Cite> needs the prop "id".'],
    ['unknown prop', '<Term id="a" lang="en">a</Term>', 'invalid-component', 1, '<Term> has no prop "lang".'],
    ['bad mode', '<Cite id="a" mode="inline" />', 'invalid-component', 1, '<Cite mode="inline">: Invalid option: expected one of "parenthetical"|"narrative".'],
    ['id not a slug', '<Term id="Commons">c</Term>', 'invalid-component', 1, '<Term id="Commons">: use lower-case letters, digits and single hyphens, e.g. "kleiner-public-funding".'],
    ['expression value', '<Cite id={"a"} />', 'invalid-component', 1, '<Cite id> needs a plain quoted value.'],
    ['unclosed tag', 'Hello\n\n<Term id="x">oops\n\nmore', 'mdx-syntax', 3, 'MDX syntax error: Expected a closing tag for `<Term>` before the end of `paragraph`.'],
    ['stray brace', 'one\ntwo {', 'mdx-syntax', 2, undefined],
    ['an import', 'import X from "x"\n\nText', 'mdx-syntax', 1, 'MDX syntax error: import and export are not supported in notes and glossary entries.'],
    ['an expression in text', 'Text\n\nSum {1 + 1}', 'mdx-syntax', 3, 'MDX syntax error: JavaScript expressions in braces are not supported in notes and glossary entries.'],
    ['an expression as a block', '{x}', 'mdx-syntax', 1, 'MDX syntax error: JavaScript expressions in braces are not supported in notes and glossary entries.'],
    ['an HTML attribute with an expression', '<abbr title={x}>y</abbr>', 'invalid-component', 1, '<abbr> has an attribute whose value is not plain text.'],
    ['an inline style', '<span style="color: red">y</span>', 'unsafe-html', 1, '<span style="…"> is not allowed: the site\'s Content-Security-Policy blocks inline styles.'],
    ['an event handler', '<span onClick="go()">y</span>', 'unsafe-html', 1, '<span onClick="…"> is not allowed: event handlers run code, and the site\'s Content-Security-Policy blocks them.'],
    ['a script', 'a\n\n<script>alert(1)</script>', 'unsafe-html', 3, '<script> is not allowed in a note: it carries code or markup the reader\'s page would run or hide.'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://other.example/" />', 'unsafe-html', 1, '<meta> is not allowed in a note: it acts on the whole page: it can redirect readers, re-point every link or load a stylesheet.'],
    ['a form, reported once with what it holds', '<form action="https://x.example/">\n<input type="password" />\n</form>', 'unsafe-html', 1, '<form> is not allowed in a note: a form can collect what readers type and send it elsewhere.'],
    ['an svg with onload, reported once', '<svg onload="alert(1)"><circle r="1" /></svg>', 'unsafe-html', 1, '<svg> is not allowed in a note: it can carry scripts, styles and links of its own.'],
    ['a tag in mixed case', '<sCrIpT>x</sCrIpT>', 'unsafe-html', 1, '<sCrIpT> is not allowed in a note: it carries code or markup the reader\'s page would run or hide.'],
    ['an attribute not on the list', '<abbr id="x" title="t">a</abbr>', 'unsafe-html', 1, '<abbr id="…"> is not allowed: a note may not use the attribute "id" on <abbr>.'],
    ['a value not on the list', '<span dir="sideways">a</span>', 'unsafe-html', 1, '<span dir="sideways"> is not allowed: that value is not one a note may use.'],
    ['a class of the site\'s own', '<span class="site-header">a</span>', 'unsafe-html', 1, '<span class="…"> is not allowed: a note may not use the attribute "class" on <span>.'],
    ['a level-1 heading', '# Title', 'unsafe-html', 1, 'a level-1 heading (# …) is not allowed in a note: the page\'s title is its only level-1 heading.'],
    ['a footnote', 'Text[^1]\n\n[^1]: More.', 'unsafe-html', 1, 'a footnote ([^…]) is not allowed in a note: its numbers and links would clash with the other notes on the page.'],
    ['a task list', '- [ ] do', 'unsafe-html', 1, 'a task-list checkbox (- [ ] or - [x]) is not allowed in a note: it would be a form control in the reader\'s page.'],
    ['a javascript: link', '[x](javascript:alert(1))', 'unsafe-url', 1, 'the link "javascript:alert(1)" is not allowed: javascript: URLs run code in the reader\u2019s browser.'],
    ['a javascript: link by reference', '[x][r]\n\n[r]: JavaScript:alert(1)', 'unsafe-url', 1, 'the link "JavaScript:alert(1)" is not allowed: javascript: URLs run code in the reader\u2019s browser.'],
    ['an external image', '![x](https://evil.example/a.png)', 'unsafe-url', 1, 'the image "https://evil.example/a.png" is not allowed: an image from another site is a request to a third party on every page view.'],
    ['an external image in HTML', '<img src="//evil.example/a.png" alt="" />', 'unsafe-url', 1, '<img src="//evil.example/a.png"> is not allowed: an image from another site is a request to a third party on every page view.'],
    ['an entity-encoded scheme in HTML', '<a href="&#106;avascript:alert(1)">x</a>', 'unsafe-url', 1, '<a href="javascript:alert(1)"> is not allowed: javascript: URLs run code in the reader\u2019s browser.'],
    ['a second, upper-case href', '<a href="/ok" HREF="javascript:alert(1)">x</a>', 'unsafe-url', 1, '<a HREF="javascript:alert(1)"> is not allowed: javascript: URLs run code in the reader\u2019s browser.'],
    ['a Markdown link inside HTML', '<abbr title="t">\n\n[x](data:text/html,hi)\n\n</abbr>', 'unsafe-url', 3, 'the link "data:text/html,hi" is not allowed: data: URLs carry content the check cannot read.'],
  ])('problem: %s', (_name, body, kind, line, message) => {
    const { problems, uses } = scanMdxBody(body);
    expect(uses).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind, line });
    if (message) expect(problems[0]!.message).toBe(message);
    expect(problems[0]!.fix.length).toBeGreaterThan(10);
  });
});

describe('parseSyntaxError', () => {
  test.each([
    ['3:7: Expected a closing tag for `<Term>` (3:7) before the end of `paragraph` (mdx-jsx:unexpected-character)', 3, 'Expected a closing tag for `<Term>` before the end of `paragraph`'],
    ['12:1-12:4: Unexpected end (micromark:x)', 12, 'Unexpected end'],
    ['no location', 1, 'no location'],
  ])('%s', (text, line, message) => {
    expect(parseSyntaxError(new Error(text))).toEqual({ line, message });
  });
});

describe('mdxPlainText', () => {
  test.each([
    ['paragraphs and emphasis', 'One *two*.\n\nThree.', 'One two.\n\nThree.'],
    ['components keep their text', 'A <Term id="c">commons</Term> b', 'A commons b'],
    ['lists as bullets', '- a\n- b', '• a\n\n• b'],
  ])('%s', (_name, body, expected) => {
    expect(mdxPlainText(body)).toBe(expected);
  });

  test('a component renderer fills self-closing components', () => {
    const text = mdxPlainText('See <Cite id="k" locator="p. 2" />.', ({ name, props, text: inner }) =>
      name === 'Cite' ? `(${props.id}, ${props.locator})` : inner,
    );
    expect(text).toBe('See (k, p. 2).');
  });
});
