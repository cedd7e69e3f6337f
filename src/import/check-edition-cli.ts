/**
 * `npm run check-edition -- <file> [--reading <slug>] [--max-ratio R] [--max-run N] [--max-4gram G] [--max-sentence S]`
 *
 * The editors' closeness check: how close a reader's edition
 * (`content/readings/<slug>.md`, never a full text) is to the article the
 * editor holds. It reads the article exactly as `npm run import` does and
 * measures the edition with src/import/edition-closeness.ts: it prints each
 * measure with its limit, lists every shared run and, when the sentences are
 * too close, each sentence over the limit, and exits 1 when a measure is over
 * its limit. Bad input is one line on stderr, as for the import (exit 2 for a
 * mistake in the command line, 1 otherwise). Nothing is written.
 */
import { readFile } from 'node:fs/promises';
import { ImportError } from './article.ts';
import { DEFAULT_LIMITS, measureCloseness, type ClosenessLimits, type ClosenessReport } from './edition-closeness.ts';
import { readReading, splitFrontmatter } from './full-text-edition.ts';
import { chooseReading, type CommandIO, parseCommandLine, readArticle, readingFileOf, runCommand, shownIn, UsageError } from './article-input.ts';

const USAGE = 'usage: npm run check-edition -- <file | -> [--reading <slug>] [--force] [--max-ratio R] [--max-run N] [--max-4gram G] [--max-sentence S]';

/** The options that set a limit, and the limit each sets. */
const LIMIT_OPTIONS = {
  'max-ratio': { key: 'ratio', integer: false },
  'max-run': { key: 'run', integer: true },
  'max-4gram': { key: 'fourGram', integer: false },
  'max-sentence': { key: 'sentence', integer: false },
} as const;

/** The command, given its arguments and where it runs (`processIO` when run by npm); resolves to its exit status. */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  const shown = shownIn(io);
  const limitOptions = Object.fromEntries(Object.keys(LIMIT_OPTIONS).map((option) => [option, { type: 'string' as const }]));
  const args = parseCommandLine(argv, USAGE, { reading: { type: 'string' }, force: { type: 'boolean', default: false }, ...limitOptions });
  if (args.values.help) {
    io.out(`${USAGE}\n\nMeasures how close the reader's edition content/readings/<slug>.md is to your copy of the article; exits 1 above the limits.`);
    return 0;
  }
  if (args.positionals.length !== 1) throw new UsageError(`give exactly one article file (${USAGE})`);
  const limits = limitsFrom(args.values as Record<string, unknown>);

  const slug = await chooseReading(args.values.reading as string | undefined, 'to check', io);
  const readingFile = readingFileOf(slug, io);
  const readingSource = await readFile(readingFile, 'utf8');
  const reading = readReading(readingSource, shown(readingFile));
  if (reading.edition !== 'summary')
    throw new ImportError(`${shown(readingFile)} says edition: ${reading.edition}; only a reader's edition (edition: summary) is checked`);
  const { name, article } = await readArticle(args.positionals[0]!, reading, args.values.force === true, io);

  const report = measureCloseness(reading, splitFrontmatter(readingSource, shown(readingFile)).body, article.paragraphs, limits);
  io.out(`Checking ${shown(readingFile)} against ${name} (${article.paragraphs.length} paragraphs kept, as the import keeps them)`);
  printReport(report, io);
  return report.passed ? 0 : 1;
}

/** The limits, with any the command line sets: a ratio or share from 0 to 1, a run of 2 words or more. */
function limitsFrom(values: Record<string, unknown>): ClosenessLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [option, { key, integer }] of Object.entries(LIMIT_OPTIONS)) {
    const value = values[option];
    if (typeof value !== 'string') continue;
    const number = Number(value);
    const valid = value.trim() !== '' && (integer ? Number.isInteger(number) && number >= 2 : number >= 0 && number <= 1);
    if (!valid)
      throw new UsageError(`--${option} ${JSON.stringify(value)}: give ${integer ? 'a whole number of words, 2 or more' : 'a number from 0 to 1'} (${USAGE})`);
    limits[key] = number;
  }
  return limits;
}

function printReport(report: ClosenessReport, io: CommandIO): void {
  const width = Math.max(...report.checks.map((check) => check.name.length));
  for (const check of report.checks) io.out(`${check.ok ? 'ok  ' : 'OVER'} ${check.name.padEnd(width)}  ${check.value}  (limit ${check.limit})`);
  for (const run of report.runs) io.out(`     run: "${run.text}" (${run.where}, ${run.words} words)`);
  if (report.medianSentence > report.limits.sentence) {
    const close = report.sentences.filter((s) => s.score > report.limits.sentence).sort((a, b) => b.score - a.score);
    io.out(`     ${close.length} of ${report.sentences.length} sentences match an article sentence above ${report.limits.sentence.toFixed(2)}, closest first:`);
    for (const s of close)
      io.out(
        `     sentence ${s.score.toFixed(2)}: "${s.text}" (${s.where}; closest: article paragraph ${s.article.paragraph}, sentence ${s.article.sentence})`,
      );
  }
  const over = report.checks.filter((check) => !check.ok).length;
  io.out(
    over
      ? `The reader's edition is too close to the article: ${over} of ${report.checks.length} measures over their limits. Restate it in the editors' own words.`
      : `The reader's edition is within every limit.`,
  );
}

runCommand('check-edition', main, import.meta.url);
