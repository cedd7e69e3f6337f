/** The charts stage through the same processor Astro runs, on a fixture reading. */
import { describe, expect, test } from 'vitest';
import { $, $$, parseHtml, text } from '../support/html.ts';
import { renderFailure, renderFixture } from '../support/pipeline.ts';

describe('the charts stage', () => {
  test('appends a chart to each note that declares one, and to no other', async () => {
    const tree = parseHtml(await renderFixture('orchard-water.md'));
    expect($$(tree, 'figure.note-chart')).toHaveLength(2);
    expect($$(tree, '.sidenote:has(figure.note-chart)').map((a) => a.properties.id)).toEqual(['note-reservoir', 'note-market']);
  });

  test('places the figure in the part of its note that opens on demand, after the note’s own sources, before the link back', async () => {
    const tree = parseHtml(await renderFixture('orchard-water.md'));
    const body = $(tree, '#note-reservoir details.sidenote-fold')!;
    const children = body.children.flatMap((c) =>
      c.type === 'element' ? [[c.tagName, ...[(c.properties.className as string[] | undefined) ?? []].flat()].join('.')] : [],
    );
    expect(children.slice(-3)).toEqual(['p.sidenote-sources', 'figure.note-chart', 'p.sidenote-back']);
  });

  test('captions the chart with its title and the note sources its figures come from', async () => {
    const tree = parseHtml(await renderFixture('orchard-water.md'));
    expect(text($(tree, '#note-reservoir figcaption'))).toBe('Reservoir volume, million cubic metres Source: Fixture Water Board.');
    // No `sources` given: all of the note's sources.
    expect(text($(tree, '#note-market .chart-source'))).toBe('Source: Fixture Chamber of Trade.');
  });

  test('draws the figures as bars and repeats them in a table', async () => {
    const tree = parseHtml(await renderFixture('orchard-water.md'));
    const figure = $(tree, '#note-reservoir figure')!;
    expect($$(figure, 'rect.chart-bar').map((r) => r.properties.dataValue)).toEqual(['40', '55', '72']);
    expect($$(figure, 'tbody td').map((td) => text(td))).toEqual(['40', '55', '72', '60']);
    expect($(figure, 'svg')!.properties.ariaHidden).toBe('true');
  });

  test('a chart source that the note does not cite fails the build, naming the file and the field', async () => {
    const error = await renderFailure('orchard-water.md', (r) => (r.frontmatter.notes[0].chart.sources = [3]));
    expect(error).toContain('orchard-water.md: invalid frontmatter');
    expect(error).toContain('notes.0.chart.sources.0: the note has 2 source(s), so there is no source 3');
  });

  test('a figure below zero fails the build: bars start at zero', async () => {
    const error = await renderFailure('orchard-water.md', (r) => (r.frontmatter.notes[3].chart.data[1].value = -4));
    expect(error).toContain('notes.3.chart.data.1.value: must be zero or more');
  });
});
