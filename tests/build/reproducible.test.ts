/**
 * Gates: the build needs no network, takes nothing from the clock, and two
 * builds of the same sources are byte-identical. One copy of the project
 * builds inside a fresh network namespace (unshare: no interface but a
 * loopback that is down, so no DNS and no connection can succeed) with its
 * clock set to 2001; then a second copy, elsewhere on disk, builds normally
 * with its clock set to 2031. They run one after the other, each with its own
 * caches. Both must succeed and ship exactly the same bytes.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstat, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { siteFiles } from '../support/built-site.ts';
import { build, committedReadings, projectWith, type BuildResult } from '../support/project.ts';

/** A new user and network namespace: works unprivileged where user namespaces are allowed, and as root. */
const WITHOUT_NETWORK = ['unshare', '--map-root-user', '--net'];
const HOST = { GLOSS_SITE: 'https://gloss.example', GLOSS_BASE: '/annotated/' };
const FAKE_CLOCK = pathToFileURL(path.join(import.meta.dirname, '../support/fake-clock.mjs')).href;
/** Two clocks years apart, on different days, months and times of day. TZ=UTC so the build's log shows the time as set. */
const clockAt = (now: string) => ({ FAKE_NOW: now, NODE_OPTIONS: `--import=${FAKE_CLOCK}`, TZ: 'UTC' });
const CLOCKS = ['2001-02-03T04:05:06Z', '2031-10-11T12:13:14Z'] as const;

const projects: string[] = [];
let offline: BuildResult;
let online: BuildResult;

beforeAll(async () => {
  const readings = await committedReadings();
  // One after the other: each build has the machine, and its copy, to itself.
  const first = await projectWith(readings);
  projects.push(first);
  offline = await build(first, path.join(first, 'dist'), { ...HOST, ...clockAt(CLOCKS[0]) }, WITHOUT_NETWORK);
  const second = await projectWith(readings);
  projects.push(second);
  online = await build(second, path.join(second, 'dist'), { ...HOST, ...clockAt(CLOCKS[1]) });
}, 400_000);

afterAll(() => Promise.all(projects.map((dir) => rm(dir, { recursive: true, force: true }))));

const fingerprint = async (dir: string) =>
  Object.fromEntries(
    await Promise.all(
      siteFiles(dir).map(async (file) => [
        file,
        createHash('sha256')
          .update(await readFile(path.join(dir, file)))
          .digest('hex'),
      ]),
    ),
  );

test('the offline build runs where no network interface exists but loopback', async () => {
  const { stdout } = await promisify(execFile)(WITHOUT_NETWORK[0]!, [...WITHOUT_NETWORK.slice(1), 'cat', '/proc/net/dev']).catch((failure: Error) => {
    throw new Error(`cannot make a network namespace with \`${WITHOUT_NETWORK.join(' ')}\` (needs root or unprivileged user namespaces): ${failure.message}`);
  });
  const interfaces = stdout
    .split('\n')
    .slice(2)
    .map((line) => line.split(':')[0]!.trim())
    .filter(Boolean);
  expect(interfaces).toEqual(['lo']);
});

test('the build succeeds with no network at all', () => {
  expect(offline.code, offline.output).toBe(0);
});

test('each build ran under its own clock, with its own caches', async () => {
  // Astro stamps each log line with the time of day: 04:05 in 2001, 12:13 in 2031.
  expect(offline.output, offline.output).toMatch(/^04:0\d:\d\d /m);
  expect(online.output, online.output).toMatch(/^12:1\d:\d\d /m);
  expect(offline.output).not.toMatch(/^12:1\d:\d\d /m);
  for (const project of projects)
    for (const cache of ['.astro', '.vite']) {
      const entry = await lstat(path.join(project, 'node_modules', cache)).catch(() => undefined);
      expect(entry?.isSymbolicLink() ?? false, `${cache} of ${project} is its own`).toBe(false);
    }
});

test('two builds of the same sources, years apart by their clocks, are byte-identical', async () => {
  expect(online.code, online.output).toBe(0);
  const [a, b] = await Promise.all([fingerprint(offline.outDir), fingerprint(online.outDir)]);
  expect(Object.keys(a).length).toBeGreaterThan(2);
  expect(a).toEqual(b);
});
