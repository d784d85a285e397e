import { describe, expect, test } from 'vitest';
import { parseTermDefinitions } from '../../src/lib/term-definitions.ts';

const good = { term: 'commons', kind: 'concept', short: 'Shared resources.', url: '/glossary/commons/' };

describe('parseTermDefinitions', () => {
  test.each([
    ['a valid file', { commons: good }, { commons: good }],
    ['not an object', 'oops', {}],
    ['null', null, {}],
    ['an entry missing its definition', { commons: { ...good, short: undefined } }, {}],
    ['an entry of the wrong type', { commons: { ...good, url: 42 } }, {}],
    ['extra fields are dropped', { commons: { ...good, html: '<script>' } }, { commons: good }],
  ])('%s', (_name, input, expected) => expect(parseTermDefinitions(input)).toEqual(expected));
});
