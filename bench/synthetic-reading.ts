/**
 * Synthetic readings for the bench: valid reading files of any length and
 * number of notes, written from our own small vocabulary by a seeded random
 * generator, so every run builds the same text. Three arguments and a
 * conclusion open on cue phrases the filler never uses; each note quotes a
 * phrase planted exactly once.
 */
import { readingFile } from '../tests/support/project.ts';

export interface Shape {
  /** Words in the Markdown body, roughly. Default: 1,500. */
  words?: number;
  /** Margin notes. Default: 15. */
  notes?: number;
}

const ADJECTIVES = [
  'quiet',
  'steady',
  'narrow',
  'broad',
  'careful',
  'uneven',
  'early',
  'late',
  'modest',
  'costly',
  'local',
  'distant',
  'plain',
  'formal',
  'shared',
];
const NOUNS = [
  'council',
  'harbour',
  'budget',
  'market',
  'village',
  'railway',
  'treaty',
  'factory',
  'river',
  'school',
  'archive',
  'garden',
  'bridge',
  'ledger',
  'canal',
  'orchard',
];
const VERBS = ['shapes', 'delays', 'funds', 'measures', 'follows', 'weakens', 'supports', 'replaces', 'limits', 'records', 'widens', 'tests'];
const ADVERBS = ['slowly', 'openly', 'rarely', 'firmly', 'gently', 'mostly', 'plainly', 'again'];
const LINKS = ['while', 'because', 'although', 'so', 'and', 'but'];
const TREES = ['alder', 'birch', 'cedar', 'elm', 'fir', 'hazel', 'juniper', 'larch', 'maple', 'oak', 'pine', 'rowan', 'spruce', 'willow', 'yew'];
const KINDS = ['context', 'definition', 'source', 'since'] as const;

/** The cue phrases: none of their words is in the vocabulary above. */
const ARGUMENTS = [
  { id: 'first', label: 'First', cue: 'Turning to the first strand' },
  { id: 'second', label: 'Second', cue: 'Turning to the second strand' },
  { id: 'third', label: 'Third', cue: 'Turning to the third strand' },
];
const CONCLUSION_CUE = 'All told';
/** Paragraphs per part: introduction, each argument, conclusion. */
const LAYOUT = [2, 4, 4, 4, 1];

/** mulberry32: a tiny seeded generator, so a corpus is the same on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function writer(seed: number) {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const clause = () => `the ${pick(ADJECTIVES)} ${pick(NOUNS)} ${pick(VERBS)} the ${pick(NOUNS)} ${pick(ADVERBS)}`;
  /** A sentence of about 7 or 14 words. */
  const sentence = () => {
    const text = next() < 0.5 ? clause() : `${clause()} ${pick(LINKS)} ${clause()}`;
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  /** Sentences adding up to at least `words` words. */
  const prose = (words: number) => {
    const sentences: string[] = [];
    for (let count = 0; count < words; count += sentences.at(-1)!.split(' ').length) sentences.push(sentence());
    return sentences.join(' ');
  };
  return { prose, sentence };
}

/** The phrase note `n` quotes: unique, and no prefix of another's. */
const quoteOf = (n: number) => `the ${TREES[n % TREES.length]}-${n + 1} ledger`;

/** The text of reading number `seed`, ready to save as content/readings/<name>.md. */
export function syntheticReading(seed: number, { words = 1500, notes = 15 }: Shape = {}): string {
  const { prose, sentence } = writer(seed);
  const paragraphCount = LAYOUT.reduce((a, b) => a + b, 0);
  // Leave room for the planted sentences (about 15 words each) and for each
  // paragraph's last sentence running past its share (about 5).
  const share = Math.max(1, Math.round((words - notes * 15) / paragraphCount) - 5);
  const paragraphs = Array.from({ length: paragraphCount }, () => prose(share));
  // Plant each note's quote in its own sentence, spread evenly over the text.
  for (let n = 0; n < notes; n++) {
    const at = Math.floor((n * paragraphCount) / notes);
    paragraphs[at] += ` In ${quoteOf(n)}, ${sentence().toLowerCase()}`;
  }
  // Each part after the introduction opens on its cue.
  const cues = [...ARGUMENTS.map((argument) => argument.cue), CONCLUSION_CUE];
  let first = LAYOUT[0]!;
  cues.forEach((cue, part) => {
    paragraphs[first] = `${cue}, ${paragraphs[first]![0]!.toLowerCase()}${paragraphs[first]!.slice(1)}`;
    first += LAYOUT[part + 1]!;
  });

  const noteIds = Array.from({ length: notes }, (_, n) => `note-${n + 1}`);
  const frontmatter = {
    title: `Synthetic reading ${seed}`,
    author: { name: 'Bench Writer', bio: sentence() },
    source: { publication: 'The Bench Review', published: '2024-05' },
    tags: ['Bench'],
    edition: 'summary',
    thesis: sentence(),
    arguments: ARGUMENTS.map((argument, a) => ({
      ...argument,
      claim: sentence(),
      points: [0, 1].map((p) => ({ text: sentence(), ...(noteIds[a * 2 + p] ? { note: noteIds[a * 2 + p] } : {}) })),
    })),
    conclusion: { cue: CONCLUSION_CUE },
    notes: noteIds.map((id, n) => ({
      id,
      kind: KINDS[n % KINDS.length],
      quote: quoteOf(n),
      text: prose(30),
      sources: [{ title: `Bench source ${n + 1}`, url: `https://example.org/bench/${n + 1}` }],
    })),
  };
  return readingFile(frontmatter, `${paragraphs.join('\n\n')}\n`);
}

/** `count` readings, named bench-1.md … bench-<count>.md. */
export const syntheticCorpus = (count: number, shape?: Shape): Record<string, string> =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`bench-${i + 1}.md`, syntheticReading(i + 1, shape)]));
