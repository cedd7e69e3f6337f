/**
 * The reading on paper, in Chromium's PDF (A4): the text across the page,
 * headings as wide as the text, the notes below their markers' lines rather
 * than beside the text, the address of each link to another site printed
 * after it, and the committed reading on at most 8 pages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { open, readingSites, useBrowser } from '../support/pages.ts';

const browser = useBrowser();

/** A4 at 96 px per inch, the width Chromium lays a printed page out at before its margins. */
const A4 = { width: 794, height: 1123 };

/** The pages of a PDF: its page objects, `/Type /Page` (not `/Pages`, their tree). */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

async function printed(url: string): Promise<Page> {
  const page = await open(browser(), url, { viewport: A4 });
  await page.emulateMedia({ media: 'print' });
  return page;
}

describe.each(readingSites())('print ($name build)', ({ url }) => {
  test('the committed reading prints on at most 8 A4 pages', async () => {
    const page = await printed(url);
    const pages = pageCount(await page.pdf({ format: 'A4' }));
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThanOrEqual(8);
    await page.context().close();
  });

  test('the text, its headings and claims and its notes take the width of the page: nothing squeezes a heading', async () => {
    const page = await printed(url);
    const widths = await page.evaluate(() => {
      const page = document.querySelector('.reading-text')!.getBoundingClientRect().width;
      const width = (el: Element) => el.getBoundingClientRect().width;
      return {
        page,
        body: document.body.getBoundingClientRect().width,
        headings: [...document.querySelectorAll('.reading-text .section-header, .argument-claim, .forecasts .section-header')].map(width),
        // The text's own paragraphs, not those inside notes or the map.
        paragraphs: [...document.querySelectorAll('.reading-text section > p, .reading-text section > .passage')].map(width),
        notes: [...document.querySelectorAll('.reading-text .sidenote')].map(width),
      };
    });
    // The text is the page's width, not the screen's measure.
    expect(widths.page).toBeGreaterThan(widths.body * 0.95);
    expect(Math.min(...widths.headings)).toBeGreaterThan(widths.page * 0.95);
    expect(Math.min(...widths.paragraphs)).toBeGreaterThan(widths.page * 0.95);
    // A note is a block across the text below its marker's line, never a strip beside it.
    expect(widths.notes.length).toBeGreaterThan(0);
    expect(Math.min(...widths.notes)).toBeGreaterThan(widths.page * 0.9);
    await page.context().close();
  });

  test('each link to another site prints its address after it: the author’s page, the forecasts’ sources and the notes’ sources', async () => {
    const page = await printed(url);
    const unprinted = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLAnchorElement>(
          '.edition-label a[href^="http"], .forecast a[href^="http"], .sidenote-sources a[href^="http"], .reading-footer a[href^="http"]',
        ),
      ]
        .filter((a) => !a.closest('#original')) // the footer's source gives the addresses as the links' own text
        .filter((a) => !getComputedStyle(a, '::after').content.includes(a.getAttribute('href')!))
        .map((a) => a.getAttribute('href')),
    );
    expect(unprinted).toEqual([]);
    expect(await page.locator('.edition-label a[href^="http"]').count()).toBeGreaterThan(0);
    await page.context().close();
  });
});
