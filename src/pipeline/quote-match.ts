/**
 * Find a quoted phrase in running text the way a careful reader would:
 * typographic quotes, dashes and runs of whitespace do not count as
 * differences, so `"no limits" - said` finds `“no limits” – said`.
 *
 * Positions are always reported in the original (un-normalised) text, so
 * callers can cut the text exactly where the quote starts and ends.
 */

import search from 'approx-string-match';

/** Characters folded to one ASCII form before comparing. */
const FOLD: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '`': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00AD': '',
  '\u200B': '',
  '\u2060': '',
  '\uFEFF': '',
};

/** A text with its typography folded and its whitespace collapsed, mapped back to the original. */
export interface Normalised {
  /** The folded text. */
  text: string;
  /** For each index of `text`, the index in the original it came from. */
  origin: number[];
}

/**
 * Fold quotes and dashes, drop invisible characters and collapse each run of
 * whitespace to one space, remembering where every folded character came from.
 *
 * @example normalise('a \u201Cb\u201D') // => { text: 'a "b"', origin: [0, 1, 3, 4, 5] }
 */
export function normalise(input: string): Normalised {
  let text = '';
  const origin: number[] = [];
  let inSpace = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      if (!inSpace) {
        text += ' ';
        origin.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    const folded = FOLD[ch] ?? ch;
    for (const out of folded) {
      text += out;
      origin.push(i);
    }
  }
  return { text, origin };
}

/** The folded form of a phrase, trimmed, for comparing. */
export const fold = (phrase: string): string => normalise(phrase).text.trim();

/** A W3C Web Annotation TextQuoteSelector, minus the `type`. */
export interface QuoteSelector {
  exact: string;
  prefix?: string | undefined;
  suffix?: string | undefined;
}

/** A match as [start, end) offsets into the original text. */
export interface Match {
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]/u;

/** Whether the quote at [at, end) cuts a word in two, as "corn" in "cornerstone". */
function cutsWord(text: string, at: number, end: number): boolean {
  const cutsStart = at > 0 && WORD.test(text[at]!) && WORD.test(text[at - 1]!);
  const cutsEnd = end < text.length && WORD.test(text[end - 1]!) && WORD.test(text[end]!);
  return cutsStart || cutsEnd;
}

/**
 * Every occurrence of `selector.exact` in `haystack` whose surroundings agree
 * with `prefix` (text just before) and `suffix` (text just after). Whitespace
 * between the prefix or suffix and the quote is optional, as it is in the
 * selectors people write by hand. A quote matches whole words only: "corn"
 * does not match inside "cornerstone".
 *
 * @example findQuote('so, no - and no', { exact: 'no', prefix: 'and' }) // => [{ start: 13, end: 15 }]
 */
export function findQuote(haystack: string | Normalised, selector: QuoteSelector): Match[] {
  const norm = typeof haystack === 'string' ? normalise(haystack) : haystack;
  const exact = fold(selector.exact);
  if (!exact) return [];
  const prefix = selector.prefix === undefined ? '' : fold(selector.prefix);
  const suffix = selector.suffix === undefined ? '' : fold(selector.suffix);
  const matches: Match[] = [];
  for (let at = norm.text.indexOf(exact); at !== -1; at = norm.text.indexOf(exact, at + 1)) {
    const endAt = at + exact.length;
    if (cutsWord(norm.text, at, endAt)) continue;
    if (prefix && !norm.text.slice(0, at).trimEnd().endsWith(prefix)) continue;
    if (suffix && !norm.text.slice(endAt).trimStart().startsWith(suffix)) continue;
    matches.push({ start: norm.origin[at]!, end: norm.origin[endAt - 1]! + 1 });
  }
  return matches;
}

/** Describe a selector for error messages: `"exact"` with its context. */
export function describeSelector(selector: QuoteSelector): string {
  const context = [selector.prefix && `after "${selector.prefix}"`, selector.suffix && `before "${selector.suffix}"`].filter(Boolean);
  return `"${selector.exact}"${context.length ? ` (${context.join(', ')})` : ''}`;
}

/** Where a selector picks its one place among several blocks of text. */
export interface Located extends Match {
  /** Index of the block, in the order given. */
  block: number;
}

/**
 * The one place among `blocks` (each already normalised) that `selector`
 * picks, or the problem to report, naming the field as `where`
 * (e.g. `notes.3 (corn)`): a quote found nowhere, or more than once.
 *
 * @example locateOnce([normalise('corn and corn')], { exact: 'corn' }, 'notes.3 (corn)')
 *   // => { problem: 'notes.3 (corn): quote "corn" found 2 times; add a prefix or suffix that picks one' }
 */
