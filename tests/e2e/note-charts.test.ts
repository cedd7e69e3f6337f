/** The charts of the notes' figures in a real browser, JavaScript off. (axe audits them: tests/e2e/gates/accessibility.test.ts.) */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { open, readingSites, useBrowser } from '../support/pages.ts';
import { committedReading } from '../support/project.ts';

const browser = useBrowser();
const reading = await committedReading('china-russia-alliance.md');
const charted = reading.notes.filter((note) => note.chart);

/** A chart is in the part of its note that opens on demand: open every <details> around it, as a reader or find-in-page would. */
const openCharts = (page: Page) =>
  page.locator('figure.note-chart').evaluateAll((figures) => {
    for (const figure of figures) for (let fold = figure.closest('details'); fold; fold = fold.parentElement!.closest('details')) fold.open = true;
  });

/**
 * What each chart shows, read off the drawing as rendered: the value of each
 * bar from its height against the axis' grid lines, and the figures of its table.
 */
async function readCharts(page: Page) {
  await openCharts(page);
  return page.locator('figure.note-chart').evaluateAll((figures) =>
    figures.map((figure) => {
      const ticks = [...figure.querySelectorAll<SVGLineElement>('.chart-ticks line')].map((line) => ({
        value: Number(line.dataset.value),
        y: line.getBoundingClientRect().top,
      }));
      const [zero, top] = [ticks[0]!, ticks.at(-1)!];
      const perUnit = (zero.y - top.y) / (top.value - zero.value);
      const valueAt = (y: number) => (zero.y - y) / perUnit;
      const number = (cell: Element | null) => Number(cell!.textContent!.replace(/,/g, ''));
      const rows = [...figure.querySelectorAll('tbody tr')];
      const reference = figure.querySelector<SVGLineElement>('.chart-reference line');
      return {
        note: figure.closest('.sidenote')?.id,
        title: figure.querySelector('.chart-title')?.textContent,
        axisTop: top.value,
        plotted: [...figure.querySelectorAll('rect.chart-bar')].map((bar) => valueAt(bar.getBoundingClientRect().top)),
        barsOnZero: [...figure.querySelectorAll('rect.chart-bar')].every((bar) => Math.abs(bar.getBoundingClientRect().bottom - zero.y) < 1),
        labels: [...figure.querySelectorAll('.chart-labels text')].map((text) => text.textContent),
        table: rows
          .filter((row) => !row.classList.contains('chart-table-reference'))
          .map((row) => ({ label: row.querySelector('th')!.textContent!, value: number(row.querySelector('td')) })),
        referencePlotted: reference ? valueAt(reference.getBoundingClientRect().top) : null,
        referenceTable: rows.filter((row) => row.classList.contains('chart-table-reference')).map((row) => number(row.querySelector('td')))[0] ?? null,
      };
    }),
  );
}

