/** The outline stage through the same processor Astro runs, on a fixture reading. */
import { describe, expect, test } from 'vitest';
import { countWords, outlineOf } from '../../src/reading/outline.ts';
import { $, $$, parseHtml, text } from '../support/html.ts';
import { renderFixtureData } from '../support/pipeline.ts';

describe('the outline stage', () => {
  test('records each section in reading order with its heading and its words, notes and generated links apart', async () => {
    const { frontmatter } = await renderFixtureData('orchard-water.md');
    const outline = outlineOf(frontmatter);
    expect(outline.sections).toEqual([
      { id: 'introduction', title: 'Introduction', words: 15 },
      { id: 'water', title: 'Reason 1 of 2 · Water', words: 17 + 7 },
      { id: 'trade', title: 'Reason 2 of 2 · Trade', words: 16 },
      { id: 'conclusion', title: 'Conclusion', words: 6 },
    ]);
  });

  test('counts the margin notes’ words separately, their lists of sources apart', async () => {
    const { html, frontmatter } = await renderFixtureData('orchard-water.md');
    const tree = parseHtml(html);
    // The notes' gists and bodies, without their number, kind, sources, chart or link back.
    const expected = $$(tree, '.sidenote-gist, .sidenote-fold > p:not(.sidenote-sources, .sidenote-back)').reduce((sum, p) => sum + countWords(text(p)), 0);
    expect(outlineOf(frontmatter).noteWords).toBe(expected);
  });

  test('gives each frontmatter note the number on its marker, its marker’s id and its own', async () => {
    const { html, frontmatter } = await renderFixtureData('orchard-water.md');
    const outline = outlineOf(frontmatter);
    expect(outline.notes.drought).toEqual({ number: 3, marker: 'note-drought-ref', target: 'note-drought', kind: 'since' });
    const markers = $$(parseHtml(html), '.note-mark').map((mark) => [mark.properties.id, Number(text($(mark, 'a.note-ref')))]);
    expect(Object.values(outline.notes).map((n) => [n.marker, n.number])).toEqual(markers);
  });

  test('keeps the frontmatter the file was given', async () => {
    const { frontmatter } = await renderFixtureData('orchard-water.md');
    expect(frontmatter.title).toBe('Why the valley will keep its orchards');
  });
});
