/**
 * The layers of src/ and the one direction of their dependencies:
 * reading (the domain) → pipeline (unified stages) → site (Astro-facing
 * helpers) → components, layouts and pages; import (the CLI) uses reading
 * and pipeline. Only site, components, layouts and pages import `astro:*`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const src = path.resolve('src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|astro)$/.test(name) ? [full] : [];
  });

/** The layer a file of src/ belongs to. */
const layerOf = (file: string) => path.relative(src, file).split(path.sep)[0]!.replace(/\.ts$/, '');

/** What each layer may import from src/, besides itself. */
const ALLOWED: Record<string, string[]> = {
  reading: [],
  pipeline: ['reading'],
  site: ['reading', 'pipeline'],
  import: ['reading', 'pipeline'],
  components: ['reading', 'site', 'components', 'styles'],
  layouts: ['reading', 'site', 'components', 'styles'],
  pages: ['reading', 'site', 'components', 'layouts'],
  'content.config': ['reading'],
};
const ASTRO = new Set(['site', 'components', 'layouts', 'pages', 'content.config']);

const imports = files(src).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*import\s[^'"]*?['"]([^'"]+)['"]/g)].map((m) => ({ file, specifier: m[1]! })),
);

test('finds the layers and their imports', () => {
  expect(new Set(files(src).map(layerOf))).toEqual(new Set(Object.keys(ALLOWED)));
  expect(imports.length).toBeGreaterThan(100);
});

test('dependencies between layers point one way', () => {
  const wrong = imports.flatMap(({ file, specifier }) => {
    if (!specifier.startsWith('.')) return [];
    const from = layerOf(file);
    const to = layerOf(path.resolve(path.dirname(file), specifier));
    return to === from || ALLOWED[from]!.includes(to) ? [] : [`${path.relative(src, file)} imports ${specifier} (${from} → ${to})`];
  });
  expect(wrong).toEqual([]);
});

test('only the site layer, components, layouts and pages import astro:*', () => {
  const wrong = imports
    .filter(({ file, specifier }) => specifier.startsWith('astro:') && !ASTRO.has(layerOf(file)))
    .map(({ file }) => path.relative(src, file));
  expect(wrong).toEqual([]);
});

/** The unit project's folders (vitest.config.ts): tests that run in-process, in seconds. */
const UNIT_TESTS = ['reading', 'pipeline', 'site', 'import'].flatMap((dir) => files(path.resolve('tests', dir)));

test('unit tests start no process and build nothing: commands are integration tests, builds are build tests', () => {
  expect(UNIT_TESTS.length).toBeGreaterThan(20);
  const wrong = UNIT_TESTS.filter((file) => /from 'node:child_process'|support\/cli\.ts'|\b(build|projectWith)\(/.test(readFileSync(file, 'utf8'))).map(
    (file) => path.relative('tests', file),
  );
  expect(wrong).toEqual([]);
});
