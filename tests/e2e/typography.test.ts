/**
 * The page's typography as a reader sees it: curly quotes everywhere, a
 * note's number after the punctuation that closes its phrase, controls that
 * stay out of the way until wanted, and links that do not shout.
 */
import { describe, expect, test } from 'vitest';
import { open, readingSites, useBrowser } from '../support/pages.ts';

const browser = useBrowser();

describe.each(readingSites())('typography ($name build)', ({ url }) => {
  test('the thesis, the map, the text, the notes and the forecasts use curly quotes, never straight ones', async () => {
    const page = await open(browser(), url);
    // Notes and points open, so that every word of theirs is read.
    await page.evaluate(() => {
      for (const details of document.querySelectorAll('details')) details.open = true;
    });
    // innerText, not textContent: what the reader sees, nothing hidden.
    const straight = await page.locator('.glance, #text, #forecasts').evaluateAll((regions) =>
      // biome-ignore lint/performance/useDomNodeTextContent: the test reads what the reader sees, as laid out
      regions.flatMap((region) => (region as HTMLElement).innerText.split('\n').filter((line) => /["']/.test(line))),
    );
    expect(straight).toEqual([]);
    await page.context().close();
  });

  test('a note’s number follows the quote mark or punctuation that closes its phrase', async () => {
    const page = await open(browser(), url);
    const marks = await page.locator('#text .note-mark').evaluateAll((all) =>
      all.map((mark) => ({
        id: mark.id,
        // Nothing after the markers inside the mark; then comes its note (a section), then the text.
        trailing: mark.lastElementChild === mark.lastChild ? '' : mark.lastChild!.textContent,
        next: (mark.nextSibling?.nextSibling?.textContent ?? '').slice(0, 1),
      })),
    );
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.filter((mark) => mark.trailing || /[”’"',.;:!?)]/.test(mark.next))).toEqual([]);
    await page.context().close();
  });

  test('where a pointer can hover, a paragraph’s ¶ and a section’s Copy link show only when their paragraph or header is pointed at or focused', async () => {
    const page = await open(browser(), url, { javaScriptEnabled: true });
    const opacity = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).opacity);
    await page.mouse.move(0, 0);
    expect(await opacity('#introduction-1 .pilcrow')).toBe('0');
    expect(await opacity('#economic .copy-link')).toBe('0');
    await page.locator('#introduction-1').hover();
    expect(await opacity('#introduction-1 .pilcrow')).toBe('1');
    await page.locator('#economic .section-header').hover();
    expect(await opacity('#economic .copy-link')).toBe('1');
    await page.mouse.move(0, 0);
    await page.locator('#introduction-1 .pilcrow').focus();
    expect(await opacity('#introduction-1 .pilcrow')).toBe('1');
    await page.context().close();
  });

  test('the map underlines a reason’s claim only when it is pointed at, and says what its share counts', async () => {
    const page = await open(browser(), url);
    const underline = () =>
      page
        .locator('.glance-claim')
        .first()
        .evaluate((el) => getComputedStyle(el).textDecorationLine);
    await page.mouse.move(0, 0);
    expect(await underline()).toBe('none');
    await page.locator('.glance-reasons > li > a').first().hover();
    expect(await underline()).toBe('underline');
    for (const share of await page.locator('.map-share').allTextContents()) expect(share).toMatch(/^\d+% of the text’s words$/);
    await page.context().close();
  });
});
