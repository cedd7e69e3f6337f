/**
 * `npm run import -- <file | -> [--reading <slug>] [--force]`
 *
 * Turn a reader's own copy of an article (the page saved from the browser as
 * HTML, text or Markdown, or pasted on standard input with `-`) into the full-text edition of a reading,
 * `content/readings/<slug>.full.md`, which the build then renders instead of
 * the reader's edition. The cleaning and composing are in article.ts and full-text-edition.ts; this file
 * only parses arguments, reads and writes files, and talks to the reader.
 *
 * Bad input ends with one line on stderr, a non-zero exit and nothing
 * written. The reader's edition is only read; an existing full text is
 * replaced, and a saved page titled other than the reading imported, only
 * with --force; the write is atomic (a temporary file in the
 * same folder, flushed to disk, then renamed into place).
 */
import { closeSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ImportError, excerpt } from './article.ts';
import { FULL_TEXT_SUFFIX } from '../reading/files.ts';
import { anchorReport, fullTextEdition, readReading } from './full-text-edition.ts';
import {
  chooseReading,
  type CommandIO,
  parseCommandLine,
  readArticle,
  readingFileOf,
  readingsDirOf,
  runCommand,
  shownIn,
  UsageError,
} from './article-input.ts';

const USAGE = 'usage: npm run import -- <file | -> [--reading <slug>] [--force]';

/** The command, given its arguments and where it runs (`processIO` when run by npm); exits 0 unless it throws. */
export async function main(argv: string[], io: CommandIO): Promise<undefined> {
  const shown = shownIn(io);
  const args = parseCommandLine(argv, USAGE, { reading: { type: 'string' }, force: { type: 'boolean', default: false } });
  if (args.values.help) {
    io.out(
      `${USAGE}\n\nWrites content/readings/<slug>.full.md, the full-text edition of a reading, from your copy of the article:\na page saved from the browser (.html), plain text or Markdown, or - to read what you paste.`,
    );
    return;
  }
  if (args.positionals.length !== 1) throw new UsageError(`give exactly one article file (${USAGE})`);

  const slug = await chooseReading(args.values.reading as string | undefined, 'to import a full text into', io);
  const readingFile = readingFileOf(slug, io);
  const target = path.join(readingsDirOf(io), `${slug}${FULL_TEXT_SUFFIX}`);
  const force = args.values.force === true;

  const readingSource = await readFile(readingFile, 'utf8');
  const reading = readReading(readingSource, shown(readingFile));
  const { name, article } = await readArticle(args.positionals[0]!, reading, force, io);

  const edition = fullTextEdition(readingSource, article, { readingFile: shown(readingFile), sourceName: name, date: new Date().toISOString().slice(0, 10) });
  if (!force && (await exists(target))) throw new ImportError(`${shown(target)} exists; use --force to replace it`);

  // Report before writing, so the reader sees what was taken out.
  io.out(`Importing ${name} as the full text of "${reading.title}" (${slug})`);
  for (const removal of article.removed) io.out(`  removed line ${removal.line}: ${JSON.stringify(excerpt(removal.text))} (${removal.reason})`);
  io.out(`  kept ${article.paragraphs.length} paragraphs`);
  if (article.bio) io.out(`  author.bio from line ${article.bio.line}`);
  if (article.tags) io.out(`  tags from line ${article.tags.line}: ${article.tags.tags.join(' · ')}`);
  for (const warning of article.warnings) io.err(`warning: ${warning}`);

  const { problems, warnings, placements } = await anchorReport(edition.reading, edition.body, target);
  const [cues, notes, forecasts] = [reading.arguments.length + 1, reading.notes.length, reading.forecasts.length];
  const anchors = cues + notes + forecasts;
  for (const placement of placements)
    io.out(
      `  ${placement.where} "${excerpt(placement.quote, 40)}": ${placement.how === 'approximate' ? `approximate (score ${placement.score.toFixed(2)})` : placement.how}`,
    );
  for (const warning of warnings) io.err(`warning: ${warning}`);
  if (problems.length) {
    io.err(
      `warning: ${problems.length} of ${anchors} cues${forecasts ? ', notes and forecasts' : ' and notes'} do not find their place in this text; the build will fail until you fix them in ${shown(target)}:`,
    );
    for (const problem of problems) io.err(`  - ${problem}`);
  } else if (warnings.length)
    io.out(
      `  the build will warn about ${warnings.length} of them and still succeed; to place one exactly, give it a prefix or suffix or a new quote in ${shown(target)}`,
    );
  else
    io.out(
      `  all ${cues} cues${forecasts ? `, ${notes} notes and ${forecasts} forecast${forecasts === 1 ? '' : 's'}` : ` and ${notes} notes`} find their place in the text`,
    );

  writeAtomically(target, edition.text, force, shown);
  io.out(`Wrote ${shown(target)}: the full-text edition. It is git-ignored: the text is the publisher's, keep it out of commits.`);
  io.out(`Next: npm run build  (the full text replaces the reader's edition ${shown(readingFile)}, which is unchanged; delete ${shown(target)} to go back)`);
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Write `text` to `target` so that it is either all there or not there: a
 * temporary file in the same folder, flushed to disk, then moved into place.
 * Without `replace`, a hard link puts it in place only if nothing is there
 * yet, so a file created meanwhile is never overwritten either.
 */
function writeAtomically(target: string, text: string, replace: boolean, shown: (file: string) => string): void {
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

runCommand('import', main, import.meta.url);
