/**
 * Find a quoted phrase in running text the way a careful reader would:
 * typographic quotes, dashes and runs of whitespace do not count as
 * differences, so `"no limits" - said` finds `“no limits” – said`.
 *
 * Positions are always reported in the original (un-normalised) text, so
 * callers can cut the text exactly where the quote starts and ends.
 */

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
