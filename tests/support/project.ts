/**
 * Build the site, or a throwaway copy of it with other readings, the way a
 * user does: `astro build` in a child process, reporting its exit code and
 * output. Copies get their own node_modules folder of links to the
 * project's packages, without its caches (node_modules/.vite, .astro,
 * .cache), so builds never share Vite's, Astro's or Gloss's caches.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { stringify as stringifyYaml } from 'yaml';
import { isReadersEdition, readingId, readingsFolderOf } from '../../src/reading/files.ts';
import { parseReading, type Reading } from '../../src/reading/schema.ts';

export const root = path.resolve(import.meta.dirname, '../..');
const astroBin = path.join(root, 'node_modules/astro/bin/astro.mjs');

export interface BuildResult {
  code: number;
  output: string;
  outDir: string;
}

/**
 * What vitest puts in a test worker's environment for the code it tests. A
 * build must not inherit it: Astro would take BASE_URL for the site's base
 * path, whatever GLOSS_BASE says, and NODE_ENV=test for the mode.
 */
const TEST_RUNNER_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID'];
const userEnv = () => Object.fromEntries(Object.entries(process.env).filter(([name]) => !TEST_RUNNER_ENV.includes(name)));

/**
 * Run `astro build` in `cwd`, writing to `outDir`, with extra environment.
 * `launcher` runs the build under another command, e.g. ['unshare', '-rn'].
 */
export function build(cwd: string, outDir: string, env: Record<string, string> = {}, launcher: string[] = []): Promise<BuildResult> {
  return new Promise((resolve) => {
    const [command, ...args] = [...launcher, process.execPath, astroBin, 'build', '--outDir', outDir];
    const child = spawn(command!, args, {
      cwd,
      // Like `npm start`, a test's build may link to localhost unless it sets GLOSS_SITE (or unsets this).
      env: { ...userEnv(), GLOSS_ALLOW_LOCALHOST: '1', ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output, outDir }));
  });
}

/**
 * A copy of the project whose content/readings holds exactly `readings`
 * (file name → file text), plus `files` (path in the project → file text,
 * e.g. a page in src/pages), ready to build.
 */
export async function projectWith(readings: Record<string, string>, files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gloss-project-'));
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
    await cp(path.join(root, entry), path.join(dir, entry), { recursive: true });
  await mkdir(path.join(dir, 'node_modules'));
  // Hidden entries are tools' state (.vite, .astro, .cache…): each copy starts its own, never shares the project's.
  for (const name of await readdir(path.join(root, 'node_modules')))
    if (!name.startsWith('.') || name === '.bin') await symlink(path.join(root, 'node_modules', name), path.join(dir, 'node_modules', name));
  await mkdir(readingsFolderOf(dir), { recursive: true });
  for (const [name, text] of Object.entries(readings)) await writeFile(path.join(readingsFolderOf(dir), name), text);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

/**
 * The readings committed in content/readings (file name → file text). A full
 * text a developer imported (`*.full.md`, git-ignored) is theirs, not what
 * the tests describe.
 */
export async function committedReadings(): Promise<Record<string, string>> {
  const folder = readingsFolderOf(root);
  const names = (await readdir(folder)).filter(isReadersEdition);
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(path.join(folder, name), 'utf8')])));
}

/** The text of a reading file: YAML frontmatter and a Markdown body. */
export function readingFile(frontmatter: unknown, body: string): string {
  return `---\n${stringifyYaml(frontmatter)}---\n${body}`;
}

/** A committed reading's validated frontmatter, as the pages see it. */
export async function committedReading(name: string): Promise<Reading> {
  const file = path.join(readingsFolderOf(root), name);
  return parseReading(parseFrontmatter(await readFile(file, 'utf8')).frontmatter, file);
}

/** Every committed reading's validated frontmatter, with the id (URL segment) it is served at. */
export async function committedReadingEntries(): Promise<{ id: string; reading: Reading }[]> {
  return Promise.all(Object.keys(await committedReadings()).map(async (name) => ({ id: readingId(name), reading: await committedReading(name) })));
}

const fixtureReadingsFolder = path.join(root, 'tests/fixtures/readings');
const fixtureArticlesFolder = path.join(root, 'tests/fixtures/articles');

/**
 * The readings the browser tests' site is built from: the fixture readings
 * in tests/fixtures/readings, and the reading of the fixture article that
 * `importLaterCopy` gives a full text, beside the committed ones. So the site
 * always holds several, no test can lean on a reading being the only one,
 * and the gates walk every committed page and a full-text page too.
 */
export async function siteReadings(): Promise<Record<string, string>> {
  const fixtures = (await readdir(fixtureReadingsFolder)).filter(isReadersEdition);
  const entries = await Promise.all(fixtures.map(async (name) => [name, await readFile(path.join(fixtureReadingsFolder, name), 'utf8')] as const));
  const articleReading = await readFile(path.join(fixtureArticlesFolder, 'river-towns.reading.md'), 'utf8');
  return { ...Object.fromEntries(entries), 'river-towns.md': articleReading, ...(await committedReadings()) };
}

/** The ids (URL segments) of the readings the e2e site holds beside the committed ones. */
export async function fixtureReadingIds(): Promise<Set<string>> {
  const committed = new Set(Object.keys(await committedReadings()).map(readingId));
  return new Set(
    Object.keys(await siteReadings())
      .map(readingId)
      .filter((id) => !committed.has(id)),
  );
}

/** The site's readings (see `siteReadings`), each validated, with the id (URL segment) it is served at. */
export async function siteReadingEntries(): Promise<{ id: string; reading: Reading }[]> {
  return Object.entries(await siteReadings()).map(([name, text]) => ({ id: readingId(name), reading: parseReading(parseFrontmatter(text).frontmatter, name) }));
}

/**
 * Import into the project copy at `dir`, with `npm run import` as a reader
 * does, a later copy of the fixture article's saved page: one word misspelt
 * and one year reworded. Its full text then has a note placed approximately
 * and a note listed as unplaced, which the gates check like any other page.
 */
export async function importLaterCopy(dir: string): Promise<void> {
  const page = (await readFile(path.join(fixtureArticlesFolder, 'river-towns.html'), 'utf8'))
    .replace('Shippers in Tollbridge', 'Shippers in Tollbrige')
    .replace('signed in 1987', 'signed in the late eighties');
  const file = path.join(dir, 'later-copy.html');
  await writeFile(file, page);
  const result = spawnSync(process.execPath, ['src/import/import-cli.ts', file, '--reading', 'river-towns'], {
    cwd: dir,
    env: { ...userEnv(), INIT_CWD: dir },
    encoding: 'utf8',
  });
  await rm(file);
  const placements = `${result.stdout}${result.stderr}`;
  if (result.status !== 0 || !/approximate/.test(placements) || !/unplaced/.test(placements))
    throw new Error(`importing the later copy should place one note approximately and leave one unplaced:\n${placements}`);
}
