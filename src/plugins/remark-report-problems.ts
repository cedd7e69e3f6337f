/**
 * remarkReportProblems: fail the file with every problem the reading's other
 * plugins recorded (cues not found, notes that do not anchor, raw HTML…).
 *
 * It runs last, so one build lists everything to fix, each problem naming
 * its field (`arguments.1.cue`, `notes.4 (nickel)`) under the file's path:
 *
 * ```txt
 * content/readings/x.md: the text does not fit its frontmatter
 *   - conclusion.cue: cue "So, never" not found in the text
 *   - notes.3 (corn): quote "corn" not found in the text
 * ```
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { failWith } from '../lib/reading-file.ts';

export interface Options {
  /** First line of the error, after the file's path. Default: `'the text does not fit its frontmatter'`. */
  summary?: string;
  /** Receive the problems instead of failing with them (the importer warns with them). */
  onProblems?: (problems: string[], file: VFile) => void;
}

export default function remarkReportProblems(options: Options = {}) {
  const summary = options.summary ?? 'the text does not fit its frontmatter';
  return (_tree: Root, file: VFile) => {
    const problems = file.data.gloss?.problems ?? [];
    if (options.onProblems) options.onProblems(problems, file);
    else if (problems.length) failWith(file, summary, problems);
  };
}
