/**
 * The reading plugins run on content/readings/ only: any other Markdown page
 * builds as ordinary Astro Markdown, beside the readings.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { $, $$, parseHtml, text } from '../support/html.ts';
import { build, projectWith } from '../support/project.ts';
import { serveStatic } from '../support/static-server.ts';

const fixture = (name: string) => readFile(path.join(import.meta.dirname, '../fixtures/readings', name), 'utf8');
const copies: string[] = [];
afterAll(() => Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true }))));

// Words that would be cues and note quotes in a reading; here they are just words.
const about = `---
title: About
---

Gloss reads op-eds closely -- "In short", with notes.

- To begin with the growers
`;

const colophon = `---
title: Colophon
description: How Gloss is made.
layout: ../layouts/MarkdownPage.astro
---

Set in the reader's own serif. <abbr title="Cascading Style Sheets">CSS</abbr> by hand.
`;

test('Markdown pages outside content/readings build as plain Markdown, and the readings still as readings', async () => {
  const dir = await projectWith({ 'tea-tariffs.md': await fixture('tea-tariffs.md') }, { 'src/pages/about.md': about, 'src/pages/colophon.md': colophon });
  copies.push(dir);
  const result = await build(dir, path.join(dir, 'dist'));
  expect(result.code, result.output).toBe(0);

  const site = await serveStatic(result.outDir);
  try {
    const get = async (page: string) => {
      const response = await fetch(new URL(page, site.url));
      expect(response.status, page).toBe(200);
      return parseHtml(await response.text());
    };

    // The page: frontmatter `title: About` only, no layout. Smart punctuation, nothing else.
    const aboutPage = await get('about/');
    expect($$(aboutPage, 'p').map(text)).toEqual(['Gloss reads op-eds closely — “In short”, with notes.']);
    expect($$(aboutPage, 'li').map(text)).toEqual(['To begin with the growers']);
    expect($$(aboutPage, 'section, aside, .pilcrow, .permalink, [id]')).toEqual([]);

    // With the layout the README names: the site's shell, its title, and raw HTML kept as Markdown keeps it.
    const colophonPage = await get('colophon/');
    expect(text($(colophonPage, 'title'))).toBe('Colophon · Gloss');
    expect($(colophonPage, 'meta[name="description"]')!.properties.content).toBe('How Gloss is made.');
    expect(text($(colophonPage, 'main#text h1'))).toBe('Colophon');
    expect(text($(colophonPage, 'main#text abbr'))).toBe('CSS');
    expect($$(colophonPage, 'main section, main aside, .pilcrow')).toEqual([]);

    const reading = await get('tea-tariffs/');
    expect($$(reading, '.reading-text > section').map((s) => s.properties.id)).toEqual(['introduction', 'growers', 'rivals', 'conclusion']);
  } finally {
    await site.close();
  }
});
