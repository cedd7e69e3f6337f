/**
 * "Cite this reading" in a real browser, on the root and the sub-path
 * builds: the block is there on the reading and on an argument's page, each
 * citing its own URL; without JavaScript it is plain text a reader selects;
 * with it, "Copy" copies both citations.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { open, READING, sites, useBrowser } from '../support/pages.ts';
import { committedReading, siteReadingEntries } from '../support/project.ts';

const browser = useBrowser();

const committed = await committedReading('china-russia-alliance.md');
// The fixture reading that gives both the original's address and an archived copy's.
const linked = (await siteReadingEntries()).find(({ reading }) => reading.source.url && reading.source.archive)!;

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

describe.each(sites())('where the original is ($name build, 1440 px)', ({ url }) => {
  const basedOn = (page: Page) =>
    page
      .locator('script[type="application/ld+json"]')
      // A reading with scored forecasts publishes an @graph: its Article beside the ClaimReviews.
      .evaluateAll(
        (all) =>
          all
            .flatMap((s) => JSON.parse(s.textContent!))
            .flatMap((d) => d['@graph'] ?? [d])
            .find((d) => d.isBasedOn)!.isBasedOn,
      );

  test('a reading that gives the original’s address and an archived copy links both, in its header, its source and its JSON-LD', async () => {
    expect(linked, 'a fixture reading with source.url and source.archive').toBeDefined();
    const { url: original, archive } = linked.reading.source;
    const page = await open(browser(), `${url}${linked.id}/`);
    const label = page.locator('.edition-label');
    expect(await label.getByRole('link', { name: `Read the original in ${linked.reading.source.publication}` }).getAttribute('href')).toBe(original);
    expect(await label.getByRole('link', { name: 'archived copy' }).getAttribute('href')).toBe(archive);
    const source = page.locator('#original');
    expect(await source.getByRole('link', { name: original!, exact: true }).getAttribute('href')).toBe(original);
    expect(await source.getByRole('link', { name: archive!, exact: true }).getAttribute('href')).toBe(archive);
    expect(await basedOn(page)).toMatchObject({ url: original, archivedAt: archive });
    await page.context().close();
  });

  test('the committed reading, with no address for the original, says so and links only the author’s page, named as such', async () => {
    expect(committed.source.url).toBeUndefined();
    const page = await open(browser(), `${url}${READING}`);
    const label = page.locator('.edition-label');
    expect(await label.textContent()).toContain('We have no web address for the original');
    const links = await label.getByRole('link').evaluateAll((all) => all.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })));
    expect(links).toEqual([{ text: `${committed.author.name}’s own page`, href: committed.author.url }]);
    expect(await page.locator('#original').textContent()).toContain('We have no web address for it.');
    const json = await basedOn(page);
    expect(json.url).toBeUndefined();
    expect(json.archivedAt).toBeUndefined();
    await page.context().close();
  });

  test('the downloads and the feed read as two sentences', async () => {
    const page = await open(browser(), `${url}${READING}`);
    const text = (await page.locator('#cite p', { hasText: 'reference managers' }).textContent())!.replace(/\s+/g, ' ').trim();
    expect(text).toMatch(/CSL-JSON\. New readings: RSS feed\.$/);
    await page.context().close();
  });
});

describe.each(sites())('the site’s own address ($name build, 1440 px)', ({ url, origin, base }) => {
  test('the visible citation, the canonical link, the JSON-LD and the feed give the site’s origin, never localhost', async () => {
    const page = await open(browser(), `${url}${READING}`);
    const [ours] = await citations(page);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    const jsonLd = await page.locator('script[type="application/ld+json"]').evaluateAll((all) => all.map((s) => s.textContent!).join('\n'));
    const feed = await (await page.request.get(`${url}feed.xml`)).text();
    for (const [what, text] of Object.entries({ citation: ours!, canonical: canonical!, jsonLd, feed })) {
      expect(text, what).not.toMatch(/localhost|127\.0\.0\.1/);
      expect(text, what).toContain(`${origin}${base}`);
    }
    await page.context().close();
  });
});
