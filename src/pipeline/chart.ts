/**
 * Small bar charts of a note's figures, drawn at build time as inline SVG:
 * no JavaScript, no chart service, nothing fetched.
 *
 * Bars, not lines: the series are a handful of years, sometimes with a gap
 * (2021, then 2023), and a line would invent the values in between. Bars
 * start at zero, so their lengths compare honestly.
 *
 * The SVG is `aria-hidden`: the same figures follow it as a `<table>`, which a
 * screen reader can walk cell by cell and which prints as text. Describing
 * the picture as well would read every figure twice. Colours and fonts come
 * from classes styled in src/styles/note-charts.css (currentColor, custom
 * properties), so dark mode and print work and no inline style attribute is
 * needed under a strict Content-Security-Policy.
 */
import type { Element } from 'hast';
import { h, s } from 'hastscript';
import type { Chart } from '../reading/schema.ts';

/** How big a chart is drawn. */
export interface Options {
  /**
   * Width of the drawing in SVG units. It matches the margin column
   * (`--margin-width`, 18rem at 16 px), so text drawn at `fontSize` shows at
   * that size in pixels there. Default: `288`.
   */
  width?: number;
  /** Height of the drawing in SVG units. Default: `160`. */
  height?: number;
  /** Size of the chart's text in SVG units. Default: `11`. */
  fontSize?: number;
  /** About how many steps the value axis is cut into. Default: `4`. */
  ticks?: number;
}

