/**
 * Gate: JavaScript only enhances. With it off, every page shows the same
 * words and offers the same links as with it on.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { committedPages } from '../../support/built-site.ts';
import { open, sites, useBrowser } from '../../support/pages.ts';

const browser = useBrowser();

async function whatAReaderGets(browser: Browser, url: string, javaScriptEnabled: boolean) {
  const page = await open(browser, url, { javaScriptEnabled });
  await page.waitForLoadState('networkidle');
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the words a reader sees; textContent would count hidden text too
  const words = (await page.locator('body').innerText()).split(/\s+/).filter(Boolean);
  const links = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  await page.context().close();
  return { words, links };
}

const builds = await Promise.all(sites().map(async (site) => ({ ...site, pages: await committedPages(site) })));

describe.each(builds)('$name build', (site) => {
  test.each(site.pages)('$file: same words and links without JavaScript', async ({ url }) => {
    const withScript = await whatAReaderGets(browser(), url, true);
    const withoutScript = await whatAReaderGets(browser(), url, false);
    // Something to compare: an empty page would pass. A short page (an About page of one line) is fine.
    expect(withoutScript.words.length).toBeGreaterThan(0);
    expect(withoutScript.words.join(' ')).toBe(withScript.words.join(' '));
    expect(withoutScript.links).toEqual(withScript.links);
  });
});
