/** rehypeReadingParts: the parts of the rendered text that argument pages and the annotation export reuse, cut from the one rendering. */
import { expect, test, vi } from 'vitest';
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

test('records the content of a full text’s notes that found no place, after the placed ones, for the annotation export', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const { notes } = partsOf(
    (
      await renderFixtureData('tea-tariffs.md', (r) => {
        r.frontmatter.edition = 'full';
        r.body = r.body.replace('twelve per cent', 'a modest rate');
      })
    ).frontmatter,
  );
  warn.mockRestore();
  expect(Object.keys(notes)).toEqual(['note-harbour', 'note-fn-estates', 'note-tariff-rate']);
  expect(notes['note-tariff-rate']).toContain('<em>1998</em>');
  expect(notes['note-tariff-rate']).toContain('<a href="https://example.org/trade">Fixture Trade Review</a>');
  expect(notes['note-tariff-rate']).not.toContain('sidenote-head');
});
