/**
 * How close a reader's edition is to the article it restates: the editors'
 * closeness check, a faithful port of the measures and default limits of the
 * editorial tool `edition-check` (Python), so that both give the same figures
 * on the same texts. Pure functions; src/import/check-edition-cli.ts reads the files.
 *
 * The edition's texts are its body paragraphs, then its thesis, its claims and
 * its map points. Words are folded the tool's way: typographic quotes become
 * straight ones, dashes and hyphens become spaces, letters are lower-cased,
 * and a word is a run of ASCII letters and digits with an optional `'s`-like
 * tail ("U.S.-led" is `u s led`).
 *
 * | measure  | what it counts                                                     | default limit |
 * | -------- | ------------------------------------------------------------------ | ------------- |
 * | ratio    | edition body words / article words                                 | ≤ 0.40        |
 * | runs     | runs of 5+ consecutive words shared with the article, except those | 0             |
 * |          | in quotation marks, a cue (plus fewer than 5 words around it) and  |               |
 * |          | names (every word capitalised, or and/the/of…)                     |               |
 * | 4-gram   | share of the edition's 4-word sequences found in the article       | ≤ 0.08        |
 * | sentence | median over edition sentences of 6+ words of the best word-level   | ≤ 0.40        |
 * |          | longest common subsequence with an article sentence, as a share of |               |
 * |          | the edition sentence                                               |               |
 *
 * The article is the list of its body paragraphs. The Python tool takes every
 * line of 20 or more words of the raw file; the CLI gives the paragraphs the
 * import keeps (src/import/article.ts). On a saved news page the two
 * differ only where the import knows better: it drops the author's bio line,
 * which is page furniture but often 20 words long, and keeps short body
 * paragraphs. So the article's word count, and with it the ratio, can differ a
 * little between the two tools; the other measures rarely move. On The Hill's
 * page for our first reading, edition-check counts 1,020 article words and the
 * import 988 (the bio line is 32 words): an edition body of 400 words is 0.39
 * for the tool and 0.405 here. On the same paragraphs both give identical
 * figures (tests/import/edition-closeness.test.ts checks this on the fixture).
 */
import type { Reading } from '../reading/schema.ts';

/** The most a summary edition may share with the article, measure by measure. */
export interface ClosenessLimits {
  /** Edition body words per article word. */
  ratio: number;
  /** The shortest shared run that counts (there may be none). */
  run: number;
  /** Share of 4-word sequences found in the article. */
  fourGram: number;
  /** Median best sentence match. */
  sentence: number;
}

/** The limits `npm run check-edition` applies. */
export const DEFAULT_LIMITS: ClosenessLimits = { ratio: 0.4, run: 5, fourGram: 0.08, sentence: 0.4 };

/** One of the edition's texts: a body paragraph, the thesis, a claim or a map point. */
export interface EditionText {
  /** Where it is, as an editor finds it: "paragraph 3", "arguments.1.claim (geopolitical)". */
  where: string;
  text: string;
}

/** A run of words the edition shares with the article, outside quotation marks. */
export interface SharedRun {
  where: string;
  /** The run as the edition writes it. */
  text: string;
  words: number;
}

/** An edition sentence and the article sentence closest to it. */
export interface SentenceMatch {
  where: string;
  /** The edition's sentence. */
  text: string;
  /** Its best word-LCS share with an article sentence. */
  score: number;
  /** Where that closest article sentence is: 1-based paragraph and sentence in it. */
  article: { paragraph: number; sentence: number };
}

/** Every measure of one edition against its article, and whether each is within its limit. */
export interface ClosenessReport {
  limits: ClosenessLimits;
  bodyWords: number;
  articleWords: number;
  ratio: number;
  runs: SharedRun[];
  fourGrams: { total: number; shared: number; share: number };
  /** Every scored sentence (6+ words), in the edition's order. */
  sentences: SentenceMatch[];
  medianSentence: number;
  checks: Check[];
  /** Whether every measure is within its limit. */
  passed: boolean;
}

/** One measure, as the report prints it. */
export interface Check {
  name: string;
  value: string;
  limit: string;
  ok: boolean;
}

// ---------------------------------------------------------------------------
// Words, sentences and quotations, as the Python tool reads them

