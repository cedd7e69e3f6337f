/**
 * npm run bench: what the site costs to build and to load, on synthetic
 * corpora (bench/synthetic-reading.ts). Timings live here, never in tests.
 *
 * 1. `astro build` of 1, 10 and 100 readings (about 1,500 words and 15 notes
 *    each) in throwaway copies of the project, side by side with a baseline
 *    built in the same run: the same corpus as plain Astro Markdown pages in
 *    src/pages/, with no reading transform and no social images. Each is built
 *    cold (a fresh copy: no caches) and then warm (the same copy again: social
 *    images, citations and renders come from their caches), and the ratios to
 *    the baseline printed.
 * 2. The plugin pipeline alone (the processor Astro runs) per reading, as the
 *    words and the notes of a reading grow.
 * 3. What a first visit to a reading page transfers, by type, raw and
 *    compressed, for a synthetic reading and for the real one.
 * 4. Lighthouse (mobile) on the real reading page, when it is installed.
 *
 * `npm run bench -- --builds` runs part 1 only; `--sizes 1,10` picks the
 * corpus sizes (default 1,10,100). Prints Markdown tables, ready
 * for the README's Performance section.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { readingsFolderOf } from '../src/reading/files.ts';
import { readingRenderer } from '../src/pipeline/processor.ts';
import { CHROMIUM_ARGS, findChromium, launchChromium } from '../tests/support/browser.ts';
import { htmlFiles } from '../tests/support/built-site.ts';
import { measureFirstLoad, RESOURCE_TYPES, total, type FirstLoad } from '../tests/support/page-weight.ts';
import { build, committedReadings, projectWith, root } from '../tests/support/project.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { syntheticCorpus, syntheticReading, type Shape } from './synthetic-reading.ts';

const PIPELINE_SHAPES: Required<Shape>[] = [
  { words: 1500, notes: 15 },
  { words: 3000, notes: 15 },
  { words: 6000, notes: 15 },
  { words: 1500, notes: 30 },
  { words: 1500, notes: 60 },
];
const PIPELINE_RUNS = 60;
const PIPELINE_WARM_UP = 5;
const LIGHTHOUSE_VERSION = '12.8.2';
/** The layout a plain Markdown page uses (README: "Add a Markdown page"), so the baseline pages have the site's shell too. */
const PLAIN_LAYOUT = '../layouts/MarkdownPage.astro';

const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i ? '---:' : '---')).join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
const kb = (bytes: number) => (bytes / 1000).toFixed(1);

/**
 * GNU time, when installed, reports the CPU seconds the build used (user +
 * system, its workers included): on a shared machine they vary far less than
 * the wall-clock seconds, which wait for other people's work.
 */
const CPU_TIME = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'bench-cpu %U %S'] : [];

async function timedBuild(dir: string) {
  const start = performance.now();
  const result = await build(dir, path.join(dir, 'dist'), {}, CPU_TIME);
  const seconds = (performance.now() - start) / 1000;
  if (result.code !== 0) throw new Error(`astro build failed in ${dir}:\n${result.output}`);
  const cpu = /^bench-cpu ([\d.]+) ([\d.]+)$/m.exec(result.output);
  return { outDir: result.outDir, seconds, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN, pages: htmlFiles(result.outDir).length };
}

/** The corpus as plain Markdown pages: src/pages/<name>.md, with the site's page layout and no reading. */
const asPlainPages = (corpus: Record<string, string>) =>
  Object.fromEntries(Object.entries(corpus).map(([name, text]) => [`src/pages/${name}`, text.replace(/^---\n/, `---\nlayout: ${PLAIN_LAYOUT}\n`)]));

/** Build a fresh copy (cold: no caches), then the same copy again (warm). */
async function coldAndWarm(dir: string) {
  const cold = await timedBuild(dir);
  const warm = await timedBuild(dir);
  return { cold, warm };
}

