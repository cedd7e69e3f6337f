/** The bar charts drawn from a note's figures: scales, labels, geometry, figure and table. */
import type { Element, Root } from 'hast';
import { describe, expect, test } from 'vitest';
import { chartFigure, formatNumber, layoutChart, niceTicks, sourceName, wrapLabel } from '../../src/pipeline/chart.ts';
import type { Chart } from '../../src/reading/schema.ts';
import { $, $$, text } from '../support/html.ts';

const asTree = (figure: Element): Root => ({ type: 'root', children: [figure] });
/** Every element of a tree, depth first. */
const elements = (node: Root | Element): Element[] => node.children.flatMap((child) => (child.type === 'element' ? [child, ...elements(child)] : []));

const gas: Chart = {
  title: 'Pipeline deliveries, bcm',
  unit: 'bcm',
  data: [
    { label: '2021', value: 10.39 },
    { label: '2022', value: 15.4 },
    { label: '2023', value: 22.73 },
    { label: '2024 (approx.)', value: 31 },
  ],
  reference: { label: 'Capacity', value: 38 },
};

describe('niceTicks', () => {
  test('cuts the axis at round steps, from zero to at least the largest value', () => {
    expect(niceTicks(244.8)).toEqual([0, 100, 200, 300]);
    expect(niceTicks(38)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(19)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(9)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(niceTicks(0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  test('an axis of zeros still has a scale', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

test('wrapLabel breaks at spaces, never inside a word', () => {
  expect(wrapLabel('2024 (approx.)', 8)).toEqual(['2024', '(approx.)']);
  expect(wrapLabel('2024 (approx.)', 20)).toEqual(['2024 (approx.)']);
  expect(wrapLabel('a b c d', 3)).toEqual(['a b', 'c d']);
});

test('formatNumber and sourceName give what the caption and table show', () => {
  expect(formatNumber(2500.5)).toBe('2,500.5');
  expect(formatNumber(22.73)).toBe('22.73');
  expect(sourceName('The Moscow Times, Russia-China trade hits record')).toBe('The Moscow Times');
  expect(sourceName('World Bank publication (maize shares)')).toBe('World Bank publication (maize shares)');
});

describe('layoutChart', () => {
  const layout = layoutChart(gas);
  const top = layout.ticks.at(-1)!.value;
  const valueAt = (y: number) => ((layout.plot.bottom - y) / (layout.plot.bottom - layout.plot.top)) * top;

  test('every bar stands on the zero line and its height is its value on the axis', () => {
    expect(layout.ticks[0]).toEqual({ value: 0, y: layout.plot.bottom });
    expect(top).toBe(40);
    for (const bar of layout.bars) {
      expect(bar.y + bar.height).toBeCloseTo(layout.plot.bottom, 6);
      expect(valueAt(bar.y)).toBeCloseTo(bar.value, 6);
    }
    expect(layout.bars.map((b) => b.value)).toEqual(gas.data.map((d) => d.value));
  });

  test('bars keep their order, do not overlap and stay inside the drawing', () => {
    layout.bars.forEach((bar, i) => {
      expect(bar.x).toBeGreaterThanOrEqual(layout.plot.left);
      expect(bar.x + bar.width).toBeLessThanOrEqual(layout.plot.right);
      if (i) expect(bar.x).toBeGreaterThan(layout.bars[i - 1]!.x + layout.bars[i - 1]!.width);
    });
    expect(layout.plot.right).toBeLessThanOrEqual(layout.width);
    expect(layout.plot.top).toBeGreaterThan(0);
  });

  test('a label too long for its bar wraps, and the plot leaves room for its lines', () => {
    expect(layout.bars[3]!.lines).toEqual(['2024', '(approx.)']);
    const lineHeight = layout.fontSize * 1.2;
    expect(layout.plot.bottom + 2 * lineHeight).toBeLessThanOrEqual(layout.height);
  });

  test('the reference line sits at its value, labelled over the lower end of the chart', () => {
    expect(valueAt(layout.reference!.y)).toBeCloseTo(38, 6);
    expect(layout.reference!.anchor).toBe('start');
    const falling = layoutChart({ ...gas, data: [...gas.data].reverse() });
    expect(falling.reference!.anchor).toBe('end');
  });

  test('the reference label keeps clear of the grid lines: above its line, or below it when a grid line would strike it through', () => {
    const clear = (l: typeof layout) =>
      l.ticks.every((tick) => tick.y <= l.reference!.labelY - l.fontSize * 0.8 - 1 || tick.y >= l.reference!.labelY + l.fontSize * 0.25 + 1);
    // 38 sits just under the 40 grid line: the label goes below its line.
    expect(layout.reference!.labelY).toBeGreaterThan(layout.reference!.y);
    expect(clear(layout)).toBe(true);
    // 23, with room under the 30 grid line: above, as usual.
    const mid = layoutChart({ ...gas, reference: { label: 'Capacity', value: 23 } });
    expect(mid.reference!.labelY).toBeLessThan(mid.reference!.y);
    expect(clear(mid)).toBe(true);
  });

  test('honours a smaller drawing', () => {
    const small = layoutChart(gas, { width: 200, height: 120 });
    expect(small.bars.at(-1)!.x + small.bars.at(-1)!.width).toBeLessThanOrEqual(200);
    expect(small.plot.bottom).toBeLessThan(120);
  });
});

describe('chartFigure', () => {
  const tree = asTree(chartFigure(gas, { sources: ['Inforos, deliveries by year', 'TASS, LNG', 'Inforos, another page'] }));

  test('captions the chart with its title and the sources its figures come from', () => {
    expect(text($(tree, 'figure.note-chart > figcaption .chart-title'))).toBe('Pipeline deliveries, bcm');
    expect(text($(tree, 'figcaption .chart-source'))).toBe('Source: Inforos; TASS.');
  });

  test('hides the drawing from assistive technology and gives the same figures as a table', () => {
    const svg = $(tree, 'figure > svg.chart')!;
    expect(svg.properties).toMatchObject({ ariaHidden: 'true', viewBox: '0 0 288 160' });
    const rows = $$(tree, 'table.chart-table tbody tr').map((tr) => [text($(tr, 'th')), text($(tr, 'td'))]);
    expect(rows).toEqual([
      ['2021', '10.39'],
      ['2022', '15.4'],
      ['2023', '22.73'],
      ['2024 (approx.)', '31'],
      ['Capacity', '38'],
    ]);
    expect(text($(tree, 'table thead th'))).toBe('bcm');
    expect($(tree, 'tr.chart-table-reference th')).toBeTruthy();
  });

  test('draws one bar per figure, carrying its value, and the reference as a line', () => {
    expect($$(tree, 'rect.chart-bar').map((r) => r.properties.dataValue)).toEqual(['10.39', '15.4', '22.73', '31']);
    expect($(tree, '.chart-reference line')!.properties.dataValue).toBe('38');
    expect(text($(tree, '.chart-reference text'))).toBe('Capacity 38');
    expect($$(tree, '.chart-labels text').map((t) => $$(t, 'tspan').map((s) => text(s)))).toEqual([['2021'], ['2022'], ['2023'], ['2024', '(approx.)']]);
  });

  test('uses classes, never inline styles, so a strict CSP and dark mode both work', () => {
    const attributes = elements(tree).flatMap((el) => Object.keys(el.properties));
    expect(attributes).not.toContain('style');
    expect(attributes).not.toContain('fill');
    expect(attributes).not.toContain('stroke');
    expect(elements(tree).filter((el) => el.properties.className).length).toBeGreaterThan(5);
  });

  test('without a reference there is no line and no reference row', () => {
    const { reference: _, ...withoutReference } = gas;
    const plain = asTree(chartFigure(withoutReference, { sources: ['A'] }));
    expect($(plain, '.chart-reference')).toBeUndefined();
    expect($$(plain, 'tbody tr')).toHaveLength(4);
  });
});
