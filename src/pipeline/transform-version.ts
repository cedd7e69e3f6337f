/**
 * What version of the reading transform this is, for the render cache
 * (`render-cache.ts`): a hash of everything besides a reading and the
 * processor's options that decides its HTML. That is our code, every file of
 * src/pipeline/ and src/reading/, and the packages it runs on, as installed:
 * each package those files import (`@astrojs/markdown-remark`, `unified`,
 * `mdast-util-to-hast`…) and each package those depend on, down to the
 * parser (micromark) and the HTML writer, since a patch release of any of
 * them can change a page. Installed, not as package-lock.json says: a
 * lockfile pulled but not yet installed would otherwise label old output
 * with new versions, and copies of the project (tests, bench) link to
 * node_modules without npm's own record of it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders whose source is the transform: this one and the domain it imports, found from this file, not the working directory. */
const TRANSFORM_FOLDERS = [fileURLToPath(new URL('.', import.meta.url)), fileURLToPath(new URL('../reading/', import.meta.url))];

/** Every file under `folder`, as absolute paths, sorted so the hash does not depend on the order the disk lists them in. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The package a bare specifier names: `unified`, `@astrojs/markdown-remark` (from `@astrojs/markdown-remark/dist/x.js`). */
const packageName = (specifier: string) => {
  const [scope, name] = specifier.split('/');
  return scope!.startsWith('@') ? `${scope}/${name}` : scope!;
};

/** The packages a source file imports for their code: bare specifiers, not `node:` modules, relative files or type-only imports. */
function importedPackages(source: string): string[] {
  const statements = source.matchAll(/^\s*(?:import|export)\s(?!type\s)(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm);
  return [...statements]
    .map((match) => match[1]!)
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'))
    .map(packageName);
}

/** The folder of package `name` as Node finds it from `from`: the nearest node_modules/<name> up the tree, or none. */
function packageFolder(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    if (path.dirname(dir) === dir) return undefined;
  }
}

interface PackageJson {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/**
 * `name@version` of each package in `names`, resolved from `from`, and of
 * every package they depend on, as installed, sorted. A package not
 * installed (an optional or peer dependency) is left out.
 */
export function installedVersions(names: string[], from: string): string[] {
  const seen = new Map<string, string>();
  const visit = (name: string, parent: string) => {
    const folder = packageFolder(name, parent);
    if (!folder || seen.has(folder)) return;
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as PackageJson;
    seen.set(folder, `${manifest.name}@${manifest.version}`);
    const { dependencies = {}, optionalDependencies = {}, peerDependencies = {} } = manifest;
    for (const dependency of Object.keys({ ...dependencies, ...optionalDependencies, ...peerDependencies })) visit(dependency, folder);
  };
  for (const name of names) visit(name, from);
  return [...new Set(seen.values())].sort();
}

/**
 * A hash of the files under `folders` (their paths relative to their folder,
 * and their bytes) and of the installed versions of the packages those files
 * import, with their dependencies.
 */
export function sourceHash(folders: string[]): string {
  const hash = createHash('sha256');
  const packages = new Set<string>();
  for (const folder of folders)
    for (const file of filesUnder(folder)) {
      const source = readFileSync(file);
      hash.update(`${path.relative(path.dirname(folder), file)}\0${source.length}\0`).update(source);
      if (/\.[cm]?[jt]s$/.test(file)) for (const name of importedPackages(source.toString('utf8'))) packages.add(name);
    }
  hash.update(installedVersions([...packages].sort(), folders[0]!).join('\n'));
  return hash.digest('hex');
}

/** The version of the reading transform: its source (src/pipeline, src/reading) and its packages, as installed, under this Node. */
export const transformVersion = (): string => `${process.version}:${sourceHash(TRANSFORM_FOLDERS)}`;
