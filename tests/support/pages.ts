/** Shared set-up for the browser tests: one Chromium, pages with or without JavaScript. */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './browser.ts';

export const sites = () => inject('sites');

/**
 * The committed reading the browser tests describe, by its path. Tests open
 * it there, never at the site's root, which shows a reading only while it is
 * the only one: adding a reading must leave them green.
 */
export const READING = 'china-russia-alliance/';

/** Each build, with `url` the reading's page rather than the site's root: for tests of the reading page. */
export const readingSites = () => sites().map((site) => ({ ...site, url: `${site.url}${READING}` }));

/** Launch Chromium once per test file and close it afterwards. */
export function useBrowser(): () => Browser {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser;
}

/**
 * Open `url` in a fresh context. JavaScript is off unless asked for: every
 * feature of the reading must work without it.
 */
export async function open(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
  /** Runs before the page loads, e.g. to watch its requests from the first. */
  beforeLoad?: (page: Page) => Promise<unknown>,
): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1440, height: 900 }, ...options });
  const page = await context.newPage();
  await beforeLoad?.(page);
  const response = await page.goto(url);
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  return page;
}

/** What is not the text's own words: notes, their markers, permalinks and section headings. */
export const NOT_THE_TEXT = '.sidenote, .note-ref, .note-toggle, .pilcrow, .section-header';

/** The words of an element as a reader reads them, without what `NOT_THE_TEXT` names. */
export const readersText = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element, notText) => {
    const copy = element.cloneNode(true) as Element;
    copy.querySelectorAll(notText).forEach((el) => {
      el.remove();
    });
    return copy.textContent!;
  }, NOT_THE_TEXT);
