/**
 * The shape of a reading's frontmatter, shared by the content collection
 * (`src/content.config.ts`) and the unified plugins, which receive the raw
 * YAML rather than Astro's parsed entry data.
 *
 * Every object is `strict`: an unknown key is a typo until proven otherwise,
 * and a typo in a note silently dropping content is exactly what we must not
 * ship.
 */
import { z } from 'zod';
import { RESERVED_FRAGMENTS } from './markup.ts';
import { typographic } from './typography.ts';

/** A stable fragment id: lowercase words joined by single hyphens. */
const slugId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters and digits joined by single hyphens');

const nonEmpty = z.string().trim().min(1, 'must not be empty');
/** Prose a reader sees as it is written in the frontmatter: typeset with curly quotes, as the text is. */
const prose = nonEmpty.transform(typographic);

/**
 * A publication date known to the year, the month or the day.
 * YAML turns an unquoted `2022-03-21` into a Date and `2022` into a number;
 * accept those too, but never
 * invent precision the source does not give.
 */
const partialDate = z.union([
  z.date().transform((date) => date.toISOString().slice(0, 10)),
  z.number().int().min(1000).max(9999).transform(String),
  z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
]);

/** A link a reader may follow: http(s) only, never `javascript:` or `data:`. */
const webUrl = z.url({ protocol: /^https?$/ });

const sourceLink = z.strictObject({ title: prose, url: webUrl });

/** Bars start at zero, so a figure below it has no honest bar. */
const chartValue = z.number().nonnegative('must be zero or more: bars start at zero');

/** A small series of figures declared with a note and drawn at build time. */
export const chartSchema = z.strictObject({
  title: nonEmpty,
  unit: nonEmpty,
  data: z.array(z.strictObject({ label: nonEmpty, value: chartValue })).min(2, 'a chart needs at least two figures'),
  reference: z.strictObject({ label: nonEmpty, value: chartValue }).optional(),
  /** Which of the note's sources (1-based) the figures come from. Default: all of them. */
  sources: z.array(z.number().int().min(1)).min(1).optional(),
});

/**
 * A margin note, anchored like a W3C Web Annotation TextQuoteSelector:
 * `quote` is the exact text, `prefix`/`suffix` pick one occurrence.
 * `gist` is the one line always shown (≤ ~25 words); without it, readers see
 * the first sentence of `text` (see `src/pipeline/note-gist.ts`).
 */
export const noteSchema = z.strictObject({
  id: slugId,
  kind: z.enum(['context', 'definition', 'source', 'since', 'counterpoint']),
  gist: nonEmpty.optional(),
  quote: nonEmpty,
  prefix: z.string().min(1).optional(),
  suffix: z.string().min(1).optional(),
  text: nonEmpty,
  sources: z.array(sourceLink).min(1, 'every note cites at least one source'),
  chart: chartSchema.optional(),
});

/** One argument: its section's id, label and claim, the cue that starts it, and the map's points. */
export const argumentSchema = z.strictObject({
  id: slugId,
  label: nonEmpty,
  claim: prose,
  cue: nonEmpty,
  points: z
    .array(
      z.strictObject({
        text: prose,
        /** The note that backs the point up; the map links the point to its place in the text. */
        note: slugId.optional(),
        /** Notes whose figures challenge or qualify the point (one id or a list); the map shows the point as qualified. */
        qualifiedBy: z.union([slugId.transform((id) => [id]), z.array(slugId).min(1)]).optional(),
      }),
    )
    .min(2, 'give two to four supporting points')
    .max(4, 'give two to four supporting points')
    .optional(),
});

/** How an author's forecast has fared, as of the day we checked it. */
export const FORECAST_STATUSES = ['held', 'partly', 'not yet', 'failed'] as const;

/**
 * One of the author's forecasts, scored by us. `quote` anchors it in the text
 * like a note's (exactly once, `prefix`/`suffix` to pick one), but a forecast
 * does not wrap the text, so its quote may overlap a note's.
 */
export const forecastSchema = z.strictObject({
  id: slugId,
  /** Our wording of the forecast. */
  claim: prose,
  quote: nonEmpty,
  prefix: z.string().min(1).optional(),
  suffix: z.string().min(1).optional(),
  status: z.enum(FORECAST_STATUSES),
  /** The day we checked it. */
  checked: partialDate.refine((date) => date.length === 10, 'must be a full date, YYYY-MM-DD'),
  evidence: prose,
  /** The evidence: a source link, and/or the note that carries it. */
  source: sourceLink.optional(),
  note: slugId.optional(),
});

/** Fragments the reading page already uses for its own elements and sections. */