async function benchBuilds(sizes: number[]) {
  const rows: (string | number)[][] = [];
  const colds: number[] = [];
  let firstBuild: string | undefined;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  for (const count of sizes) {
    const corpus = syntheticCorpus(count);
    const glossDir = await projectWith(corpus);
    const plainDir = await projectWith({}, asPlainPages(corpus));
    const gloss = await coldAndWarm(glossDir);
    const plain = await coldAndWarm(plainDir);
    colds.push(gloss.cold.seconds);
    rows.push([
      count,
      gloss.cold.pages,
      plain.cold.pages,
      `${gloss.cold.seconds.toFixed(1)} / ${plain.cold.seconds.toFixed(1)}`,
      ratio(gloss.cold.seconds, plain.cold.seconds),
      `${gloss.warm.seconds.toFixed(1)} / ${plain.warm.seconds.toFixed(1)}`,
      ratio(gloss.warm.seconds, plain.warm.seconds),
      `${gloss.cold.cpu.toFixed(1)} / ${plain.cold.cpu.toFixed(1)}`,
      ratio(gloss.cold.cpu, plain.cold.cpu),
      `${gloss.warm.cpu.toFixed(1)} / ${plain.warm.cpu.toFixed(1)}`,
      ratio(gloss.warm.cpu, plain.warm.cpu),
    ]);
    await rm(plainDir, { recursive: true, force: true });
    if (!firstBuild) firstBuild = gloss.warm.outDir;
    else await rm(glossDir, { recursive: true, force: true });
  }
  const [fewest, most] = [sizes[0]!, sizes.at(-1)!];
  const perReading = (colds.at(-1)! - colds[0]!) / (most - fewest);
  console.log('## Build (astro build, readings of ~1,500 words and 15 notes) against plain Markdown pages\n');
  console.log(
    table(
      [
        'readings',
        'pages',
        'plain pages',
        'cold s, Gloss / plain',
        'cold ratio',
        'warm s, Gloss / plain',
        'warm ratio',
        'cold CPU s',
        'CPU ratio',
        'warm CPU s',
        'CPU ratio',
      ],
      rows,
    ),
  );
  console.log(
    `\nCold: a fresh copy, no caches. Warm: the same copy built again, social images, citations and renders from their caches. Plain: the same corpus as Markdown pages in src/pages (the site's page layout), with no reading transform and no social images. Wall-clock seconds, then CPU seconds (user + system).`,
  );
  // One size alone gives no slope.
  if (most > fewest)
    console.log(`Cold, each further reading adds ${(perReading * 1000).toFixed(0)} ms; fixed cost ≈ ${(colds[0]! - perReading * fewest).toFixed(1)} s.`);
  console.log('');
  return firstBuild!;
}

async function benchPipeline() {
  const renderer = await readingRenderer({ readingsFolder: readingsFolderOf(root) });
  const fileURL = pathToFileURL(path.join(readingsFolderOf(root), 'bench.md'));
  const render = (content: string, frontmatter: Record<string, unknown>) => renderer.render(content, { frontmatter, fileURL });
  const corpora = PIPELINE_SHAPES.map((shape) => Array.from({ length: PIPELINE_RUNS }, (_, i) => parseFrontmatter(syntheticReading(1000 + i, shape))));
  // Warm the processor and the JIT on every shape first, so order does not skew the figures.
  for (const readings of corpora) for (const { content, frontmatter } of readings.slice(0, PIPELINE_WARM_UP)) await render(content, frontmatter);
  const rows: (string | number)[][] = [];
  const medians: number[] = [];
  for (const [s, readings] of corpora.entries()) {
    const { words, notes } = PIPELINE_SHAPES[s]!;
    const times: number[] = [];
    for (const { content, frontmatter } of readings) {
      const start = performance.now();
      await render(content, frontmatter);
      times.push(performance.now() - start);
    }
    // The median: other work on the machine lands on a few runs, not on it.
    const ms = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    medians.push(ms);
    rows.push([words, notes, ms.toFixed(1)]);
  }
  // The marginal cost of words and of notes, from the shapes that differ in one of them only.
  const slope = (from: number, to: number, of: 'words' | 'notes') => (medians[to]! - medians[from]!) / (PIPELINE_SHAPES[to]![of] - PIPELINE_SHAPES[from]![of]);
  console.log('## Plugin pipeline (Markdown → HTML, median per reading)\n');
  console.log(table(['words', 'notes', 'ms per reading'], rows));
  console.log(`\nEach further 1,000 words add ${(slope(0, 2, 'words') * 1000).toFixed(1)} ms; each further note adds ${slope(0, 4, 'notes').toFixed(2)} ms.\n`);
}

