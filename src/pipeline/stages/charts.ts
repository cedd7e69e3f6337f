/**
 * The charts stage: give each placed note whose frontmatter note has a
 * `chart` a `noteChart`, with the titles of the sources its figures come
 * from (`chart.sources`, default all of the note's). Its handler
 * (`handlers/charts.ts`) draws it, after the note's own source links, in the
 * part of the note that opens on demand, so it fits the margin column on wide
 * screens and the popover on phones.
 *
 * Input (`notes: [{ id: gas, …, chart: { title: 'Gas, bcm', unit: bcm, data: [{ label: '2021', value: 10.4 }, …] } }]`):
 * the placed note `note-gas`. Output: its `marginNote` ends in
 * `{ type: 'noteChart', chart: { title: 'Gas, bcm', … }, sources: ['…'], children: [] }`.
 */
import type { PlacedNote } from './notes.ts';
import type { ReadingState } from '../state.ts';

/** Give each placed note that has a chart its `noteChart`. */
export function drawCharts({ reading }: ReadingState, placed: PlacedNote[]): void {
  const notes = new Map(placed.map((note) => [note.noteId, note.node]));
  for (const note of reading.notes) {
    const chart = note.chart;
    if (!chart) continue;
    const node = notes.get(note.id);
    // A full text's note that found no place is listed after the text, without its chart.
    if (!node) continue;
    const sources = chart.sources ? chart.sources.map((position) => note.sources[position - 1]!) : note.sources;
    node.children.push({ type: 'noteChart', chart, sources: sources.map((source) => source.title), children: [] });
  }
}
