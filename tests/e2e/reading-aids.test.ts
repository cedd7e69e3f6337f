/** The section navigator, the reading time and the sections' shares, in a real browser. */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { NOT_THE_TEXT, open, readingSites, useBrowser } from '../support/pages.ts';
import { committedReading } from '../support/project.ts';

const browser = useBrowser();
const reading = await committedReading('china-russia-alliance.md');
const SECTIONS = [
  ['#introduction', 'Introduction'],
  ['#economic', 'Economic'],
  ['#geopolitical', 'Geopolitical'],
  ['#geo-economic', 'Geo-economic'],
  ['#conclusion', 'Conclusion'],
  // Not the text's, but read after it: the author's forecasts, scored.
  ['#forecasts', 'Forecasts'],
];

/** The navigator's box, and the box of the element a fragment points to. */
const boxes = (page: Page, id: string) =>
  page.evaluate((id) => {
    const nav = document.querySelector('.reading-nav')!.getBoundingClientRect();
    const target = document.getElementById(id)!.getBoundingClientRect();
    return { navTop: nav.top, navBottom: nav.bottom, targetTop: target.top, viewport: innerHeight };
  }, id);

/** Words of running text, the way a reader counts them: no notes, headings, markers or permalinks. */
const wordsBySection = (page: Page) =>
  page.locator('.reading-text > section').evaluateAll(
    (sections, notText) =>
      sections.map((section) => {
        const copy = section.cloneNode(true) as Element;
        copy.querySelectorAll(notText).forEach((el) => {
          el.remove();
        });
        // Blocks of running text, each counted once: a paragraph with notes is a div.passage, and may sit in a list.
        const blocks = ':is(p, .passage, li, blockquote)';
        const text = [...copy.querySelectorAll(`${blocks}:not(${blocks} *)`)].map((el) => el.textContent).join(' ');
        return { id: section.id, words: text.match(/[\p{L}\p{N}]\S*/gu)?.length ?? 0 };
      }),
    NOT_THE_TEXT,
  );

