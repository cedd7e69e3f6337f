/** The reading page as a reader meets it, in a real browser, with JavaScript off. */
import { describe, expect, test } from 'vitest';
import { EDITION_LABELS } from '../../src/reading/labels.ts';
import { open, readingSites, useBrowser } from '../support/pages.ts';

const browser = useBrowser();

describe.each(readingSites())('reading page ($name build)', ({ url }) => {
  test('shows the header, the argument at a glance, the text and the footer', async () => {
    const page = await open(browser(), url);
    await expect(page.locator('h1').textContent()).resolves.toBe('Three reasons why the China-Russia alliance is deepening');
    const byline = await page.locator('.byline').first().textContent();
    expect(byline).toContain('Andrew Latham');
    expect(byline).toContain('The Hill, March 2022');
    const edition = page.locator('.edition-label');
    expect(await edition.textContent()).toContain(EDITION_LABELS.summary);
    expect(await edition.locator('a').getAttribute('href')).toMatch(/^https:\/\//);

    const glance = page.locator('.glance');
    expect(await glance.locator('.thesis').textContent()).toMatch(/Thesis\s+\S/);
    // The glance is the argument map: each reason's own link, not its points'.
    const reasons = await glance.locator('.glance-reasons > li > a').evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.textContent]));
    expect(reasons.map(([href]) => href)).toEqual(['#economic', '#geopolitical', '#geo-economic']);
    expect(reasons.map(([, label]) => label)).toEqual([
      expect.stringContaining('Reason 1 of 3 · Economic'),
      expect.stringContaining('Reason 2 of 3 · Geopolitical'),
      expect.stringContaining('Reason 3 of 3 · Geo-economic'),
    ]);

    const footer = page.locator('.reading-footer');
    expect(await footer.textContent()).toContain('Macalester College');
    expect(await footer.locator('.tags li').allTextContents()).toContain('Russia-Ukraine war');
    expect(await footer.locator('.attribution').textContent()).toContain('own words');
    await page.context().close();
  });

  test.each([
    { width: 1440, height: 900, screens: 1 },
    { width: 390, height: 844, screens: 1.5 },
  ])('at $width px the text’s first line is read within $screens screen(s), and the forecasts are listed once', async ({ width, height, screens }) => {
    const page = await open(browser(), url, { viewport: { width, height } });
    const first = await page
      .locator('#text :is(p, .passage)')
      .first()
      .evaluate((el) => ({
        top: el.getBoundingClientRect().top + scrollY,
        line: parseFloat(getComputedStyle(el).lineHeight),
      }));
    expect(first.top + first.line, 'the bottom of the text’s first line').toBeLessThanOrEqual(screens * height);
    // Each forecast's claim is on the page once: in the scored list after the text.
    const claims = await page
      .locator('#forecasts .forecast-claim')
      .evaluateAll((rows) => rows.map((row) => row.lastChild!.textContent!.trim()).filter((claim) => claim.length > 20));
    expect(claims.length).toBeGreaterThan(0);
    const body = await page.locator('body').evaluate((el) => el.textContent!);
    for (const claim of claims) expect(body.split(claim).length - 1, claim).toBe(1);
    await page.context().close();
  });

  test('marks up the introduction, the three arguments in order, and the conclusion', async () => {
    const page = await open(browser(), url);
    const sections = await page
      .locator('.reading-text > section')
      .evaluateAll((all) =>
        all.map((s) => ({ id: s.id, heading: s.querySelector('h2')?.textContent, claim: s.querySelector('.argument-claim')?.textContent ?? null })),
      );
    expect(sections.map((s) => s.id)).toEqual(['introduction', 'economic', 'geopolitical', 'geo-economic', 'conclusion']);
    expect(sections[2]!.heading).toBe('Reason 2 of 3 · Geopolitical');
    expect(sections[2]!.claim).toBeTruthy();
    // The first reason starts mid-paragraph in the original: it starts its section here.
    await expect(page.locator('#economic-1').textContent()).resolves.toMatch(/^First, in the realm of economics/);
    await expect(page.locator('#geopolitical-1').textContent()).resolves.toMatch(/^Second, in the geopolitical realm/);
    await expect(page.locator('#conclusion-1').textContent()).resolves.toMatch(/^So, no/);
    // Every paragraph of the text has a positional id and a permalink to it.
    const paragraphs = await page
      .locator('.reading-text section > :is(p, .passage)')
      .evaluateAll((ps) => ps.map((p) => ({ id: p.id, link: p.querySelector('a.pilcrow')?.getAttribute('href') })));
    // At least one in each section.
    expect(paragraphs.length).toBeGreaterThanOrEqual(sections.length);
    for (const { id, link } of paragraphs) {
      expect(id).toMatch(/^(introduction|economic|geopolitical|geo-economic|conclusion)-\d+$/);
      expect(link).toBe(`#${id}`);
    }
    await page.context().close();
  });

  test('a link to #geopolitical lands with that section at the top of the viewport', async () => {
    const page = await open(browser(), `${url}#geopolitical`);
    const top = await page.locator('#geopolitical').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(60);
    await page.context().close();
  });

  test('does not scroll sideways on a 375 px phone', async () => {
    const page = await open(browser(), url, { viewport: { width: 375, height: 740 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await page.context().close();
  });

  test('follows the dark colour scheme', async () => {
    const colours = async (colorScheme: 'light' | 'dark') => {
      const page = await open(browser(), url, { colorScheme });
      const value = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      await page.context().close();
      return value;
    };
    expect(await colours('light')).toBe('rgb(255, 255, 248)');
    expect(await colours('dark')).toBe('rgb(22, 21, 19)');
  });

  test('prints the text and every note, without on-screen controls', async () => {
    const page = await open(browser(), url);
    await page.emulateMedia({ media: 'print' });
    const hiddenControls = await page.locator('.permalink, .pilcrow').evaluateAll((links) => links.every((a) => getComputedStyle(a).display === 'none'));
    expect(hiddenControls).toBe(true);
    const notes = await page.locator('.sidenote').evaluateAll((all) => all.map((n) => n.getBoundingClientRect().height));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((height) => height > 0)).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.context().close();
  });
});
