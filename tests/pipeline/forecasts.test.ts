/** The forecasts stage through the same processor Astro runs, on a fixture reading with forecasts. */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { forecastPlacesOf } from '../../src/reading/forecasts.ts';
import { anchorReport } from '../../src/import/full-text-edition.ts';
import { parseReading } from '../../src/reading/schema.ts';
import { $, parseHtml, runningText, text } from '../support/html.ts';
import { type Frontmatter, readFixture, renderFailure, renderFixture, renderFixtureData } from '../support/pipeline.ts';

describe('the forecasts stage', () => {
  test('records the block that holds each forecast’s quote, and the quoted words as the text spells them', async () => {
    const { html, frontmatter } = await renderFixtureData('orchard-water.md');
    const places = forecastPlacesOf(frontmatter);
    expect(places).toEqual({
      'orchards-stay': { block: 'conclusion-1', text: 'the orchards stay' },
      'buyers-keep-coming': { block: 'trade-1', text: 'far-off buyers come' },
    });
    // The recorded block is the one whose text holds the quote.
    const tree = parseHtml(html);
    expect(text($(tree, '#conclusion-1'))).toContain('the orchards stay');
    expect(runningText($(tree, '#trade-1'))).toMatch(/far-off buyers\d+ come/);
  });

  test('marks nothing, so a forecast may quote words a note also quotes', async () => {
    const tree = parseHtml(await renderFixture('orchard-water.md'));
    // "far-off buyers" is the buyers note's anchor; the forecast quoting "far-off buyers come" changes nothing.
    expect(text($(tree, '#trade-1 .anchor[data-note="note-buyers"]'))).toBe('far-off buyers');
    expect($(tree, '[data-forecast], .forecast-anchor')).toBeUndefined();
  });

  test('records no words when the page says them elsewhere too, so a link goes to the block rather than the first place a browser finds them', async () => {
    const { frontmatter } = await renderFixtureData('orchard-water.md', (r) => {
      // The argument map and the scored section show the claim before the text's paragraph.
      r.frontmatter.forecasts[0].claim = 'The orchards stay, the fixture says.';
    });
    expect(forecastPlacesOf(frontmatter)).toEqual({
      'orchards-stay': { block: 'conclusion-1' },
      'buyers-keep-coming': { block: 'trade-1', text: 'far-off buyers come' },
    });
  });

  test('follows typographic quotes, dashes and spacing as notes do, and keeps the text’s own spelling', async () => {
    const { frontmatter } = await renderFixtureData('orchard-water.md', (r) => {
      r.body = r.body.replace('far-off buyers come', 'far\u2011off  buyers come');
    });
    expect(forecastPlacesOf(frontmatter)['buyers-keep-coming']).toEqual({ block: 'trade-1', text: 'far\u2011off  buyers come' });
  });

  describe('refuses forecasts that do not anchor, naming the file and the forecast', () => {
    test('a quote not found', async () => {
      const error = await renderFailure('orchard-water.md', (r) => (r.frontmatter.forecasts[0].quote = 'the orchards go'));
      expect(error).toContain('tests/fixtures/readings/orchard-water.md: the text does not fit its frontmatter');
      expect(error).toContain('forecasts.0 (orchards-stay): quote "the orchards go" not found in the text');
    });

    test('a quote found more than once, until a prefix picks one', async () => {
      const ambiguous = (r: { frontmatter: Frontmatter }) => (r.frontmatter.forecasts[1].quote = 'orchards');
      const error = await renderFailure('orchard-water.md', ambiguous);
      expect(error).toContain('forecasts.1 (buyers-keep-coming): quote "orchards" found 2 times; add a prefix or suffix that picks one');
      expect(
        await renderFailure('orchard-water.md', (r) => {
          ambiguous(r);
          r.frontmatter.forecasts[1].prefix = 'So the';
        }),
      ).toBe('');
    });

    test('every problem in one failing build: forecasts, notes and cues alike', async () => {
      const error = await renderFailure('orchard-water.md', (r) => {
        r.frontmatter.forecasts[0].quote = 'the orchards go';
        r.frontmatter.forecasts[1].quote = 'orchards';
        r.frontmatter.notes[1].quote = 'Wet years';
        r.frontmatter.conclusion.cue = 'To sum up';
      });
      for (const field of ['forecasts.0 (orchards-stay)', 'forecasts.1 (buyers-keep-coming)', 'notes.1 (rainfall)', 'conclusion.cue'])
        expect(error).toContain(field);
    });
  });

  test('the import checks forecasts in a full text with the same plugins as the build', async () => {
    const { frontmatter, body } = await readFixture('orchard-water.md');
    const reading = parseReading(frontmatter, 'orchard-water.md');
    const file = path.resolve('content/readings/orchard-water.full.md');
    expect((await anchorReport(reading, body, file)).problems).toEqual([]);
    // In the publisher's wording the forecast reads differently.
    expect((await anchorReport(reading, body.replace('So the orchards stay, for now.', 'So the orchards remain, for now.'), file)).problems).toEqual([
      'conclusion.cue: cue "So the orchards stay" not found in the text',
      'forecasts.0 (orchards-stay): quote "the orchards stay" not found in the text',
    ]);
  });
});
