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
    ['plain Markdown', '# Title\n\nNothing *special*.', []],
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
    ['an inline style', '<span style="color: red">y</span>', 'invalid-component', 1, '<span style="…"> is not allowed: the site\'s Content-Security-Policy blocks inline styles and scripts.'],
    ['an event handler', '<span onClick="go()">y</span>', 'invalid-component', 1, '<span onClick="…"> is not allowed: the site\'s Content-Security-Policy blocks inline styles and scripts.'],
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
