/** The markup contract: the stylesheet styles every class the pipeline writes for it, and the schema reserves the page's own fragments. */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { CLASSES, PAGE_IDS, RESERVED_FRAGMENTS, SECTION_IDS, UNSTYLED } from '../../src/reading/markup.ts';

const styles = new URL('../../src/styles/', import.meta.url);
const css = readdirSync(styles)
  .filter((file) => file.endsWith('.css'))
  .map((file) => readFileSync(new URL(file, styles), 'utf8'))
  .join('\n');

test('the stylesheet has rules to check', () => {
  expect(css).toMatch(/\.sidenote\b/);
});

test.each(Object.entries(CLASSES).filter(([, name]) => !UNSTYLED.has(name)))('the stylesheet styles %s (.%s)', (_, name) => {
  expect(css).toMatch(new RegExp(`\\.${name}(?![\\w-])`));
});

test('a class left unstyled is not styled after all', () => {
  for (const name of UNSTYLED) expect(css).not.toMatch(new RegExp(`\\.${name}(?![\\w-])`));
});

test('every fragment of the page and of the text is reserved', () => {
  for (const id of [...Object.values(PAGE_IDS), ...Object.values(SECTION_IDS)]) expect(RESERVED_FRAGMENTS.has(id)).toBe(true);
});
