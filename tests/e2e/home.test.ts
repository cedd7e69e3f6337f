/**
 * The site's root with several readings (the e2e site holds the committed
 * readings and the fixture ones): it lists every reading by title, each
 * linking to its page. The root of a one-reading site, which shows that
 * reading, is checked in tests/build/readings.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { open, sites, useBrowser } from '../support/pages.ts';
import { siteReadingEntries } from '../support/project.ts';

const browser = useBrowser();
// The readings global-setup built the site from.
const readings = await siteReadingEntries();

describe.each(sites())('home page ($name build)', ({ url, origin, base }) => {
  test('with several readings, the root lists each by title, linking to its page', async () => {
    expect(readings.length).toBeGreaterThan(1);
    const page = await open(browser(), url);
    expect(await page.locator('h1').textContent()).toBe('Gloss: annotated readings');
    const links = await page.locator('.reading-list a').evaluateAll((all) => all.map((a) => [a.textContent, (a as HTMLAnchorElement).href]));
    const byTitle = [...readings].sort((a, b) => a.reading.title.localeCompare(b.reading.title));
    expect(links).toEqual(byTitle.map(({ id, reading }) => [reading.title, `${url}${id}/`]));
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${origin}${base}`);
    for (const [, href] of links) expect((await fetch(href!)).status, href!).toBe(200);
    await page.context().close();
  });
});
