/**
 * The state every stage of the reading transform shares (see
 * `remark-reading.ts`): the file, its validated reading, the tree, and the
 * problems found so far. Stages are plain functions of it, the way
 * mdast-util-to-hast passes one explicit state; what one stage finds, it
 * returns, typed, for the next.
 *
 * A problem is a vfile message (`file.message`, with its rule and its place
 * in the file when it has one), so one build lists every cue, note,
 * forecast and piece of markup that needs fixing.
 */
import type { Root } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Reading } from '../reading/schema.ts';

/** The origin of the transform's messages. */
export const SOURCE = 'gloss';

/** What a problem is about: a rule id of the vfile message. */
export type RuleId = 'cue' | 'note' | 'footnote' | 'forecast' | 'unsafe-markup';

/**
 * Where a cue or a note found its place in a full-text edition: `exact`,
 * `approximate` (with the share of its quote's characters that match), or
 * `unplaced` (a note only: a cue that finds no place is a problem).
 */
export interface Placement {
  /** How messages name it: `notes.0 (oil)`, `conclusion.cue`. */
  where: string;
  quote: string;
  how: 'exact' | 'approximate' | 'unplaced';
  /** From MIN_SCORE to 1; 0 when unplaced. */
  score: number;
}

declare module 'vfile' {
  interface DataMap {
    /** Every cue's and note's placement, in a full-text edition, for the importer's report. */
    placements: Placement[];
  }
}

/** The state every stage shares: the file, its reading, the tree, and the problems found so far. */
export interface ReadingState {
  file: VFile;
  reading: Reading;
  tree: Root;
  /** Record a problem; the transform fails with all of them at its end. */
  problem(reason: string, ruleId: RuleId, place?: Position): void;
  /** Record where a cue or note of a full-text edition found its place; one not found exactly is a warning, which fails nothing. */
  placed(placement: Placement, ruleId: 'cue' | 'note', warning?: string): void;
  /** Whether any problem was recorded so far. */
  failed(): boolean;
}

/** The state for `file`, its validated `reading` and its `tree`. */
export function readingState(file: VFile, reading: Reading, tree: Root): ReadingState {
  return {
    file,
    reading,
    tree,
    problem: (reason, ruleId, place) => {
      file.message(reason, { place, ruleId, source: SOURCE }).fatal = true;
    },
    placed: (placement, ruleId, warning) => {
      file.data.placements = [...(file.data.placements ?? []), placement];
      if (warning) file.message(warning, { ruleId, source: SOURCE });
    },
    failed: () => problemsOf(file).length > 0,
  };
}

/** The transform's problems on a file, which fail it, in the order they were found. */
export const problemsOf = (file: VFile): VFileMessage[] => file.messages.filter((message) => message.source === SOURCE && message.fatal === true);

/** The transform's warnings on a file (notes of a full text placed approximately or not at all), which fail nothing. */
export const warningsOf = (file: VFile): VFileMessage[] => file.messages.filter((message) => message.source === SOURCE && message.fatal === false);
