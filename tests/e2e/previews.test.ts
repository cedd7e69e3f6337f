/**
 * What a shared link shows, for the root and the sub-path builds: each
 * argument's own page previews as that argument (its Open Graph and Twitter
 * tags, canonical URL and image), carries the argument with its notes, and
 * leads on; reference managers and crawlers find citation tags, JSON-LD, a
 * sitemap and robots.txt; a missing page helps the reader on.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { open, READING, sites, useBrowser } from '../support/pages.ts';
import { isPng, pngSize } from '../support/png.ts';
import { committedReading, siteReadingEntries } from '../support/project.ts';

const browser = useBrowser();
/** The readings the site was built from (tests/e2e/global-setup.ts: the committed ones and the fixtures). */
const readings = siteReadingEntries();
const committed = await committedReading('china-russia-alliance.md');

/** Every <meta property|name> as one map, and the canonical link. */
const metadata = (page: Page) =>
  page.evaluate(() => ({
    meta: Object.fromEntries(
      [...document.querySelectorAll('meta[property], meta[name]')].map((m) => [
        m.getAttribute('property') ?? m.getAttribute('name'),
        m.getAttribute('content'),
      ]),
    ),
    canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
  }));

/** The arguments as the reading page shows them. */
async function argumentsOnTheReading(url: string) {
  const page = await open(browser(), `${url}${READING}`);
  const found = await page
    .locator('.reading-text section.argument')
    .evaluateAll((sections) =>
      sections.map((s) => ({ id: s.id, heading: s.querySelector('h2')!.textContent!, claim: s.querySelector('.argument-claim')!.textContent! })),
    );
  await page.context().close();
  return found;
}

/** Note numbers by note id, as the page shows them on the markers. */
const noteNumbers = (page: Page, scope: string) =>
  page.locator(`${scope} a.note-ref`).evaluateAll((markers) => Object.fromEntries(markers.map((a) => [a.getAttribute('href'), a.textContent])));

