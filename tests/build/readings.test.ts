/** The engine is not tied to one op-ed: any Markdown file in content/readings/ is a reading. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { $, $$, parseHtml, text } from '../support/html.ts';
import { build, projectWith } from '../support/project.ts';

const fixture = (name: string) => readFile(path.join(import.meta.dirname, '../fixtures/readings', name), 'utf8');
const page = async (dir: string, file: string) => parseHtml(await readFile(path.join(dir, file), 'utf8'));

describe.concurrent('readings', () => {
  test('a second Markdown file becomes a second reading at its own URL, and the root lists both', async () => {
    const dir = await projectWith({ 'tea-tariffs.md': await fixture('tea-tariffs.md'), 'river-bridges.md': await fixture('river-bridges.md') });
    const result = await build(dir, path.join(dir, 'dist'));
    expect(result.code, result.output).toBe(0);

    const bridges = await page(result.outDir, 'river-bridges/index.html');
    expect(text($(bridges, 'h1'))).toBe('The case for three more river bridges');
    expect($$(bridges, '.reading-text > section').map((s) => s.properties.id)).toEqual(['introduction', 'traffic', 'trade', 'resilience', 'conclusion']);
    expect(text($(bridges, '.byline'))).toContain('Fixture Weekly, 2020');
    const tea = await page(result.outDir, 'tea-tariffs/index.html');
    expect(text($(tea, 'h1'))).toBe('Why the tea tariff will outlast its critics');

    const home = await page(result.outDir, 'index.html');
    expect($$(home, '.reading-list a').map((a) => [text(a), a.properties.href])).toEqual([
      ['The case for three more river bridges', '/river-bridges/'],
      ['Why the tea tariff will outlast its critics', '/tea-tariffs/'],
    ]);
  });

  test('with exactly one reading, the root shows it', async () => {
    const dir = await projectWith({ 'tea-tariffs.md': await fixture('tea-tariffs.md') });
    const result = await build(dir, path.join(dir, 'dist'));
    expect(result.code, result.output).toBe(0);
    const home = await page(result.outDir, 'index.html');
    expect(text($(home, 'h1'))).toBe('Why the tea tariff will outlast its critics');
    // The test builds allow localhost (GLOSS_ALLOW_LOCALHOST=1), as `npm start` does for its preview.
    expect($(home, 'link[rel="canonical"]')!.properties.href).toBe('http://localhost:4321/tea-tariffs/');
  });
});
