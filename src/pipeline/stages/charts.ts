/**
 * The charts stage: draw a note's figures as a small chart inside the note.
 *
 * Runs after the notes stage. For each frontmatter note with a `chart`, it
 * appends to the note a `<figure>` built by `chartFigure`: the title, the
 * sources the figures come from (`chart.sources`, default all of the note's),
 * an inline SVG bar chart and the same figures as a table. It sits in the
 * part of the note that opens on demand, after the note's own source links,
 * so it fits the margin column on wide screens and the popover on phones.
 *
 * Input (`notes: [{ id: gas, …, chart: { title: 'Gas, bcm', unit: bcm, data: [{ label: '2021', value: 10.4 }, …] } }]`):
 *
 * ```html
 * <section class="sidenote" id="note-gas">…<details class="sidenote-fold"><summary>…</summary>…<p class="sidenote-sources">…</p>
 *   <p class="sidenote-back">…</p></details>…</section>
 * ```
 *
 * Output:
 *
 * ```html
 * <section class="sidenote" id="note-gas">…<details class="sidenote-fold"><summary>…</summary>…<p class="sidenote-sources">…</p>
 *   <figure class="note-chart"><figcaption>…</figcaption><svg class="chart" aria-hidden="true" …>…</svg>
 *     <table class="chart-table">…</table></figure><p class="sidenote-back">…</p></details>…</section>
 * ```
 */
import type { Parent } from 'mdast';
import { visit } from 'unist-util-visit';
import { chartFigure } from '../chart.ts';
import { hasClass, hastLeaf } from '../mdast-element.ts';
import type { ReadingState } from '../state.ts';
import { CLASSES, ids } from '../../reading/markup.ts';

export function drawCharts({ reading, tree }: ReadingState): void {
  const charted = new Map(reading.notes.filter((note) => note.chart).map((note) => [ids.note(note.id), note]));
  const drawn = new Set<string>();

  visit(tree, (node) => {
    const id = (node.data?.hProperties as { id?: unknown } | undefined)?.id;
    const note = typeof id === 'string' ? charted.get(id) : undefined;
    if (!note || !hasClass(node, CLASSES.sidenote)) return;
    const chart = note.chart!;
    const sources = chart.sources ? chart.sources.map((position) => note.sources[position - 1]!) : note.sources;
    const figure = chartFigure(chart, { sources: sources.map((source) => source.title) });
    visit(node, (part) => {
      if (!hasClass(part, CLASSES.sidenoteFold)) return undefined;
      // Before the back-link, which ends the note.
      (part as Parent).children.splice(-1, 0, hastLeaf('figure', figure.properties, figure.children));
      drawn.add(note.id);
      return false;
    });
  });

  for (const note of charted.values())
    if (!drawn.has(note.id)) throw new Error(`drawCharts: note "${note.id}" has a chart but no note element; place the notes first`);
}
