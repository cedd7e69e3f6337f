/**
 * Find and launch a Chromium for the browser tests: Playwright's own build if
 * one is installed, else the system's (Debian's /usr/bin/chromium).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];

export const NO_CHROMIUM =
  'No Chromium found: install one with `apt-get install chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set CHROMIUM_PATH.';

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, safePlaywrightPath(), ...SYSTEM_CHROMIUMS];
  return candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** The network here is closed: keep Chromium from phoning home at start. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  return chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
}
