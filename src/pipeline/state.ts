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

export interface ReadingState {
  file: VFile;
  reading: Reading;
  tree: Root;
  /** Record a problem; the transform fails with all of them at its end. */
  problem(reason: string, ruleId: RuleId, place?: Position): void;
  /** Whether any problem was recorded so far. */
  failed(): boolean;
}

export function readingState(file: VFile, reading: Reading, tree: Root): ReadingState {
  return {
    file,
    reading,
    tree,
    problem: (reason, ruleId, place) => {
      file.message(reason, { place, ruleId, source: SOURCE });
    },
    failed: () => problemsOf(file).length > 0,
  };
}

/** The transform's messages on a file, in the order they were found. */
export const problemsOf = (file: VFile): VFileMessage[] => file.messages.filter((message) => message.source === SOURCE);
