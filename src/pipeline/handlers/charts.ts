/** The handler of the charts stage's markup: a `noteChart` becomes `chartFigure`'s `<figure class="note-chart">` (see `chart.ts`). */
import type { Element } from 'hast';
import type { State } from 'mdast-util-to-hast';
import { chartFigure } from '../chart.ts';
import type { NoteChart } from '../nodes.ts';

/** A note's chart: its title and sources, the bars, and the figures as a table. */
export function noteChart(state: State, node: NoteChart): Element {
  const result = chartFigure(node.chart, { sources: node.sources });
  state.patch(node, result);
  return state.applyData(node, result);
}
