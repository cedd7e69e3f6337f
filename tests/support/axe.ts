/**
 * axe-core in a page: the WCAG 2.2 A and AA rules, and violations described
 * one line per element so a failing test says what to fix and where.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ElementContext } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_22_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One line per failing element: rule, impact, help, where, and why. */
export const describeViolations = (violations: AxeResults['violations']) =>
  violations.flatMap((rule) =>
    rule.nodes.map((node) => `${rule.id} (${rule.impact}): ${rule.help}\n    at ${node.target.join(' ')}\n    ${node.failureSummary?.replace(/\n/g, '\n    ')}`),
  );

/**
 * Run axe on `context` (the whole document by default). axe is a script: open
 * the page with JavaScript on and `bypassCSP`, since the page's CSP rightly
 * refuses it.
 */
export async function runAxe(page: Page, context?: ElementContext): Promise<AxeResults> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(
    ([context, tags]) => (window as unknown as { axe: typeof import('axe-core') }).axe.run((context as ElementContext | undefined) ?? document, { runOnly: { type: 'tag', values: tags as string[] } }),
    [context, WCAG_22_A_AA] as const,
  );
}
