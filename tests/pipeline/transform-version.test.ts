/**
 * The version of the reading transform the render cache keys each render
 * with: it changes with any file of the transform's source, and it names
 * every package the transform runs on, at the version installed.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { installedVersions, sourceHash, transformVersion } from '../../src/pipeline/transform-version.ts';

const root = path.resolve(import.meta.dirname, '../..');

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'gloss-transform-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

/** A project in `folder`/`name`: files by their path in it. Returns its `pipeline` folder's source hash. */
async function project(name: string, files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, name, file)), { recursive: true });
    await writeFile(path.join(folder, name, file), text);
  }
  return sourceHash([path.join(folder, name, 'pipeline')]);
}

const manifest = (name: string, version: string, dependencies: Record<string, string> = {}) => JSON.stringify({ name, version, dependencies });

describe('the transform’s version', () => {
  test('changes with any file under the transform’s folders, wherever they are', async () => {
    const source = { 'pipeline/processor.ts': 'export const a = 0;\n', 'pipeline/handlers/notes.ts': 'export const a = 1;\n' };
    const original = await project('a', source);
    expect(await project('b', source)).toBe(original);
    expect(await project('c', { ...source, 'pipeline/handlers/notes.ts': 'export const a = 2;\n' })).not.toBe(original);
    expect(await project('d', { ...source, 'pipeline/handlers/new.ts': '' })).not.toBe(original);
  });

  test('changes with the installed version of a package the source imports, or of one that package depends on', async () => {
    const installed = (parser: string, dependency: string) => ({
      'pipeline/processor.ts': "import { parse } from 'parser';\nimport type { Tree } from 'types-only';\n",
      'node_modules/parser/package.json': manifest('parser', parser, { tokens: '^1.0.0' }),
      'node_modules/tokens/package.json': manifest('tokens', dependency),
      'node_modules/types-only/package.json': manifest('types-only', '1.0.0'),
    });
    const original = await project('a', installed('1.0.0', '1.0.0'));
    expect(await project('b', installed('1.0.0', '1.0.0'))).toBe(original);
    expect(await project('c', installed('1.0.1', '1.0.0'))).not.toBe(original);
    expect(await project('d', installed('1.0.0', '1.0.1'))).not.toBe(original);
    // A type-only import decides nothing the render holds.
    expect(await project('e', { ...installed('1.0.0', '1.0.0'), 'node_modules/types-only/package.json': manifest('types-only', '2.0.0') })).toBe(original);
  });

  test('names each package the site’s transform runs on, down to the parser, at its installed version', async () => {
    const version = async (name: string) => JSON.parse(await readFile(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
    const versions = installedVersions(['@astrojs/markdown-remark'], root);
    for (const name of ['@astrojs/markdown-remark', 'unified', 'remark-smartypants', 'mdast-util-to-hast', 'micromark'])
      expect(versions).toContain(`${name}@${await version(name)}`);
    expect(transformVersion()).toBe(transformVersion());
  });
});