describe.each(readingSites())('note charts ($name build)', ({ url }) => {
  test('each note with figures carries its chart, titled, with its source', async () => {
    const page = await open(browser(), url);
    const charts = await readCharts(page);
    expect(charts.map((c) => [c.note, c.title])).toEqual(charted.map((note) => [`note-${note.id}`, note.chart!.title]));
    // The committed reading has charts to check: an empty match would pass vacuously.
    expect(charts.length).toBeGreaterThan(0);
    const sources = await page.locator('figure.note-chart .chart-source').allTextContents();
    expect(sources.every((s) => /^Source: \S/.test(s))).toBe(true);
    await page.context().close();
  });

  test('each chart plots exactly the values of its table', async () => {
    const page = await open(browser(), url);
    for (const chart of await readCharts(page)) {
      // Half a percent of the axis: well under a pixel at these sizes.
      const tolerance = chart.axisTop / 200;
      expect(chart.plotted).toHaveLength(chart.table.length);
      chart.plotted.forEach((value, i) => {
        expect(Math.abs(value - chart.table[i]!.value), `${chart.note} bar ${i + 1}`).toBeLessThan(tolerance);
      });
      expect(chart.barsOnZero).toBe(true);
      // The bars' labels are the table's row headings (a long one wraps onto two lines).
      const squeeze = (label: string | null) => label!.replace(/\s+/g, '');
      expect(chart.labels.map(squeeze)).toEqual(chart.table.map((row) => squeeze(row.label)));
      if (chart.referenceTable !== null) expect(Math.abs(chart.referencePlotted! - chart.referenceTable)).toBeLessThan(tolerance);
    }
    // And the table holds the frontmatter's figures.
    const tables = (await readCharts(page)).map((c) => c.table.map((row) => row.value));
    expect(tables).toEqual(charted.map((note) => note.chart!.data.map((d) => d.value)));
    await page.context().close();
  });

  test('fits the margin column on a wide screen and the text column on a phone', async () => {
    const measureCharts = async (width: number, height: number) => {
      const page = await open(browser(), url, { viewport: { width, height } });
      await openCharts(page);
      const boxes = await page.locator('figure.note-chart').evaluateAll((figures) =>
        figures.map((figure) => {
          const box = (el: Element) => el.getBoundingClientRect();
          return {
            figure: box(figure),
            svg: box(figure.querySelector('svg')!),
            table: box(figure.querySelector('table')!),
            note: box(figure.closest('.sidenote')!),
          };
        }),
      );
      const text = await page
        .locator('.passage')
        .first()
        .evaluate((p) => p.getBoundingClientRect().toJSON() as DOMRect);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await page.context().close();
      return { boxes, text, overflow };
    };
    const wide = await measureCharts(1440, 900);
    for (const { svg, table, note } of wide.boxes) {
      // Beside the text, inside its note, no wider than the margin column (18rem).
      expect(svg.left).toBeGreaterThan(wide.text.right);
      expect(svg.right).toBeLessThanOrEqual(note.right + 0.5);
      expect(svg.width).toBeLessThanOrEqual(288);
      expect(svg.height).toBeGreaterThan(100);
      expect(table.right).toBeLessThanOrEqual(note.right + 0.5);
    }
    const phone = await measureCharts(375, 740);
    for (const { figure, svg } of phone.boxes) {
      expect(figure.left).toBeGreaterThanOrEqual(0);
      expect(figure.right).toBeLessThanOrEqual(375);
      expect(svg.right).toBeLessThanOrEqual(phone.text.right + 0.5);
      expect(svg.width).toBeGreaterThan(250);
    }
    expect(phone.overflow).toBe(0);
  });

  test.each([1440, 390])('at %i px, no label of a chart touches another label or is struck through by a grid line', async (width) => {
    const page = await open(browser(), url, { viewport: { width, height: 900 } });
    await openCharts(page);
    const clashes = await page.locator('svg.chart').evaluateAll((charts) =>
      charts.flatMap((chart, c) => {
        const box = (el: Element) => {
          const r = el.getBoundingClientRect();
          return { text: el.textContent!, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        };
        const texts = [...chart.querySelectorAll('text')].map(box);
        const grid = [...chart.querySelectorAll('.chart-ticks line')].map(box);
        const found: string[] = [];
        texts.forEach((a, i) => {
          for (const b of texts.slice(i + 1))
            if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) found.push(`chart ${c}: "${a.text}" overlaps "${b.text}"`);
          // A grid line (a box of no height) crossing the text's box, not just touching its edge.
          for (const line of grid)
            if (line.left < a.right && a.left < line.right && line.top > a.top + 1 && line.top < a.bottom - 1)
              found.push(`chart ${c}: a grid line strikes "${a.text}"`);
        });
        return found;
      }),
    );
    expect(clashes).toEqual([]);
    await page.context().close();
  });

  test('takes its colours from the colour scheme', async () => {
    const colours = async (colorScheme: 'light' | 'dark') => {
      const page = await open(browser(), url, { colorScheme });
      const found = await page
        .locator('rect.chart-bar')
        .first()
        .evaluate((bar) => ({
          bar: getComputedStyle(bar).fill,
          accent: getComputedStyle(document.querySelector('.note-ref')!).color,
          text: getComputedStyle(bar.closest('svg')!.querySelector('text')!).fill,
        }));
      await page.context().close();
      return found;
    };
    const [light, dark] = [await colours('light'), await colours('dark')];
    expect(light.bar).toBe(light.accent);
    expect(dark.bar).toBe(dark.accent);
    expect(dark.bar).not.toBe(light.bar);
    expect(dark.text).not.toBe(light.text);
  });

  test('prints the chart and its table', async () => {
    const page = await open(browser(), url, { viewport: { width: 794, height: 1123 } });
    await page.emulateMedia({ media: 'print' });
    const heights = await page
      .locator('figure.note-chart')
      .evaluateAll((figures) =>
        figures.map((f) => [f.querySelector('svg')!.getBoundingClientRect().height, f.querySelector('table')!.getBoundingClientRect().height]),
      );
    expect(heights.flat().every((h) => h > 20)).toBe(true);
    await page.context().close();
  });
});