/** A bar as drawn: its box in SVG units, and its label cut into lines that fit under it. */
export interface Bar {
  label: string;
  lines: string[];
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A chart as drawn: its size, plotting area, ticks, bars and reference line. */
export interface Layout {
  width: number;
  height: number;
  fontSize: number;
  /** The plotting area; `bottom` is the zero line. */
  plot: { left: number; top: number; right: number; bottom: number };
  /** Values on the axis and the y of their grid line. */
  ticks: { value: number; y: number }[];
  bars: Bar[];
  /** The dashed line at `y`, and its label's baseline `labelY`, just above the line or, where a grid line would strike it through, just below. */
  reference?: { label: string; value: number; y: number; labelY: number; anchor: 'start' | 'end' };
}

/** Average advance of a digit or letter, as a share of the font size. */
const CHARACTER_WIDTH = 0.6;

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** @example formatNumber(2500.5) // => '2,500.5' */
export const formatNumber = (value: number) => numberFormat.format(value);

/**
 * Round axis steps: the smallest 1, 2, 2.5 or 5 times a power of ten that
 * cuts [0, max] into at most `count` steps, and the ticks it gives.
 *
 * @example niceTicks(244.8, 4) // => [0, 100, 200, 300]
 * @example niceTicks(38, 4)    // => [0, 10, 20, 30, 40]
 */
export function niceTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const steps = Math.ceil(max / step - 1e-9);
  // Multiply rather than add, so 0.1-style steps do not drift.
  return Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/**
 * Cut a label into lines of at most `maxCharacters`, at spaces; a single word
 * longer than that keeps its own line.
 *
 * @example wrapLabel('2024 (approx.)', 8) // => ['2024', '(approx.)']
 */
export function wrapLabel(label: string, maxCharacters: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= maxCharacters) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * Where everything goes. Pure numbers, so the geometry can be tested without
 * a browser and the browser test can check the drawing against the table.
 */
export function layoutChart(chart: Chart, options: Options = {}): Layout {
  const width = options.width ?? 288;
  const height = options.height ?? 160;
  const fontSize = options.fontSize ?? 11;
  const lineHeight = fontSize * 1.2;
  const values = chart.data.map((d) => d.value);
  const tickValues = niceTicks(Math.max(...values, chart.reference?.value ?? 0), options.ticks ?? 4);
  const top = tickValues.at(-1)!;

  const longestTick = Math.max(...tickValues.map((v) => formatNumber(v).length));
  const left = Math.ceil(longestTick * fontSize * CHARACTER_WIDTH) + 6;
  const right = width - 2;
  const slot = (right - left) / chart.data.length;
  const labels = chart.data.map((d) => wrapLabel(d.label, Math.max(1, Math.floor(slot / (fontSize * CHARACTER_WIDTH)))));
  const labelLines = Math.max(...labels.map((lines) => lines.length));
  // Room above the plot for the unit and for a reference line's label.
  const plot = { left, top: Math.ceil(fontSize * 2.2), right, bottom: Math.floor(height - labelLines * lineHeight - 6) };
  const yOf = (value: number) => plot.bottom - ((plot.bottom - plot.top) * value) / top;

  const barWidth = slot * 0.6;
  const bars = chart.data.map((d, i) => {
    const y = yOf(d.value);
    return { label: d.label, lines: labels[i]!, value: d.value, x: left + i * slot + (slot - barWidth) / 2, y, width: barWidth, height: plot.bottom - y };
  });

  const layout: Layout = { width, height, fontSize, plot, ticks: tickValues.map((value) => ({ value, y: yOf(value) })), bars };
  if (chart.reference) {
    // Label the line over the lower end of the chart, where a bar is least likely to cross it.
    const anchor = bars[0]!.value <= bars.at(-1)!.value ? 'start' : 'end';
    const y = yOf(chart.reference.value);
    // A label's ink spans about 0.8 of the font size above its baseline and 0.25 below.
    const struck = (baseline: number) => layout.ticks.some((tick) => tick.y > baseline - fontSize * 0.8 - 1 && tick.y < baseline + fontSize * 0.25 + 1);
    const above = y - 3;
    const below = y + 3 + fontSize * 0.8;
    layout.reference = { ...chart.reference, y, labelY: struck(above) && !struck(below) ? below : above, anchor };
  }
  return layout;
}

/** An SVG coordinate as an attribute, rounded to what a screen can show. */
const r = (n: number) => String(Math.round(n * 100) / 100);

/**
 * The publication in a source title written as "Publisher, headline", as the
 * readings' notes write them; a title without a comma is kept whole.
 *
 * @example sourceName('The Moscow Times, Russia-China trade hits record') // => 'The Moscow Times'
 */
export const sourceName = (title: string) => title.split(', ')[0]!;

/** How big a chart's figure is drawn, and the sources it names. */
export interface FigureOptions extends Options {
  /** Source titles the figures come from, named under the title. */
  sources: string[];
}

/**
 * The whole figure: a caption with the title and the source, the drawing,
 * and the figures as a table.
 *
 * @example chartFigure({ title: 'Trade, $bn', unit: '$bn', data: [{ label: '2021', value: 147 }, …] }, { sources: ['TASS, …'] })
 *   // => <figure class="note-chart"><figcaption>…</figcaption><svg class="chart" aria-hidden="true" …>…</svg><table class="chart-table">…</table></figure>
 */
export function chartFigure(chart: Chart, options: FigureOptions): Element {
  const layout = layoutChart(chart, options);
  const names = [...new Set(options.sources.map(sourceName))];
  const caption = h('figcaption', [h('span.chart-title', chart.title), ' ', h('span.chart-source', `Source: ${names.join('; ')}.`)]);
  return h('figure.note-chart', [caption, drawing(chart, layout), table(chart)]);
}

function drawing(chart: Chart, layout: Layout): Element {
  const { plot, fontSize } = layout;
  const lineHeight = fontSize * 1.2;
  const grid = layout.ticks.map((tick) =>
    s('line', {
      className: [tick.value === 0 ? 'chart-axis' : 'chart-grid'],
      x1: r(plot.left),
      x2: r(plot.right),
      y1: r(tick.y),
      y2: r(tick.y),
      dataValue: String(tick.value),
    }),
  );
  const tickLabels = layout.ticks.map((tick) =>
    s('text', { x: r(plot.left - 4), y: r(tick.y + fontSize * 0.35), textAnchor: 'end' }, formatNumber(tick.value)),
  );
  const bars = layout.bars.map((bar) =>
    s('rect.chart-bar', { x: r(bar.x), y: r(bar.y), width: r(bar.width), height: r(bar.height), dataValue: String(bar.value) }),
  );
  const labels = layout.bars.map((bar) =>
    s(
      'text',
      { x: r(bar.x + bar.width / 2), y: r(plot.bottom + lineHeight), textAnchor: 'middle' },
      bar.lines.map((line, i) => s('tspan', { x: r(bar.x + bar.width / 2), dy: r(i ? lineHeight : 0) }, line)),
    ),
  );
  const children = [
    s('text.chart-unit', { x: '0', y: r(fontSize) }, chart.unit),
    s('g.chart-ticks', [...grid, ...tickLabels]),
    s('g.chart-bars', bars),
    s('g.chart-labels', labels),
  ];
  const reference = layout.reference;
  if (reference) {
    const x = reference.anchor === 'start' ? plot.left + 2 : plot.right - 2;
    children.push(
      s('g.chart-reference', [
        s('line', { x1: r(plot.left), x2: r(plot.right), y1: r(reference.y), y2: r(reference.y), dataValue: String(reference.value) }),
        s('text', { x: r(x), y: r(reference.labelY), textAnchor: reference.anchor }, `${reference.label} ${formatNumber(reference.value)}`),
      ]),
    );
  }
  return s('svg.chart', { viewBox: `0 0 ${layout.width} ${layout.height}`, fontSize: String(fontSize), ariaHidden: 'true', focusable: 'false' }, children);
}

/**
 * The figures as a table: a row per label, the reference last, headed by the
 * unit. Rows rather than columns, so a long label wraps in its own cell
 * instead of squeezing its neighbours in a narrow margin.
 */
function table(chart: Chart): Element {
  const row = (label: string, value: number, className?: string) => h('tr', { className }, [h('th', { scope: 'row' }, label), h('td', formatNumber(value))]);
  const rows = chart.data.map((d) => row(d.label, d.value));
  if (chart.reference) rows.push(row(chart.reference.label, chart.reference.value, 'chart-table-reference'));
  return h('table.chart-table', [h('thead', [h('tr', [h('td'), h('th', { scope: 'col' }, chart.unit)])]), h('tbody', rows)]);
}
