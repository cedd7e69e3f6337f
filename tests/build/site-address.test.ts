/**
 * The site's address (GLOSS_SITE) goes into canonical links, JSON-LD, the feed
 * and the visible citation: a build for a host must be given it, never fall
 * back to localhost by itself.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { build, projectWith } from '../support/project.ts';

const fixture = (name: string) => readFile(path.join(import.meta.dirname, '../fixtures/readings', name), 'utf8');

test('a build with no GLOSS_SITE, and no GLOSS_ALLOW_LOCALHOST=1 to preview locally, fails and says which variable to set', async () => {
  const dir = await projectWith({ 'tea-tariffs.md': await fixture('tea-tariffs.md') });
  const result = await build(dir, path.join(dir, 'dist'), { GLOSS_SITE: '', GLOSS_ALLOW_LOCALHOST: '' });
  expect(result.code, result.output).not.toBe(0);
  expect(result.output).toContain('GLOSS_SITE is not set');
  expect(result.output).toContain('GLOSS_ALLOW_LOCALHOST=1');
});