function weightTable(title: string, load: FirstLoad) {
  const rows = RESOURCE_TYPES.filter((type) => load.bytes[type].raw > 0).map((type) => [
    type,
    kb(load.bytes[type].raw),
    kb(load.bytes[type].gzip),
    kb(load.bytes[type].brotli),
  ]);
  const all = total(...Object.values(load.bytes));
  rows.push(['**total**', kb(all.raw), kb(all.gzip), kb(all.brotli)]);
  if (load.inlineScript.raw) rows.push(['(inline JavaScript, in html)', kb(load.inlineScript.raw), kb(load.inlineScript.gzip), kb(load.inlineScript.brotli)]);
  console.log(`### ${title}\n`);
  console.log(table(['type', 'raw, KB', 'gzip, KB', 'brotli, KB'], rows));
  console.log(`\n${load.urls.length} request(s).\n`);
}

/** Run Lighthouse on `url` with a Chromium it drives over the DevTools port. */
async function lighthouse(url: string): Promise<string> {
  // A variable specifier: Lighthouse is optional and has no types installed.
  const specifier = 'lighthouse';
  let run: (url: string, flags: object) => Promise<{ lhr: { categories: Record<string, { title: string; score: number }> } }>;
  try {
    run = (await import(specifier)).default;
  } catch {
    return `Lighthouse skipped: it is not installed (npm install --save-dev lighthouse@${LIGHTHOUSE_VERSION}).`;
  }
  const profile = await mkdtemp(path.join(tmpdir(), 'gloss-lighthouse-'));
  const chrome = spawn(findChromium()!, [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank']);
  const exited = new Promise((resolve) => chrome.once('exit', resolve));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let log = '';
      chrome.stderr.on('data', (chunk) => {
        log += chunk;
        const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(log);
        if (match) resolve(Number(match[1]));
      });
      chrome.on('exit', () => reject(new Error(`Chromium exited before opening its DevTools port:\n${log}`)));
    });
    const { lhr } = await run(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
    return table(
      ['Lighthouse (mobile)', 'score'],
      Object.values(lhr.categories).map((category) => [category.title, Math.round(category.score * 100)]),
    );
  } finally {
    // Chromium writes to its profile until it exits: wait before removing it.
    chrome.kill();
    await exited;
    await rm(profile, { recursive: true, force: true });
  }
}

async function benchPageWeight(syntheticBuild: string) {
  const readings = await committedReadings();
  const realDir = await projectWith(readings);
  const real = await timedBuild(realDir);
  const readingPath = `${Object.keys(readings)[0]!.replace(/\.md$/, '')}/`;
  const [synthetic, actual] = await Promise.all([serveStatic(syntheticBuild), serveStatic(real.outDir)]);
  const browser = await launchChromium();
  try {
    console.log('## First load of a reading page (375 px, empty cache)\n');
    weightTable('Synthetic reading (~1,500 words, 15 notes): /bench-1/', await measureFirstLoad(browser, `${synthetic.url}bench-1/`));
    weightTable(`The real reading: /${readingPath}`, await measureFirstLoad(browser, `${actual.url}${readingPath}`));
    console.log(await lighthouse(`${actual.url}${readingPath}`));
  } finally {
    await browser.close();
    await Promise.all([synthetic.close(), actual.close()]);
    await rm(realDir, { recursive: true, force: true });
  }
}

const { values: flags } = parseArgs({ options: { builds: { type: 'boolean', default: false }, sizes: { type: 'string', default: '1,10,100' } } });
const syntheticBuild = await benchBuilds(flags.sizes.split(',').map(Number));
if (!flags.builds) {
  await benchPipeline();
  await benchPageWeight(syntheticBuild);
}
await rm(path.dirname(syntheticBuild), { recursive: true, force: true });
