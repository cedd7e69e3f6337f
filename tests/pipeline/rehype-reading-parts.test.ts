/** rehypeReadingParts: the parts of the rendered text that argument pages and the annotation export reuse, cut from the one rendering. */
import { expect, test } from 'vitest';
import { partsOf } from '../../src/reading/parts.ts';
import { $, parseHtml, text } from '../support/html.ts';
import { renderFixtureData } from '../support/pipeline.ts';

test('records each argument section exactly as the page renders it', async () => {
  const { html, frontmatter } = await renderFixtureData('tea-tariffs.md');
  const { sections } = partsOf(frontmatter);
  expect(Object.keys(sections)).toEqual(['growers', 'rivals']);
  const page = parseHtml(html);
  for (const [id, section] of Object.entries(sections)) {
    const alone = parseHtml(section);
    expect($(alone, `section#${id}`)).toBeTruthy();
    // The same words and the same markers, numbered as in the whole reading.
    expect(text(alone)).toBe(text($(page, `section#${id}`)));
  }
  expect(text($(parseHtml(sections.growers!), 'a.note-ref'))).toBe(text($(page, '#growers a.note-ref')));
});

test('records each note’s content in reading order, without the number and kind that link into the page', async () => {
  const { notes } = partsOf((await renderFixtureData('tea-tariffs.md')).frontmatter);
  expect(Object.keys(notes)).toEqual(['note-tariff-rate', 'note-harbour', 'note-fn-estates']);
  const tariff = notes['note-tariff-rate']!;
  expect(tariff).toContain('<em>1998</em>');
  expect(tariff).toContain('<p class="sidenote-sources">Source: <a href="https://example.org/trade">Fixture Trade Review</a>.</p>');
  expect(tariff).not.toContain('sidenote-head');
  expect(tariff).not.toContain('Note 1');
  expect(tariff).not.toContain('#note-tariff-rate-ref');
});
