/**
 * Gates: the build needs no network, and two builds of the same sources are
 * byte-identical. One copy of the project builds inside a fresh network
 * namespace (unshare: no interface but a loopback that is down, so no DNS and
 * no connection can succeed); a second copy, elsewhere on disk, builds
 * normally. Both must succeed and ship exactly the same bytes.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { siteFiles } from '../support/built-site.ts';
import { build, committedReadings, projectWith, type BuildResult } from '../support/project.ts';

/** A new user and network namespace: works unprivileged where user namespaces are allowed, and as root. */
const WITHOUT_NETWORK = ['unshare', '--map-root-user', '--net'];
const HOST = { GLOSS_SITE: 'https://gloss.example', GLOSS_BASE: '/annotated/' };

let projects: string[] = [];
let offline: BuildResult;
let online: BuildResult;

beforeAll(async () => {
  const readings = await committedReadings();
  projects = await Promise.all([projectWith(readings), projectWith(readings)]);
  const [first, second] = projects;
  [offline, online] = await Promise.all([build(first!, path.join(first!, 'dist'), HOST, WITHOUT_NETWORK), build(second!, path.join(second!, 'dist'), HOST)]);
}, 300_000);

afterAll(() => Promise.all(projects.map((dir) => rm(dir, { recursive: true, force: true }))));

const fingerprint = async (dir: string) =>
  Object.fromEntries(
    await Promise.all(siteFiles(dir).map(async (file) => [file, createHash('sha256').update(await readFile(path.join(dir, file))).digest('hex')])),
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

test('two builds of the same sources are byte-identical', async () => {
  expect(online.code, online.output).toBe(0);
  const [a, b] = await Promise.all([fingerprint(offline.outDir), fingerprint(online.outDir)]);
  expect(Object.keys(a).length).toBeGreaterThan(2);
  expect(a).toEqual(b);
});
