/**
 * axe-core in a page: the WCAG 2.2 A and AA rules, and violations described
 * one line per element so a failing test says what to fix and where.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ElementContext } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { open } from './pages.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_22_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One line per failing element: rule, impact, help, where, and why. */
const describeViolations = (violations: AxeResults['violations']) =>
  violations.flatMap((rule) =>
    rule.nodes.map(
      (node) => `${rule.id} (${rule.impact}): ${rule.help}\n    at ${node.target.join(' ')}\n    ${node.failureSummary?.replace(/\n/g, '\n    ')}`,
    ),
  );

/**
 * Run axe on `context` (the whole document by default). axe is a script: open
 * the page with JavaScript on and `bypassCSP`, since the page's CSP rightly
 * refuses it.
 */
async function runAxe(page: Page, context?: ElementContext): Promise<AxeResults> {
  await page.addScriptTag({ content: axeSource });
  return runLoadedAxe(page, context);
}

/** Run axe, already added to the page, on `context`. */
function runLoadedAxe(page: Page, context?: ElementContext): Promise<AxeResults> {
  return page.evaluate(
    ([context, tags]) =>
      (window as unknown as { axe: typeof import('axe-core') }).axe.run((context as ElementContext | undefined) ?? document, {
        runOnly: { type: 'tag', values: tags as string[] },
      }),
    [context, WCAG_22_A_AA] as const,
  );
}

export interface Layout {
  width: number;
  height: number;
  colorScheme: 'light' | 'dark';
}

/**
 * Open `url` in `layout`, run axe on the elements matching `include` (the
 * whole page by default), and report how many checks passed and each
 * violation, described. The page's CSP rightly refuses axe's script, so this
 * one context bypasses it.
 */
export async function axeAudit(
  browser: Browser,
  url: string,
  { width, height, colorScheme }: Layout,
  include?: string[],
  /** Bring the page into the state to audit first, e.g. open a note. */
  prepare?: (page: Page) => Promise<unknown>,
) {
  const page = await open(browser, url, { javaScriptEnabled: true, bypassCSP: true, viewport: { width, height }, colorScheme });
  try {
    await prepare?.(page);
    const results = await runAxe(page, include && { include });
    return { passes: results.passes.length, violations: describeViolations(results.violations) };
  } finally {
    await page.context().close();
  }
}

/**
 * Audit `url` in both colour schemes at one width, on one loaded page: the
 * light scheme, then the dark one (`emulateMedia` switches the scheme's
 * custom properties in place, as a reader's system setting would), each
 * audited whole or on `include`. What `prepare` does (open notes) is done
 * once, after the load. One load per width instead of one per scheme.
 */
export async function axeAuditSchemes(
  browser: Browser,
  url: string,
  { width, height }: { width: number; height: number },
  prepare?: (page: Page) => Promise<unknown>,
  include?: string[],
): Promise<Record<Layout['colorScheme'], { passes: number; violations: string[] }>> {
  const page = await open(browser, url, { javaScriptEnabled: true, bypassCSP: true, viewport: { width, height }, colorScheme: 'light' });
  try {
    await prepare?.(page);
    await page.addScriptTag({ content: axeSource });
    const audit = async (colorScheme: Layout['colorScheme']) => {
      await page.emulateMedia({ colorScheme });
      const applied = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
      if (applied !== (colorScheme === 'dark')) throw new Error(`the page did not switch to the ${colorScheme} scheme`);
      const results = await runLoadedAxe(page, include && { include });
      return { passes: results.passes.length, violations: describeViolations(results.violations) };
    };
    return { light: await audit('light'), dark: await audit('dark') };
  } finally {
    await page.context().close();
  }
}