describe.each(readingSites())('reading aids ($name build)', ({ url }) => {
  test('without JavaScript the navigator is a plain list of links to the sections, and they work', async () => {
    const page = await open(browser(), url);
    const nav = page.getByRole('navigation', { name: 'Sections of the text' });
    const links = await nav.locator('ol > li > a').evaluateAll((all) => all.map((a) => [a.getAttribute('href'), a.textContent]));
    expect(links).toEqual(SECTIONS);
    expect(await page.locator('[aria-current]').count()).toBe(0);
    await nav.getByRole('link', { name: 'Geopolitical' }).click();
    expect(new URL(page.url()).hash).toBe('#geopolitical');
    const { navBottom, targetTop } = await boxes(page, 'geopolitical');
    // Just below the bar: not hidden under it, not far down the page.
    expect(targetTop).toBeGreaterThanOrEqual(navBottom);
    expect(targetTop - navBottom).toBeLessThan(30);
    await page.context().close();
  });

  test.each([
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
    // A tablet: the bar is only the text column wide, too narrow for its links on one line.
    { width: 768, height: 1024 },
    { width: 375, height: 740 },
  ])('stays in reach while reading, and no fragment target lands under it ($width px)', async ({ width, height }) => {
    const page = await open(browser(), url, { viewport: { width, height } });
    for (const id of [
      'economic',
      'economic-1',
      ...reading.notes.slice(0, 2).map((note) => `note-${note.id}`),
      'geo-economic-1',
      'conclusion',
      'forecasts',
      `forecast-${reading.forecasts.at(-1)!.id}`,
    ]) {
      await page.goto(`${url}#${id}`);
      const box = await boxes(page, id);
      expect(box.navTop, id).toBe(0);
      expect(box.targetTop, id).toBeGreaterThanOrEqual(box.navBottom);
      expect(box.targetTop, id).toBeLessThan(box.viewport / 2);
    }
    // Its links fit the bar on a tablet and a phone too (two lines), tall enough to tap: none spills over the text.
    const fit = await page.locator('.reading-nav').evaluate((nav) => ({
      bar: nav.getBoundingClientRect().height,
      list: nav.querySelector('ol')!.getBoundingClientRect().height,
      spills: [...nav.querySelectorAll('a')]
        .filter((a) => a.getBoundingClientRect().top < nav.getBoundingClientRect().top || a.getBoundingClientRect().bottom > nav.getBoundingClientRect().bottom)
        .map((a) => a.textContent),
      right: Math.max(...[...nav.querySelectorAll('a')].map((a) => a.getBoundingClientRect().right)),
      shortest: Math.min(...[...nav.querySelectorAll('a')].map((a) => a.getBoundingClientRect().height)),
    }));
    expect(fit.list).toBeLessThanOrEqual(fit.bar);
    expect(fit.spills).toEqual([]);
    expect(fit.right).toBeLessThanOrEqual(width);
    expect(fit.shortest).toBeGreaterThanOrEqual(24);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.context().close();
  });

  test('with JavaScript it marks the section being read, and only that one', async () => {
    const page = await open(browser(), `${url}#geopolitical`, { javaScriptEnabled: true });
    const current = () => page.locator('.reading-nav a[aria-current="location"]');
    await page.waitForSelector('.reading-nav a[aria-current="location"][href="#geopolitical"]');
    expect(await current().count()).toBe(1);
    await page.evaluate(() => document.getElementById('conclusion')!.scrollIntoView());
    await page.waitForSelector('.reading-nav a[aria-current="location"][href="#conclusion"]');
    expect(await current().allTextContents()).toEqual(['Conclusion']);
    // Back up: the economic section's first lines at the band a fifth of the way down the window.
    await page.evaluate(() => scrollTo(0, document.getElementById('economic')!.getBoundingClientRect().top + scrollY - innerHeight * 0.2 + 20));
    await page.waitForSelector('.reading-nav a[aria-current="location"][href="#economic"]');
    expect(await current().allTextContents()).toEqual(['Economic']);
    await page.context().close();
  });

  test('the script that marks it is a few hundred bytes and the page needs none to read', async () => {
    const page = await open(browser(), url);
    // Each script is a file of the site's own, cached once for every page.
    const sources = await page.locator('script[src]').evaluateAll((all) => all.map((s) => (s as HTMLScriptElement).src));
    const scripts: number[] = [];
    for (const source of sources) {
      const text = await (await page.request.get(source)).text();
      if (text.includes('.reading-nav')) scripts.push(text.length);
    }
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toBeLessThan(500);
    await page.context().close();
  });

  test('states the reading time and each reason’s share of the text, as counted in the page', async () => {
    const page = await open(browser(), url);
    const sections = await wordsBySection(page);
    const total = sections.reduce((sum, s) => sum + s.words, 0);
    const time = await page.locator('.map-time').textContent();
    expect(time!.trim()).toMatch(new RegExp(`^About ${Math.max(1, Math.round(total / 230))} min to read, \\d+ with the margin notes\\.`));
    const shares = await page
      .locator('.map-reason')
      .evaluateAll((reasons) =>
        reasons.map((r) => [
          r.querySelector(':scope > a')!.getAttribute('href'),
          Number(r.querySelector('.map-share')!.textContent!.match(/^(\d+)% of the text’s words$/)![1]),
        ]),
      );
    const counted = sections.filter((s) => !['introduction', 'conclusion'].includes(s.id)).map((s) => [`#${s.id}`, (100 * s.words) / total]);
    expect(shares.map(([href]) => href)).toEqual(counted.map(([href]) => href));
    // Within a point of our own count: only word boundaries may differ.
    shares.forEach(([, share], i) => {
      expect(Math.abs((share as number) - (counted[i]![1] as number))).toBeLessThanOrEqual(1);
    });
    await page.context().close();
  });
});