describe.each(sites())('previews ($name build)', (site) => {
  const { url, origin, base } = site;
  /** A published absolute URL, fetched from the local server that stands in for the host. */
  const local = (published: string) => {
    expect(published.startsWith(`${origin}${base}`), `${published} is under ${origin}${base}`).toBe(true);
    return `${url}${published.slice(`${origin}${base}`.length)}`;
  };

  async function expectImage(published: string) {
    const response = await fetch(local(published));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const png = new Uint8Array(await response.arrayBuffer());
    expect(isPng(png)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  }

  test('each argument page previews as that argument, with its own title, description, image and canonical URL', async () => {
    const found = await argumentsOnTheReading(url);
    expect(found.map((a) => a.id)).toEqual(['economic', 'geopolitical', 'geo-economic']);
    const descriptions = new Set<string>();
    for (const argument of found) {
      const page = await open(browser(), `${url}${READING}${argument.id}/`);
      const { meta, canonical } = await metadata(page);
      const own = `${origin}${base}${READING}${argument.id}/`;
      // "Reason 2 of 3 · Geopolitical" on the page is "Reason 2 of 3: Geopolitical — <claim>" in a preview.
      const title = `${argument.heading.replace(' · ', ': ')} — ${argument.claim}`;
      expect(meta).toMatchObject({ 'og:title': title, 'twitter:title': title, 'og:url': own, 'og:type': 'article', 'twitter:card': 'summary_large_image' });
      expect(canonical).toBe(own);
      expect(await page.title()).toContain(title);
      expect(meta['og:description']!.length).toBeGreaterThan(40);
      expect(meta['twitter:description']).toBe(meta['og:description']);
      descriptions.add(meta['og:description']!);
      expect(meta['og:image']).toBe(`${own}og.png`);
      expect(meta['twitter:image']).toBe(meta['og:image']);
      expect(meta['og:image:alt']).toContain(argument.claim);
      await expectImage(meta['og:image']!);
      await page.context().close();
    }
    const reading = await open(browser(), `${url}${READING}`);
    descriptions.add((await metadata(reading)).meta['og:description']!);
    await reading.context().close();
    expect(descriptions.size, 'every argument and the reading describe themselves differently').toBe(4);
  });

  test('an argument page shows the thesis and the argument with its notes, numbered as in the reading, and leads on', async () => {
    const reading = await open(browser(), `${url}${READING}`);
    const readingNumbers = await noteNumbers(reading, '#geopolitical');
    const readingParagraphs = await reading.locator('#geopolitical :is(p, .passage)[id]').evaluateAll((ps) => ps.map((p) => [p.id, p.textContent]));
    // biome-ignore lint/performance/useDomNodeTextContent: the text as a reader sees it, laid out; textContent would include hidden text
    const readingText = await reading.locator('main').innerText();
    await reading.context().close();

    const page = await open(browser(), `${url}${READING}geopolitical/`);
    // biome-ignore lint/performance/useDomNodeTextContent: compared with the reading's innerText above, as a reader sees it
    const thesis = (await page.locator('.thesis').innerText()).trim();
    expect(thesis.length).toBeGreaterThan(40);
    expect(readingText).toContain(thesis);
    expect(await page.locator('#geopolitical h2').textContent()).toBe('Reason 2 of 3 · Geopolitical');
    expect(await page.locator('#geopolitical :is(p, .passage)[id]').evaluateAll((ps) => ps.map((p) => [p.id, p.textContent]))).toEqual(readingParagraphs);
    const numbers = await noteNumbers(page, '#geopolitical');
    expect(Object.keys(numbers).length).toBeGreaterThan(3);
    expect(numbers).toEqual(readingNumbers);
    for (const href of Object.keys(numbers)) expect(await page.locator(`.sidenote${href}`).isVisible()).toBe(true);
    // No other argument is on its page.
    expect(await page.locator('#economic, #geo-economic').count()).toBe(0);

    const nav = page.locator('nav.argument-nav');
    expect(await nav.locator('a[rel="prev"]').getAttribute('href')).toBe(`${base}${READING}economic/`);
    expect(await nav.locator('a[rel="next"]').getAttribute('href')).toBe(`${base}${READING}geo-economic/`);
    await nav.locator('a.argument-nav-full').click();
    expect(page.url()).toBe(`${url}${READING}#geopolitical`);
    expect(await page.locator('#geopolitical').evaluate((el) => el.matches(':target'))).toBe(true);
    await page.context().close();

    const first = await open(browser(), `${url}${READING}economic/`);
    expect(await first.locator('nav.argument-nav a[rel="prev"]').count()).toBe(0);
    await first.context().close();
  });

  test('the reading page previews as the reading and credits the original for reference managers and search engines', async () => {
    const page = await open(browser(), `${url}${READING}`);
    const { meta, canonical } = await metadata(page);
    const own = `${origin}${base}${READING}`;
    expect(canonical).toBe(own);
    expect(meta).toMatchObject({
      'og:title': 'Three reasons why the China-Russia alliance is deepening',
      'og:url': own,
      'og:image': `${own}og.png`,
      'twitter:card': 'summary_large_image',
      citation_title: 'Three reasons why the China-Russia alliance is deepening',
      citation_author: 'Andrew Latham',
      citation_publication_date: '2022/03',
      citation_journal_title: 'The Hill',
    });
    await expectImage(meta['og:image']!);
    // One JSON-LD script: the page's Article first in an @graph, then a ClaimReview per scored forecast.
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd['@context']).toBe('https://schema.org');
    expect(jsonLd['@graph'].filter((node: { '@type': string }) => node['@type'] === 'ClaimReview')).toHaveLength(committed.forecasts.length);
    expect(jsonLd['@graph'][0]).toMatchObject({
      '@type': 'Article',
      url: own,
      isBasedOn: {
        '@type': 'OpinionNewsArticle',
        '@id': `${own}#original`,
        headline: 'Three reasons why the China-Russia alliance is deepening',
        author: { '@type': 'Person', name: 'Andrew Latham' },
        publisher: { name: 'The Hill' },
      },
    });
    // The original's identity is where the footer cites it.
    // biome-ignore lint/performance/useDomNodeTextContent: the citation as a reader sees it, its lines' whitespace laid out
    expect(await page.locator('#original').innerText()).toContain('The Hill, March 2022');
    await page.context().close();
  });

  test('the social images are byte for byte the same in both builds', async () => {
    const [other] = sites().filter((s) => s.name !== site.name);
    for (const path of [`${READING}og.png`, `${READING}geopolitical/og.png`]) {
      const image = async (at: string) => Buffer.from(await (await fetch(`${at}${path}`)).arrayBuffer());
      const [here, there] = [await image(url), await image(other!.url)];
      expect(here.length).toBeGreaterThan(10_000);
      expect(here.equals(there), path).toBe(true);
    }
  });

  test('robots.txt names the sitemap, which lists every canonical page by its absolute URL under the base', async () => {
    const robots = await (await fetch(`${url}robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${origin}${base}sitemap.xml`);
    const sitemap = await (await fetch(`${url}sitemap.xml`)).text();
    const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => loc!);
    // Each reading's page and its arguments' pages; the root too when it lists several readings rather than showing one.
    const listed = (await readings).length > 1 ? [''] : [];
    const expected = [...listed, ...(await readings).flatMap(({ id, reading }) => [`${id}/`, ...reading.arguments.map((a) => `${id}/${a.id}/`)])];
    expect([...locations].sort()).toEqual(expected.map((path) => `${origin}${base}${path}`).sort());
    expect(locations).toEqual(
      expect.arrayContaining(
        [`${READING}`, `${READING}economic/`, `${READING}geopolitical/`, `${READING}geo-economic/`].map((path) => `${origin}${base}${path}`),
      ),
    );
    for (const location of locations) expect((await fetch(local(location))).status, location).toBe(200);
  });

  test('a missing page answers 404 and offers every reading and argument, by links that work from anywhere', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${url}no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('No page here');
    const links = await page.locator('main a').evaluateAll((all) => all.map((a) => [a.textContent, (a as HTMLAnchorElement).href]));
    // Every reading by its title, in title order, each followed by its arguments; then the home page.
    const titles = (await readings).map(({ reading }) => reading.title).sort((a, b) => a.localeCompare(b));
    expect(links.filter(([, href]) => /^[^/]+\/$/.test(href!.slice(url.length))).map(([title]) => title)).toEqual(titles);
    const ours = links.findIndex(([title]) => title === 'Three reasons why the China-Russia alliance is deepening');
    expect(links.slice(ours, ours + 4)).toEqual([
      ['Three reasons why the China-Russia alliance is deepening', `${url}${READING}`],
      ['Reason 1 of 3: Economic', `${url}${READING}economic/`],
      ['Reason 2 of 3: Geopolitical', `${url}${READING}geopolitical/`],
      ['Reason 3 of 3: Geo-economic', `${url}${READING}geo-economic/`],
    ]);
    expect(links.at(-1)).toEqual(['Go to the home page', url]);
    expect(links).toHaveLength(titles.length + (await readings).reduce((n, { reading }) => n + reading.arguments.length, 0) + 1);
    for (const [, href] of links) expect((await fetch(href!)).status, href!).toBe(200);
    // Its stylesheet loads from the nested path too.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await context.close();
  });
});
