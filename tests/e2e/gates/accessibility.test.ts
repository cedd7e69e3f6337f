/**
 * Gate: axe-core finds no WCAG 2.2 A or AA violation on any page, on a phone
 * and a wide screen, in the light and the dark colour scheme.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import { describe, expect, test } from 'vitest';
import { sitePages } from '../../support/built-site.ts';
import { open, sites, useBrowser } from '../../support/pages.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const LAYOUTS = [
  { width: 375, height: 740, colorScheme: 'light' },
  { width: 375, height: 740, colorScheme: 'dark' },
  { width: 1440, height: 900, colorScheme: 'light' },
  { width: 1440, height: 900, colorScheme: 'dark' },
] as const;

/** One line per failing element: rule, impact, help, where, and why. */
const describeViolations = (violations: AxeResults['violations']) =>
  violations.flatMap((rule) =>
    rule.nodes.map((node) => `${rule.id} (${rule.impact}): ${rule.help}\n    at ${node.target.join(' ')}\n    ${node.failureSummary?.replace(/\n/g, '\n    ')}`),
  );

const browser = useBrowser();
// Both builds share their markup; the root build stands for both.
const site = sites().find((s) => s.name === 'root')!;

describe.each(sitePages(site))('$file', ({ url }) => {
  test.each(LAYOUTS)('$width px, $colorScheme: no WCAG 2.2 A/AA violation', async ({ width, height, colorScheme }) => {
    // axe is a script: the page's CSP rightly refuses it, so this context bypasses it.
    const page = await open(browser(), url, { javaScriptEnabled: true, bypassCSP: true, viewport: { width, height }, colorScheme });
    await page.addScriptTag({ content: axeSource });
    const results = await page.evaluate(
      (tags) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
      WCAG_22_A_AA,
    );
    await page.context().close();
    expect(results.passes.length).toBeGreaterThan(0);
    expect(describeViolations(results.violations)).toEqual([]);
  });
});