/** One character for one: the folded text keeps the original's offsets. */
const FOLD: Record<string, string> = { '\u2019': "'", '\u2018': "'", '\u201C': '"', '\u201D': '"', '\u2013': ' ', '\u2014': ' ', '-': ' ' };
const WORD = /[a-z0-9]+(?:'[a-z]+)?/g;

interface Token {
  word: string;
  start: number;
  end: number;
}

/** Words with their spans in the text. */
function tokens(text: string): Token[] {
  const folded = text.replace(/[\u2019\u2018\u201C\u201D\u2013\u2014-]/g, (ch) => FOLD[ch]!).toLowerCase();
  return [...folded.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * The folded words of a text.
 *
 * @example closenessWords('The U.S.-led “sanctions” aren’t') // => ['the', 'u', 's', 'led', 'sanctions', "aren't"]
 */
export const closenessWords = (text: string): string[] => tokens(text).map((t) => t.word);

/**
 * Sentences: split after . ! ? : or ; and white space, except inside "U.S.".
 *
 * @example sentencesOf('Rails win. The U.S. agrees; so do we.') // => ['Rails win.', 'The U.S. agrees;', 'so do we.']
 */
export function sentencesOf(text: string): string[] {
  return text
    .replaceAll('U.S.', 'U_S_')
    .split(/(?<=[.!?:;])\s+/)
    .filter((s) => s.trim())
    .map((s) => s.replaceAll('U_S_', 'U.S.'));
}

/**
 * Character spans inside double quotation marks, straight or curly: an
 * opening mark (not ”) opens, the next closing mark (not “) closes.
 *
 * @example quotedSpans('he said "no limits" twice') // => [[9, 18]]
 */
export function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let opened: number | undefined;
  for (const m of text.matchAll(/[\u201C\u201D"]/g)) {
    if (opened === undefined && m[0] !== '\u201D') opened = m.index + 1;
    else if (opened !== undefined && m[0] !== '\u201C') {
      spans.push([opened, m.index]);
      opened = undefined;
    }
  }
  return spans;
}

/** Length of the longest common subsequence of two word lists. */
function lcs(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const cur = [0];
    for (let j = 1; j <= b.length; j++) cur.push(x === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Python's statistics.median: the mean of the two middle values of an even count. */
function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Words that a name may hold uncapitalised ("Bank of England", "the Hague"). */
const SMALL = new Set(['a', 'an', 'and', 'the', 'of', 'in', 'on', 'for', 'to', 's']);
const isUpper = (ch: string | undefined) => ch !== undefined && /^\p{Lu}$/u.test(ch);

/** Body paragraphs: blocks between blank lines, as the Python tool splits the raw body. */
export const bodyParagraphs = (body: string): string[] => body.split(/\n\s*\n/).filter((p) => p.trim());

/**
 * The texts of a reader's edition that are measured, in the Python tool's
 * order: the body's paragraphs, the thesis, every claim, every map point.
 */
export function editionTexts(reading: Reading, body: string): EditionText[] {
  const named = (where: string, id: string) => `${where} (${id})`;
  return [
    ...bodyParagraphs(body).map((text, i) => ({ where: `paragraph ${i + 1}`, text })),
    { where: 'thesis', text: reading.thesis },
    ...reading.arguments.map((argument, a) => ({ where: named(`arguments.${a}.claim`, argument.id), text: argument.claim })),
    ...reading.arguments.flatMap((argument, a) =>
      (argument.points ?? []).map((point, p) => ({ where: named(`arguments.${a}.points.${p}.text`, argument.id), text: point.text })),
    ),
  ].filter((entry) => entry.text);
}

/** The cues that may be shared with the article: every argument's and the conclusion's. */
export const editionCues = (reading: Reading): string[] => [...reading.arguments.map((argument) => argument.cue), reading.conclusion.cue];

// ---------------------------------------------------------------------------
// The measures

/**
 * A figure as Python's `f"{x:.2f}"` prints it. toFixed rounds an exact tie
 * up, Python to the even digit; with two decimals, ties are the odd eighths.
 *
 * @example fixed2(0.125) // => '0.12' (toFixed gives '0.13')
 */
function fixed2(x: number): string {
  if (!Number.isInteger(x * 8) || Number.isInteger(x * 4)) return x.toFixed(2);
  const below = Math.floor(x * 100);
  return ((below % 2 === 0 ? below : below + 1) / 100).toFixed(2);
}

/**
 * A figure checked against a limit, printed as the Python tool prints it,
 * except that it never looks like its limit when it is over it: a ratio of
 * 0.4049 against 0.40 is "0.405", not "0.40". Likewise a limit given with
 * more decimals is printed in full.
 */
function figure(value: number, limit: number): { value: string; limit: string } {
  const limitText = Number(fixed2(limit)) === limit ? fixed2(limit) : String(limit);
  let text = fixed2(value);
  for (let digits = 3; value > limit && Number(text) <= limit && digits <= 6; digits++) text = value.toFixed(digits);
  return { value: text, limit: `<= ${limitText}` };
}

/**
 * Measure a reader's edition (its reading and Markdown body) against the
 * article's body paragraphs.
 */
export function measureCloseness(reading: Reading, body: string, articleParagraphs: string[], limits: ClosenessLimits = DEFAULT_LIMITS): ClosenessReport {
  const texts = editionTexts(reading, body);
  const cueWords = editionCues(reading).filter(Boolean).map(closenessWords);

  const articleWords = articleParagraphs.flatMap(closenessWords);
  // Runs are looked up as whole words in the article's words joined by spaces (across paragraphs, as the tool does).
  const articleSequence = ` ${articleWords.join(' ')} `;
  const articleFourGrams = new Set<string>();
  for (let i = 0; i + 3 < articleWords.length; i++) articleFourGrams.add(articleWords.slice(i, i + 4).join(' '));
  const articleSentences = articleParagraphs.flatMap((paragraph, p) =>
    sentencesOf(paragraph).map((sentence, s) => ({ words: closenessWords(sentence), paragraph: p + 1, sentence: s + 1 })),
  );

  const bodyWords = bodyParagraphs(body).reduce((sum, paragraph) => sum + closenessWords(paragraph).length, 0);
  const ratio = bodyWords / Math.max(1, articleWords.length);

  const minRun = limits.run;
  const runs: SharedRun[] = [];
  let fourGrams = 0;
  let sharedFourGrams = 0;
  const sentences: SentenceMatch[] = [];
  const inArticle = (words: string[]) => articleSequence.includes(` ${words.join(' ')} `);

  for (const { where, text } of texts) {
    const toks = tokens(text);
    const ws = toks.map((t) => t.word);
    const quoted = quotedSpans(text);
    const inside = toks.map((t) => quoted.some(([a, b]) => a <= t.start && t.end <= b));

    for (let i = 0; i + 3 < ws.length; i++) {
      fourGrams++;
      if (articleFourGrams.has(ws.slice(i, i + 4).join(' '))) sharedFourGrams++;
    }

    // The longest run shared with the article from each start; a counted run is skipped over whole.
    for (let i = 0; i < ws.length; ) {
      let j = i + 1;
      while (j <= ws.length && inArticle(ws.slice(i, j))) j++;
      const length = j - 1 - i;
      if (length < minRun) {
        i++;
        continue;
      }
      const run = ws.slice(i, i + length);
      // A cue is the original's signpost and may be shared; what the run adds around it may not.
      let rest = run;
      for (const cue of cueWords) {
        for (let k = 0; k + cue.length <= run.length; k++) {
          if (cue.length && cue.every((word, n) => run[k + n] === word)) {
            const [before, after] = [run.slice(0, k), run.slice(k + cue.length)];
            rest = before.length >= after.length ? before : after;
            break;
          }
        }
      }
      const isCue = rest.length < minRun || cueWords.some((cue) => cue.join(' ').includes(run.join(' ')));
      // Names (every word capitalised but the small ones) are facts, not wording.
      const spans = toks.slice(i, i + length);
      const isName = spans.every((t) => isUpper(text[t.start]) || SMALL.has(t.word));
      // The words of the run inside quotation marks are the author's, credited; what is left must still be a run.
      const unquoted = run.filter((_, n) => !inside[i + n]);
      if (!isCue && !isName && unquoted.length >= minRun) runs.push({ where, text: text.slice(spans[0]!.start, spans.at(-1)!.end), words: length });
      i += length;
    }

    for (const sentence of sentencesOf(text)) {
      const words = closenessWords(sentence);
      if (words.length < 6) continue;
      let best = { score: -1, paragraph: 0, sentence: 0 };
      for (const candidate of articleSentences) {
        const score = lcs(words, candidate.words) / words.length;
        if (score > best.score) best = { score, paragraph: candidate.paragraph, sentence: candidate.sentence };
      }
      sentences.push({ where, text: sentence.trim(), score: best.score, article: { paragraph: best.paragraph, sentence: best.sentence } });
    }
  }

  const share = sharedFourGrams / Math.max(1, fourGrams);
  const medianSentence = median(sentences.map((s) => s.score));
  const [ratioShown, shareShown, medianShown] = [figure(ratio, limits.ratio), figure(share, limits.fourGram), figure(medianSentence, limits.sentence)];
  const checks: Check[] = [
    {
      name: 'length ratio (edition body / article body)',
      value: `${ratioShown.value} (${bodyWords} / ${articleWords.length} words)`,
      limit: ratioShown.limit,
      ok: ratio <= limits.ratio,
    },
    { name: `unquoted runs of ${minRun}+ shared words (cues excepted)`, value: String(runs.length), limit: '0', ok: runs.length === 0 },
    { name: '4-gram share', value: shareShown.value, limit: shareShown.limit, ok: share <= limits.fourGram },
    {
      name: 'median sentence match (word LCS)',
      value: `${medianShown.value} over ${sentences.length} sentences`,
      limit: medianShown.limit,
      ok: medianSentence <= limits.sentence,
    },
  ];
  return {
    limits,
    bodyWords,
    articleWords: articleWords.length,
    ratio,
    runs,
    fourGrams: { total: fourGrams, shared: sharedFourGrams, share },
    sentences,
    medianSentence,
    checks,
    passed: checks.every((check) => check.ok),
  };
}