export const readingSchema = z
  .strictObject({
    title: nonEmpty,
    author: z.strictObject({ name: nonEmpty, bio: prose, url: webUrl.optional() }),
    /**
     * `published` may be unknown: citations then leave the date out rather than invent one.
     * `url` is the article's own address and `archive` an archived copy of it (e.g. the Wayback
     * Machine's), each only when known: the page says so when there is none, and never guesses.
     */
    source: z.strictObject({ publication: nonEmpty, published: partialDate.optional(), url: webUrl.optional(), archive: webUrl.optional() }),
    tags: z.array(nonEmpty).min(1),
    edition: z.enum(['summary', 'full']),
    thesis: prose,
    arguments: z.array(argumentSchema).min(1),
    conclusion: z.strictObject({ cue: nonEmpty }),
    notes: z.array(noteSchema).default([]),
    /** The author's forecasts, scored by us; shown after the conclusion. */
    forecasts: z.array(forecastSchema).default([]),
    /**
     * The day the notes were last checked: it dates them (`created`) in the
     * Web Annotation export, which must not change from one build to the next.
     */
    annotated: partialDate.refine((date) => date.length === 10, 'must be a full date, YYYY-MM-DD').optional(),
  })
  .superRefine((reading, ctx) => {
    const unique = (values: string[], path: string, what: string) => {
      const seen = new Set<string>();
      values.forEach((value, index) => {
        if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [path, index, 'id'], message: `duplicate ${what} id "${value}"` });
        seen.add(value);
      });
    };
    unique(
      reading.arguments.map((a) => a.id),
      'arguments',
      'argument',
    );
    unique(
      reading.notes.map((n) => n.id),
      'notes',
      'note',
    );
    unique(
      reading.forecasts.map((f) => f.id),
      'forecasts',
      'forecast',
    );
    // An argument's id is a fragment on a page that has others: keep clear of them.
    reading.arguments.forEach((argument, a) => {
      if (RESERVED_FRAGMENTS.has(argument.id) || /^(note|forecast)(-|$)|-(title|\d+)$/.test(argument.id))
        ctx.addIssue({
          code: 'custom',
          path: ['arguments', a, 'id'],
          message: `"${argument.id}" would clash with the page's own fragments; choose another id`,
        });
    });
    // Footnotes become notes with ids `fn-<label>`.
    reading.notes.forEach((note, n) => {
      if (note.id.startsWith('fn-'))
        ctx.addIssue({ code: 'custom', path: ['notes', n, 'id'], message: 'ids starting "fn-" are kept for footnotes; choose another id' });
    });
    const noteIds = new Set(reading.notes.map((n) => n.id));
    reading.arguments.forEach((argument, a) => {
      argument.points?.forEach((point, p) => {
        if (point.note && !noteIds.has(point.note))
          ctx.addIssue({ code: 'custom', path: ['arguments', a, 'points', p, 'note'], message: `no note has id "${point.note}"` });
        point.qualifiedBy?.forEach((id, q) => {
          if (!noteIds.has(id)) ctx.addIssue({ code: 'custom', path: ['arguments', a, 'points', p, 'qualifiedBy', q], message: `no note has id "${id}"` });
        });
      });
    });
    reading.forecasts.forEach((forecast, f) => {
      if (!forecast.source && !forecast.note)
        ctx.addIssue({ code: 'custom', path: ['forecasts', f, 'source'], message: 'give the evidence a source, a note, or both' });
      if (forecast.note && !noteIds.has(forecast.note))
        ctx.addIssue({ code: 'custom', path: ['forecasts', f, 'note'], message: `no note has id "${forecast.note}"` });
    });
    reading.notes.forEach((note, n) => {
      note.chart?.sources?.forEach((position, s) => {
        if (position > note.sources.length)
          ctx.addIssue({
            code: 'custom',
            path: ['notes', n, 'chart', 'sources', s],
            message: `the note has ${note.sources.length} source(s), so there is no source ${position}`,
          });
      });
    });
  });

/** A reading's validated frontmatter, and its parts by name. */
export type Reading = z.output<typeof readingSchema>;
export type Argument = Reading['arguments'][number];
export type Note = Reading['notes'][number];
export type Point = NonNullable<Argument['points']>[number];
export type Chart = z.output<typeof chartSchema>;
export type Forecast = Reading['forecasts'][number];
export type ForecastStatus = Forecast['status'];

/** Frontmatter that is not a reading: the message names the file and lists every problem, one per line. */
export class ReadingError extends Error {
  override name = 'ReadingError';
  readonly file: string;
  /** Each problem as `field.path: message`, so a writer can fix them all in one pass. */
  readonly problems: string[];
  // Fields, not parameter properties: Node's type stripping (npm run import, npm run bench) cannot run those.
  constructor(file: string, problems: string[]) {
    super(`${file}: invalid frontmatter\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.file = file;
    this.problems = problems;
  }
}

/** Validate raw frontmatter: the build, the importer and the tests all validate through it, and so report alike. */
export function parseReading(frontmatter: unknown, file: string): Reading {
  const result = readingSchema.safeParse(frontmatter);
  if (result.success) return result.data;
  throw new ReadingError(
    file,
    result.error.issues.map((issue) => `${issue.path.join('.') || '(frontmatter)'}: ${issue.message}`),
  );
}
