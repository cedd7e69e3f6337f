/** The forecasts, scored: rows built from a fixture reading and what its rendering recorded. */
import { describe, expect, test } from 'vitest';
import { forecastPlacesOf, forecastsTitle, scoredForecasts, statusClass, textDirective } from '../../src/reading/forecasts.ts';
import { outlineOf } from '../../src/reading/outline.ts';
import { parseReading } from '../../src/reading/schema.ts';
import { readFixture, renderFixtureData } from '../support/pipeline.ts';

const fixture = async () => {
  const { frontmatter } = await renderFixtureData('orchard-water.md');
  const reading = parseReading((await readFixture('orchard-water.md')).frontmatter, 'orchard-water.md');
  return { reading, outline: outlineOf(frontmatter), places: forecastPlacesOf(frontmatter) };
};

describe('scoredForecasts', () => {
  test('gives each forecast, in the frontmatter’s order, its row id, status in words, evidence and place in the text', async () => {
    const { reading, outline, places } = await fixture();
    expect(scoredForecasts(reading, outline, places)).toEqual([
      {
        id: 'orchards-stay',
        elementId: 'forecast-orchards-stay',
        claim: 'The orchards will still be farmed in five years.',
        status: 'held',
        statusLabel: 'Held',
        checked: '2026-11-30',
        evidence: 'The fictional land register still lists every orchard.',
        source: { title: 'Fixture Land Register, orchard parcels', url: 'https://example.org/register' },
        textHref: '#conclusion-1:~:text=the%20orchards%20stay',
      },
      {
        id: 'buyers-keep-coming',
        elementId: 'forecast-buyers-keep-coming',
        claim: 'Buyers from afar will keep coming for the fruit.',
        status: 'partly',
        statusLabel: 'Partly held',
        checked: '2026-11-30',
        evidence: 'Buyers still come, but mostly from the next town.',
        // The number the reader sees on the buyers note's marker.
        note: { number: 5, href: '#note-buyers' },
        textHref: '#trade-1:~:text=far%2Doff%20buyers%20come',
      },
    ]);
  });

  test('fails, naming the forecast, when the rendering recorded no place for it', async () => {
    const { reading, outline } = await fixture();
    expect(() => scoredForecasts(reading, outline, {})).toThrow('forecast "orchards-stay" has no place in the text');
    expect(() => forecastPlacesOf({})).toThrow('is remarkReading in the Markdown processor');
  });
});

test('the section’s title counts the whole years from publication to the last check', () => {
  expect(forecastsTitle('2022-03', ['2026-11-30', '2026-12-02'])).toBe('Four years on: the forecasts, scored');
  expect(forecastsTitle('2022-03', ['2023-02-28'])).toBe('The forecasts, scored');
  expect(forecastsTitle('2022-03-21', ['2023-03-01'])).toBe('One year on: the forecasts, scored');
  expect(forecastsTitle('2010', ['2026-01-01'])).toBe('16 years on: the forecasts, scored');
  // An unknown publication date counts no years.
  expect(forecastsTitle(undefined, ['2026-12-02'])).toBe('The forecasts, scored');
});

test('a text directive escapes its own syntax and what a URL cannot hold', () => {
  expect(textDirective('“no limits” - friends, & rivals')).toBe(':~:text=%E2%80%9Cno%20limits%E2%80%9D%20%2D%20friends%2C%20%26%20rivals');
});

test('a status badge’s class has no spaces', () => {
  expect(statusClass('not yet')).toBe('status-not-yet');
});
