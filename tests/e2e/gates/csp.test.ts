/**
 * Gate: every page carries a Content-Security-Policy (Astro's security.csp)
 * that allows nothing inline unless hashed and nothing from another origin,
 * and Chromium reports no violation of it on any page.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { committedPages } from '../../support/built-site.ts';
import { open, sites, useBrowser } from '../../support/pages.ts';

const browser = useBrowser();

/** Open `url` with JavaScript on and collect every CSP violation Chromium reports, by event and on the console. */
async function openWatchingPolicy(browser: Browser, url: string): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const logged: string[] = [];
  const page = await open(browser, url, { javaScriptEnabled: true }, async (page) => {
    page.on('console', (message) => {
      if (/content security policy/i.test(message.text())) logged.push(message.text());
    });
    // Init scripts run before the page's own and are exempt from its policy.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`),
      );
    });
  });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForLoadState('networkidle');
  const violations = async () => [...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)), ...logged];
  return { page, violations };
}

/** The policy as directive → sources. */
const parsePolicy = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );

const builds = await Promise.all(sites().map(async (site) => ({ ...site, pages: await committedPages(site) })));

describe.each(builds)('$name build', (site) => {
  describe.each(site.pages)('$file', ({ url }) => {
    test('states a policy before anything it governs, with no inline or foreign sources', async () => {
      const page = await open(browser(), url);
      const policies = await page.locator('meta[http-equiv="content-security-policy" i]').evaluateAll((metas) =>
        metas.map((meta) => ({
          content: meta.getAttribute('content')!,
          inHead: meta.parentElement === document.head,
          // Data blocks such as JSON-LD never run, so no policy governs them.
          governedBefore: [...document.querySelectorAll('script, style, link[rel~="stylesheet"]')]
            .filter((el) => !(el instanceof HTMLScriptElement) || /^(|module|(text|application)\/(java|ecma)script)$/i.test(el.type))
            .filter((el) => el.compareDocumentPosition(meta) & Node.DOCUMENT_POSITION_FOLLOWING).length,
        })),
      );
      await page.context().close();
      expect(policies).toHaveLength(1);
      const [{ content, inHead, governedBefore }] = policies as [(typeof policies)[number]];
      expect(inHead).toBe(true);
      expect(governedBefore).toBe(0);
      const policy = parsePolicy(content);
      expect(policy.get('default-src')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'none'"]);
      expect(policy.has('script-src')).toBe(true);
      expect(policy.has('style-src')).toBe(true);
      // Only this origin, nothing, or hashes of inline code: no 'unsafe-inline',
      // no 'unsafe-eval', no hosts, no schemes such as data: or https:.
      const sources = [...policy.values()].flat();
      expect(sources.filter((source) => !/^'(self|none|sha(256|384|512)-[A-Za-z0-9+/]+=*)'$/.test(source))).toEqual([]);
    });

    test('Chromium reports no violation of it', async () => {
      const { page, violations } = await openWatchingPolicy(browser(), url);
      const reported = await violations();
      await page.context().close();
      expect(reported).toEqual([]);
    });
  });

  test('the policy is enforced: injected inline script and a foreign image are refused and reported', async () => {
    const { page, violations } = await openWatchingPolicy(browser(), site.url);
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "ran"';
      document.body.append(script);
      const image = new Image();
      image.src = 'https://tracker.example/pixel.png';
      document.body.append(image);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return document.body.dataset.injected ?? 'refused';
    });
    await expect
      .poll(violations)
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^script-src-elem blocked inline/),
          expect.stringMatching(/^img-src blocked https:\/\/tracker\.example/),
        ]),
      );
    await page.context().close();
    expect(ran).toBe('refused');
  });
});
