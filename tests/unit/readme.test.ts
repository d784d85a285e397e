import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ERROR_KINDS } from '../../src/lib/content-errors.ts';

const readme = readFileSync('README.md', 'utf8');
const catalogue = readme.slice(readme.indexOf('## Error catalogue'));

test.each(Object.entries(ERROR_KINDS))('the README catalogue documents [%s]', (kind, meaning) => {
  const row = catalogue.split('\n').find((line) => line.startsWith(`| \`${kind}\` |`));
  expect(row, `no README row for ${kind}`).toBeDefined();
  expect(row).toContain(meaning.replace(/\|/g, '\\|'));
  expect(row).toContain(`[${kind}]`);
});

test('the scripts table lists npm run check', () => {
  expect(readme).toMatch(/\| `npm run check` \|/);
});
