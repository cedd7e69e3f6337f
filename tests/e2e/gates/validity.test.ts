/** Gate: the W3C Nu HTML Checker (vnu-jar) finds no error and no warning in any built page. */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, test } from 'vitest';
import { htmlFiles } from '../../support/built-site.ts';
import { sites } from '../../support/pages.ts';

interface VnuMessage {
  type: 'error' | 'non-document-error' | 'info';
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

const vnuJar = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
const pages = sites().flatMap(({ dir }) => htmlFiles(dir).map((file) => path.join(dir, file)));
let messages: VnuMessage[];

beforeAll(async () => {
  // One JVM for every page of both builds: starting Java costs more than checking.
  // vnu exits 1 when it finds errors; its JSON report (on stderr) is what counts.
  const { stderr } = await promisify(execFile)('java', ['-jar', vnuJar, '--format', 'json', ...pages], { maxBuffer: 64 * 1024 * 1024 }).catch(
    (failure: { stderr?: string }) => ({ stderr: failure.stderr ?? '' }),
  );
  messages = (JSON.parse(stderr) as { messages: VnuMessage[] }).messages;
}, 120_000);

const report = ({ url, lastLine, message, extract }: VnuMessage) => `${url}:${lastLine ?? '?'}: ${message}${extract ? `\n    ${extract.trim()}` : ''}`;

test('checks every page of both builds', () => {
  expect(pages.length).toBeGreaterThanOrEqual(2 * 2);
});

test('no errors', () => {
  expect(messages.filter((m) => m.type !== 'info').map(report)).toEqual([]);
});

test('no warnings', () => {
  // Checked from disk, a root-relative stylesheet resolves to file:/_astro/…,
  // which no 'self' can match; in a browser it is same-origin (csp.test.ts
  // checks that in Chromium).
  const notInABrowser = (m: VnuMessage) => m.message.startsWith('Resource violates Content Security Policy (meta tag)');
  expect(messages.filter((m) => m.subType === 'warning' && !notInABrowser(m)).map(report)).toEqual([]);
});