export function locateOnce(blocks: Normalised[], selector: QuoteSelector, where: string): Located | { problem: string } {
  const hits = blocks.flatMap((text, block) => findQuote(text, selector).map((match) => ({ block, ...match })));
  if (hits.length === 1) return hits[0]!;
  return {
    problem: hits.length
      ? `${where}: quote ${describeSelector(selector)} found ${hits.length} times; add a prefix or suffix that picks one`
      : `${where}: quote ${describeSelector(selector)} not found in the text`,
  };
}

/**
 * The least share of a quote's characters that must match for an
 * approximate place: 0.8 lets one slip in five characters (a joined word, a
 * typo, an added comma), and a quote under five characters match exactly.
 */
export const MIN_SCORE = 0.8;

/** A place found approximately, as Hypothesis re-anchors an annotation on an edited page. */
export interface ApproximatePlace extends Located {
  /** The share of the quote's characters that match there, from MIN_SCORE to 1. */
  score: number;
}

/** How closely `text` (the words around a place) holds `phrase` (a prefix or suffix): 1 exactly, 0 not at all. */
function contextScore(text: string, phrase: string): number {
  const best = Math.min(...search(text, phrase, phrase.length).map((match) => match.errors));
  return Number.isFinite(best) ? 1 - best / phrase.length : 0;
}

/** Widen [at, end) to whole words, so that a place found approximately never cuts one. */
function wholeWords(text: string, at: number, end: number): [number, number] {
  while (at > 0 && WORD.test(text[at - 1]!) && WORD.test(text[at]!)) at--;
  while (end < text.length && WORD.test(text[end - 1]!) && WORD.test(text[end]!)) end++;
  return [at, end];
}

/**
 * The one place among `blocks` that `selector` picks in a copy of the text
 * that may differ a little from the one the notes were written on: an exact
 * match first (`locateOnce`); else the places where the quote matches with
 * at most one slip in five characters (Myers' algorithm, through
 * approx-string-match, as Hypothesis does), the prefix and suffix choosing
 * between them. A quote found nowhere, several times exactly, or in two
 * places equally well is a problem, as from `locateOnce`.
 *
 * @example locateApproximately([normalise('the HarbourBoard voted')], { exact: 'Harbour Board' }, 'notes.0')
 *   // => { block: 0, start: 4, end: 16, score: 0.92… }
 */
export function locateApproximately(blocks: Normalised[], selector: QuoteSelector, where: string): ApproximatePlace | { problem: string } {
  const exactly = locateOnce(blocks, selector, where);
  if (!('problem' in exactly)) return { ...exactly, score: 1 };
  // Found exactly in several places: only a prefix or suffix can pick one.
  if (blocks.some((norm) => findQuote(norm, selector).length)) return exactly;
  const exact = fold(selector.exact);
  const maxErrors = Math.floor(exact.length * (1 - MIN_SCORE));
  const prefix = selector.prefix === undefined ? '' : fold(selector.prefix);
  const suffix = selector.suffix === undefined ? '' : fold(selector.suffix);
  const weight = 50 + (prefix ? 20 : 0) + (suffix ? 20 : 0);
  const candidates = blocks.flatMap((norm, block) =>
    (maxErrors ? search(norm.text, exact, maxErrors) : []).map((match) => {
      const [at, end] = wholeWords(norm.text, match.start, match.end);
      const score = 1 - match.errors / exact.length;
      const before = norm.text.slice(Math.max(0, at - prefix.length * 2), at);
      const after = norm.text.slice(end, end + suffix.length * 2);
      const rank = (50 * score + 20 * (prefix ? contextScore(before, prefix) : 0) + 20 * (suffix ? contextScore(after, suffix) : 0)) / weight;
      return { block, at, end, score, rank, norm };
    }),
  );
  // The search reports each end of a slip as a match of its own: keep the best of every overlapping group.
  candidates.sort((a, b) => b.rank - a.rank || b.score - a.score);
  const places = candidates.filter((c, i) => !candidates.slice(0, i).some((d) => d.block === c.block && d.at < c.end && c.at < d.end));
  const [best, next] = places;
  if (!best) return exactly;
  if (next && next.rank === best.rank)
    return {
      problem: `${where}: quote ${describeSelector(selector)} found nowhere exactly, and ${places.length} places equally close to it; add a prefix or suffix that picks one`,
    };
  return { block: best.block, start: best.norm.origin[best.at]!, end: best.norm.origin[best.end - 1]! + 1, score: best.score };
}
