/**
 * Gate: reading a page tells no one else. Loading, scrolling and printing any
 * page, with JavaScript on, requests nothing from another origin and hints
 * no connection to one. (That the build needs no network is proved in
 * tests/build/reproducible.test.ts, which builds with no network at all.)
 */
import { describe, expect, test } from 'vitest';
import { committedPages } from '../../support/built-site.ts';
import { open, sites, useBrowser } from '../../support/pages.ts';

const browser = useBrowser();

const builds = await Promise.all(sites().map(async (site) => ({ ...site, pages: await committedPages(site) })));

describe.each(builds)('$name build', (site) => {
  test.each(site.pages)('$file requests nothing from another origin', async ({ url }) => {
    const own = new URL(url).origin;
    const requested: string[] = [];
    const page = await open(browser(), url, { javaScriptEnabled: true }, (page) =>
      page.route('**/*', (route) => {
        requested.push(route.request().url());
        return new URL(route.request().url()).origin === own ? route.continue() : route.abort('blockedbyclient');
      }),
    );
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.emulateMedia({ media: 'print' });
    await page.waitForLoadState('networkidle');
    const hints = await page
      .locator('link[rel]')
      .evaluateAll((links) =>
        links
          .filter((l) => /\b(preconnect|dns-prefetch|prefetch|preload|prerender|modulepreload)\b/.test(l.getAttribute('rel')!))
          .map((l) => (l as HTMLLinkElement).href),
      );
    await page.context().close();
    expect(requested).toContain(url);
    expect(requested.filter((r) => new URL(r).origin !== own)).toEqual([]);
    expect(hints.filter((h) => new URL(h).origin !== own)).toEqual([]);
  });
});
