/**
 * What a first visit to a page transfers, by type, raw and compressed as a
 * host would serve it (gzip at zlib's default level, brotli at its default
 * quality), measured in Chromium with JavaScript on and an empty cache. Used
 * by the page-weight gate and by the bench.
 */
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from 'playwright-core';
import { open } from './pages.ts';

export const RESOURCE_TYPES = ['html', 'css', 'js', 'font', 'image', 'other'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export interface Bytes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface FirstLoad {
  /** Every response of the load, by type. */
  bytes: Record<ResourceType, Bytes>;
  /** Scripts written into the HTML itself: counted in `html`, and here as JavaScript too. */
  inlineScript: Bytes;
  /** Scripts that would block rendering: neither modules, nor deferred, nor async. */
  blockingScripts: string[];
  /** `font-display` of each @font-face rule the page's stylesheets declare. */
  fontDisplays: string[];
  /** The fonts Chromium actually drew the page's text with, and whether each is a web font (from an @font-face). */
  drawnFonts: { family: string; webFont: boolean }[];
  urls: string[];
}

/** The elements that hold the page's text: what the fonts gate checks was drawn in a font. */
const TEXT = 'body :is(h1, h2, h3, p, li, a, aside, figcaption, th, td, cite, span, button)';

/** The fonts Chromium drew the text of `page` with (DevTools' CSS.getPlatformFontsForNode), each family once. */
async function drawnFonts(page: Page): Promise<FirstLoad['drawnFonts']> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: TEXT });
  const fonts = new Map<string, boolean>();
  for (const nodeId of nodeIds)
    for (const font of (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts) fonts.set(font.familyName, font.isCustomFont);
  await cdp.detach();
  return [...fonts].map(([family, webFont]) => ({ family, webFont })).sort((a, b) => a.family.localeCompare(b.family));
}

const TYPE_OF: Record<string, ResourceType> = { document: 'html', stylesheet: 'css', script: 'js', font: 'font', image: 'image' };

const measure = (body: Buffer | string): Bytes => ({
  raw: Buffer.byteLength(body),
  gzip: gzipSync(body).byteLength,
  brotli: brotliCompressSync(body).byteLength,
});

const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });

const NO_BYTES: Bytes = { raw: 0, gzip: 0, brotli: 0 };

export const total = (...parts: Bytes[]) => parts.reduce(add, NO_BYTES);

export async function measureFirstLoad(browser: Browser, url: string, viewport = { width: 375, height: 740 }): Promise<FirstLoad> {
  const responses: Response[] = [];
  const page = await open(browser, url, { javaScriptEnabled: true, viewport }, async (page) => page.on('response', (response) => responses.push(response)));
  await page.waitForLoadState('networkidle');
  const bytes = Object.fromEntries(RESOURCE_TYPES.map((type) => [type, NO_BYTES])) as Record<ResourceType, Bytes>;
  for (const response of responses) {
    const type = TYPE_OF[response.request().resourceType()] ?? 'other';
    bytes[type] = add(bytes[type], measure(await response.body()));
  }
  const inPage = await page.evaluate(() => {
    const scripts = [...document.querySelectorAll('script')].filter((s) => !s.type || /^(module|(text|application)\/(java|ecma)script)$/i.test(s.type));
    const fontFaces = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).filter((rule) => rule instanceof CSSFontFaceRule);
    return {
      inline: scripts.filter((s) => !s.src).map((s) => s.textContent ?? ''),
      blocking: scripts.filter((s) => s.type !== 'module' && !s.defer && !s.async).map((s) => s.src || `inline: ${s.textContent?.slice(0, 40)}`),
      fontDisplays: fontFaces.map((rule) => (rule as CSSFontFaceRule).style.getPropertyValue('font-display') || 'auto'),
    };
  });
  const fonts = await drawnFonts(page);
  await page.context().close();
  return {
    bytes,
    drawnFonts: fonts,
    inlineScript: total(...inPage.inline.map(measure)),
    blockingScripts: inPage.blocking,
    fontDisplays: inPage.fontDisplays,
    urls: responses.map((response) => response.url()),
  };
}

/**
 * The page's cumulative layout shift during load, as PerformanceObserver
 * reports it, once its fonts are ready and two frames have been painted.
 */
export async function layoutShift(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<number> {
  const page = await open(browser, url, { javaScriptEnabled: true, viewport }, (page) =>
    // Observe from the very start: init scripts run before the page's own and are exempt from its CSP.
    page.addInitScript(() => {
      let sum = 0;
      const count = (entries: PerformanceEntryList) => {
        for (const entry of entries as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) sum += entry.value;
      };
      const observer = new PerformanceObserver((list) => count(list.getEntries()));
      observer.observe({ type: 'layout-shift', buffered: true });
      (window as unknown as { layoutShift: () => number }).layoutShift = () => {
        count(observer.takeRecords());
        return sum;
      };
    }),
  );
  await page.waitForLoadState('networkidle');
  const shift = await page.evaluate(async () => {
    await document.fonts.ready;
    for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
    return (window as unknown as { layoutShift: () => number }).layoutShift();
  });
  await page.context().close();
  return shift;
}
