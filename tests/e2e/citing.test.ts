/**
 * "Cite this reading" in a real browser, on the root and the sub-path
 * builds: the block is there on the reading and on an argument's page, each
 * citing its own URL; without JavaScript it is plain text a reader selects;
 * with it, "Copy" copies both citations.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { open, READING, sites, useBrowser } from '../support/pages.ts';

const browser = useBrowser();

const citations = (page: Page) => page.locator('#cite .citation').evaluateAll((all) => all.map((p) => p.textContent!.trim()));

describe.each(sites())('cite this reading ($name build)', ({ url, origin, base }) => {
  test.each([
    ['the reading', READING],
    ['an argument’s page', `${READING}geopolitical/`],
  ])('on %s, the block is visible and cites the page’s own URL and the original', async (_, path) => {
    const page = await open(browser(), `${url}${path}`);
    const block = page.getByRole('region', { name: 'Cite this reading' });
    await block.scrollIntoViewIfNeeded();
    expect(await block.isVisible()).toBe(true);
    const [ours, original] = await citations(page);
    expect(ours).toMatch(
      /^Gloss\. \(\d{4}, [A-Z][a-z]+ \d{1,2}\)\. Three reasons why the China-Russia alliance is deepening.* \[Annotated reading\]\. https:\/\//,
    );
    // Gloss is the author; APA names no publisher that repeats it.
    expect(ours!.match(/Gloss/g)).toHaveLength(1);
    expect(ours!.endsWith(` ${origin}${base}${path}`)).toBe(true);
    expect(original).toBe('Latham, A. (2022, March). Three reasons why the China-Russia alliance is deepening [Opinion]. The Hill.');
    await page.context().close();
  });

  test('without JavaScript there is no Copy button, and a citation is plain text a reader can select', async () => {
    const page = await open(browser(), `${url}${READING}`);
    expect(await page.locator('#cite button').count()).toBe(0);
    const first = page.locator('#cite .citation').first();
    expect(await first.evaluate((p) => getComputedStyle(p).userSelect)).not.toBe('none');
    await first.click({ clickCount: 3 });
    const selected = await page.evaluate(() => getSelection()!.toString().trim());
    expect(selected).toBe((await citations(page))[0]);
    await page.context().close();
  });

  test('with JavaScript, Copy copies both citations', async () => {
    const page = await open(browser(), `${url}${READING}geopolitical/`, { javaScriptEnabled: true });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    const button = page.getByRole('button', { name: 'Copy the citations' });
    await button.scrollIntoViewIfNeeded();
    expect(await button.isVisible()).toBe(true);
    expect(await button.evaluate((b) => getComputedStyle(b, '::before').content)).toBe('"Copy"');
    await button.click();
    await page.locator('#cite .copy-status', { hasText: 'Citations copied' }).waitFor({ state: 'attached' });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe((await citations(page)).join('\n\n'));
    expect(await button.evaluate((b) => getComputedStyle(b, '::before').content)).toBe('"Copied"');
    await page.context().close();
  });
});
