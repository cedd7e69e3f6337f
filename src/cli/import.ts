/**
 * `npm run import -- <file> [--reading <slug>] [--force]`
 *
 * Turn a reader's own copy of an article (saved from the news page as plain
 * text or Markdown) into the full-text edition of a reading,
 * `content/readings/<slug>.full.md`, which the build then renders instead of
 * the reader's edition. The cleaning and composing are in src/lib; this file
 * only parses arguments, reads and writes files, and talks to the reader.
 *
 * Bad input ends with one line on stderr, a non-zero exit and nothing
 * written. The reader's edition is only read; an existing full text is
 * replaced only with --force; the write is atomic (a temporary file in the
 * same folder, flushed to disk, then renamed into place).
 */
import { closeSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError, decodeArticle, excerpt, importArticle } from '../lib/article-import.ts';
import { FULL_TEXT_SUFFIX, isReadersEdition, readingsFolderOf } from '../lib/editions.ts';
import { anchorProblems, fullTextEdition, readReading } from '../lib/full-text-edition.ts';

const USAGE = 'usage: npm run import -- <file> [--reading <slug>] [--force]';
/** An op-ed is some kilobytes; a file this large is something else. */
const MAX_BYTES = 5 * 1024 * 1024;

const root = path.resolve(import.meta.dirname, '../..');
const readingsDir = readingsFolderOf(root);
/** Paths as the reader sees them: relative to the project. */
const shown = (file: string) => path.relative(root, file) || file;

class UsageError extends ImportError {}

async function main(argv: string[]): Promise<void> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { reading: { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (${USAGE})`);
  }
  if (args.values.help) {
    console.log(`${USAGE}\n\nWrites content/readings/<slug>.full.md, the full-text edition of a reading, from your copy of the article.`);
    return;
  }
  if (args.positionals.length !== 1) throw new UsageError(`give exactly one article file (${USAGE})`);

  const slug = await chooseReading(args.values.reading);
  const readingFile = path.join(readingsDir, `${slug}.md`);
  const target = path.join(readingsDir, `${slug}${FULL_TEXT_SUFFIX}`);
  const force = args.values.force === true;

  // npm runs scripts from the project folder; a relative path is the reader's, from where they typed it.
  const input = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.positionals[0]!);
  const name = path.basename(input);
  const text = decodeArticle(await readInput(input), name);

  const readingSource = await readFile(readingFile, 'utf8');
  const reading = readReading(readingSource, shown(readingFile));
  const article = importArticle(text, name, { title: reading.title, author: reading.author.name, tags: reading.tags });
  if (!article.paragraphs.length)
    throw new ImportError(`${name}: no body paragraphs left after removing ${article.removed.length} lines of page furniture; is it the article "${reading.title}"?`);

  const edition = fullTextEdition(readingSource, article, { readingFile: shown(readingFile), sourceName: name, date: new Date().toISOString().slice(0, 10) });
  if (!force && (await exists(target))) throw new ImportError(`${shown(target)} exists; use --force to replace it`);

  // Report before writing, so the reader sees what was taken out.
  console.log(`Importing ${name} as the full text of "${reading.title}" (${slug})`);
  for (const removal of article.removed) console.log(`  removed line ${removal.line}: ${JSON.stringify(excerpt(removal.text))} (${removal.reason})`);
  console.log(`  kept ${article.paragraphs.length} paragraphs`);
  if (article.bio) console.log(`  author.bio from line ${article.bio.line}`);
  if (article.tags) console.log(`  tags from line ${article.tags.line}: ${article.tags.tags.join(' · ')}`);
  for (const warning of article.warnings) console.error(`warning: ${warning}`);

  const problems = await anchorProblems(edition.reading, edition.body, target);
  const anchors = reading.arguments.length + 1 + reading.notes.length;
  if (problems.length) {
    console.error(`warning: ${problems.length} of ${anchors} cues and notes do not find their place in this text; the build will fail until you fix them in ${shown(target)}:`);
    for (const problem of problems) console.error(`  - ${problem}`);
  } else console.log(`  all ${reading.arguments.length + 1} cues and ${reading.notes.length} notes find their place in the text`);

  writeAtomically(target, edition.text, force);
  console.log(`Wrote ${shown(target)}: the full-text edition. It is git-ignored: the text is the publisher's, keep it out of commits.`);
  console.log(`Next: npm run build  (the full text replaces the reader's edition ${shown(readingFile)}, which is unchanged; delete ${shown(target)} to go back)`);
}

/** The reading to import into: the one named, or the only one there is. */
async function chooseReading(wanted: string | undefined): Promise<string> {
  let files: string[];
  try {
    files = await readdir(readingsDir);
  } catch {
    throw new ImportError(`no readings folder at ${shown(readingsDir)}; run the import from a Gloss project`);
  }
  const slugs = files
    .filter(isReadersEdition)
    .map((file) => file.slice(0, -'.md'.length))
    .sort();
  if (!slugs.length) throw new ImportError(`no reading in ${shown(readingsDir)} to import a full text into`);
  if (wanted !== undefined) {
    if (!slugs.includes(wanted)) throw new UsageError(`unknown reading "${wanted}"; choose one of: ${slugs.join(', ')}`);
    return wanted;
  }
  if (slugs.length > 1) throw new UsageError(`there are ${slugs.length} readings; say which with --reading <slug>: ${slugs.join(', ')}`);
  return slugs[0]!;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function readInput(file: string): Promise<Uint8Array> {
  const name = path.basename(file);
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new ImportError(`${name} is a folder, not an article file`);
    if (info.size > MAX_BYTES) throw new ImportError(`${name} is ${Math.round(info.size / 1024 / 1024)} MB, too large to be a saved article`);
    return await readFile(file);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ImportError(`${file}: no such file`);
    if (code === 'EACCES' || code === 'EPERM') throw new ImportError(`${file}: cannot read it (permission denied)`);
    throw new ImportError(`${file}: cannot read it (${code ?? (error as Error).message})`);
  }
}

/**
 * Write `text` to `target` so that it is either all there or not there: a
 * temporary file in the same folder, flushed to disk, then moved into place.
 * Without `replace`, a hard link puts it in place only if nothing is there
 * yet, so a file created meanwhile is never overwritten either.
 */
function writeAtomically(target: string, text: string, replace: boolean): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  const cleanUp = () => {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  };
  const interrupted = (signal: NodeJS.Signals) => {
    cleanUp();
    console.error(`import: interrupted by ${signal}; nothing written`);
    process.exit(130);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (replace) renameSync(temp, target);
    else {
      try {
        linkSync(temp, target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new ImportError(`${shown(target)} exists; use --force to replace it`);
        // A file system without hard links: fall back to a rename (checked above).
        renameSync(temp, target);
      }
    }
    syncFolder(path.dirname(target));
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`cannot write ${shown(target)}: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    cleanUp();
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
}

/** Make the rename itself durable; not every platform can open a folder. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ImportError) {
    console.error(`import: ${error.message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
  console.error(`import: unexpected error: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
