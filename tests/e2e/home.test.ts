/**
 * The site's root, for whatever readings the site holds: with one, the root
 * shows that reading (and names the reading's own URL as canonical); with
 * more, it lists every reading by title, each linking to its page.
 */
import { describe, expect, test } from 'vitest';
import { open, sites, useBrowser } from '../support/pages.ts';
import { siteReadingEntries } from '../support/project.ts';

const browser = useBrowser();
// The readings global-setup built the site from.
const readings = await siteReadingEntries();

describe.each(sites())('home page ($name build)', ({ url, origin, base }) => {
  test.runIf(readings.length === 1)('with one reading, the root shows it and names its own URL as canonical', async () => {
    const [{ id, reading }] = readings as [(typeof readings)[number]];
    const page = await open(browser(), url);
    expect(await page.locator('h1').textContent()).toBe(reading.title);
    expect(await page.locator('.reading-text > section.argument').evaluateAll((all) => all.map((s) => s.id))).toEqual(reading.arguments.map((a) => a.id));
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${origin}${base}${id}/`);
    expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toBe(`${origin}${base}${id}/`);
    await page.context().close();
  });

  test.runIf(readings.length > 1)('with several readings, the root lists each by title, linking to its page', async () => {
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
