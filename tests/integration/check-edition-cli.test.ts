/**
 * `npm run check-edition` on a throwaway copy of the project whose reader's
 * edition of the fictional river-towns article is the editors' summary or a
 * close paraphrase. The first tests run the CLI for real, in a child process
 * (its exit status and streams as a shell sees them); the others call the
 * same `main` in this process, which gives the same status and output
 * without starting Node each time.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliInProcess } from '../support/cli.ts';
import { projectWith } from '../support/project.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/articles');
const articleFile = path.join(fixtures, 'river-towns.txt');
const article = readFileSync(articleFile, 'utf8');
const summary = readFileSync(path.join(fixtures, 'river-towns.summary.md'), 'utf8');
const close = readFileSync(path.join(fixtures, 'river-towns.close.md'), 'utf8');

const projects: string[] = [];
afterAll(() =>
  projects.forEach((dir) => {
    rmSync(dir, { recursive: true, force: true });
  }),
);

async function project(readings: Record<string, string>) {
  const dir = await projectWith(readings);
  projects.push(dir);
  return dir;
}

/** Run the CLI as `npm run check-edition -- …` does, in a child process, from `cwd`, where the editor typed the command. */
const spawnCheck = (dir: string, args: string[], cwd = dir) => runCli('check-edition', dir, args, cwd);
/** The same, in this process. */
const check = (dir: string, args: string[], cwd = dir) => runCliInProcess('check-edition', dir, args, cwd);

/** Every file under the project's content and inbox folders, to show that nothing is written. */
const files = (dir: string) =>
  ['content', 'inbox']
    .flatMap((folder) => {
      try {
        return readdirSync(path.join(dir, folder), { recursive: true, encoding: 'utf8' }).map((name) => `${folder}/${name}`);
      } catch {
        return [];
      }
    })
    .sort();

/** Write an input file outside the readings folder and return its path. */
function input(dir: string, name: string, content: string | Uint8Array) {
  mkdirSync(path.join(dir, 'inbox'), { recursive: true });
  const file = path.join(dir, 'inbox', name);
  writeFileSync(file, content);
  return file;
}

// A test that starts a Node process needs room on a busy machine: the integration project gives it (vitest.config.ts).
describe('npm run check-edition', () => {
  let closeProject: string;
  let summaryProject: string;
  beforeAll(async () => {
    closeProject = await project({ 'river-towns.md': close });
    summaryProject = await project({ 'river-towns.md': summary });
  });

  it('fails a close paraphrase: each measure over its limit, every shared run and each sentence too close, exit 1', () => {
    const before = files(closeProject);
    const { code, stdout, stderr } = spawnCheck(closeProject, [articleFile]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'Checking content/readings/river-towns.md against river-towns.txt (8 paragraphs kept, as the import keeps them)',
      'OVER length ratio (edition body / article body)        0.58 (224 / 384 words)  (limit <= 0.40)',
      'OVER unquoted runs of 5+ shared words (cues excepted)  15  (limit 0)',
      'OVER 4-gram share                                      0.32  (limit <= 0.08)',
      'OVER median sentence match (word LCS)                  0.83 over 17 sentences  (limit <= 0.40)',
    ]);
    expect(lines.filter((line) => line.startsWith('     run: '))).toHaveLength(15);
    expect(lines).toContain('     run: "But sentiment does not pay for" (paragraph 3, 6 words)');
    expect(lines).toContain('     run: "reasons to back the railway, and both come down to" (thesis, 10 words)');
    expect(lines).toContain('     16 of 17 sentences match an article sentence above 0.40, closest first:');
    expect(lines).toContain(
      '     sentence 1.00: "Second, on reliability, the river sets the timetable, not the shippers." (paragraph 5; closest: article paragraph 5, sentence 1)',
    );
    expect(lines.filter((line) => line.startsWith('     sentence '))).toHaveLength(16);
    expect(lines.at(-2)).toBe("The reader's edition is too close to the article: 4 of 4 measures over their limits. Restate it in the editors' own words.");
    expect(files(closeProject)).toEqual(before);
  });

  it("passes the editors' summary: each measure within its limit, no run, exit 0", () => {
    const { code, stdout, stderr } = spawnCheck(summaryProject, [articleFile]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'Checking content/readings/river-towns.md against river-towns.txt (8 paragraphs kept, as the import keeps them)',
        'ok   length ratio (edition body / article body)        0.32 (121 / 384 words)  (limit <= 0.40)',
        'ok   unquoted runs of 5+ shared words (cues excepted)  0  (limit 0)',
        'ok   4-gram share                                      0.03  (limit <= 0.08)',
        'ok   median sentence match (word LCS)                  0.24 over 12 sentences  (limit <= 0.40)',
        "The reader's edition is within every limit.",
        '',
      ].join('\n'),
    );
  });

  it('refuses a mistake in the command line with one line on stderr and exit 2, in a child process too', () => {
    const { code, stdout, stderr } = spawnCheck(summaryProject, [articleFile, '--max-ration', '1']);
    expect(stderr).toMatch(/^check-edition: Unknown option '--max-ration'.*\(usage: [^\n]*\)\n$/);
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });

  it('takes other limits from the command line and holds the edition to them', async () => {
    const { code, stdout } = await check(summaryProject, [articleFile, '--max-sentence', '0.2', '--max-ratio', '0.3']);
    expect(code).toBe(1);
    expect(stdout).toContain('OVER length ratio (edition body / article body)        0.32 (121 / 384 words)  (limit <= 0.30)');
    expect(stdout).toContain('OVER median sentence match (word LCS)                  0.24 over 12 sentences  (limit <= 0.20)');
    expect(stdout).toContain(
      '     7 of 12 sentences match an article sentence above 0.20, closest first:\n     sentence 0.52: "Mara Quill defends the Harbour Board',
    );
    const lenient = await check(closeProject, [articleFile, '--max-run', '25', '--max-ratio', '1', '--max-4gram', '0.5', '--max-sentence', '1']);
    expect(lenient.stdout).toContain('ok   unquoted runs of 25+ shared words (cues excepted)  0  (limit 0)');
    expect(lenient.code).toBe(0);
  });

  it('refuses a reading whose frontmatter is invalid: the file and each field, on stderr, exit 1, as the build names them', async () => {
    const dir = await project({ 'river-towns.md': summary.replace('edition: summary', 'edition: abridged') });
    const { code, stdout, stderr } = await check(dir, [articleFile]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^check-edition: content\/readings\/river-towns\.md: invalid frontmatter\n {2}edition: /);
    expect(stderr).not.toContain('unexpected error');
  });

  it('resolves a relative path from where the editor typed the command', async () => {
    const { code, stdout } = await check(summaryProject, ['river-towns.txt'], fixtures);
    expect(code).toBe(0);
    expect(stdout).toContain('against river-towns.txt');
  });

  it("checks the reader's edition, never the full text beside it, and chooses among readings with --reading", async () => {
    const fullText = close.replace('edition: summary', 'edition: full');
    const other = summary.replace('title: Why the river towns will choose the railway', 'title: Another reading');
    const dir = await project({ 'river-towns.md': summary, 'river-towns.full.md': fullText, 'another.md': other });
    const ambiguous = await check(dir, [articleFile]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toBe('check-edition: there are 2 readings; say which with --reading <slug>: another, river-towns\n');
    const chosen = await check(dir, [articleFile, '--reading', 'river-towns']);
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toMatch(/^Checking content\/readings\/river-towns\.md against river-towns\.txt/);
    const full = await check(dir, [articleFile, '--reading', 'river-towns.full']);
    expect(full.code).toBe(2);
    expect(full.stderr).toBe('check-edition: unknown reading "river-towns.full"; choose one of: another, river-towns\n');
  });

  it("refuses a reader's edition file that says it is a full text", async () => {
    const dir = await project({ 'river-towns.md': close.replace('edition: summary', 'edition: full') });
    const { code, stdout, stderr } = await check(dir, [articleFile]);
    expect(code).toBe(1);
    expect(stderr).toBe("check-edition: content/readings/river-towns.md says edition: full; only a reader's edition (edition: summary) is checked\n");
    expect(stdout).toBe('');
  });

  const usage = String.raw`\(usage: npm run check-edition -- <file \| -> \[--reading <slug>\] \[--force\] \[--max-ratio R\] \[--max-run N\] \[--max-4gram G\] \[--max-sentence S\]\)`;
  const badInputs: [string, (dir: string) => string[], number, RegExp][] = [
    ['no file at all', () => [], 2, new RegExp(`^check-edition: give exactly one article file ${usage}$`)],
    ['two files', () => [articleFile, articleFile], 2, /^check-edition: give exactly one article file \(usage: /],
    ['an unknown option', () => [articleFile, '--max-ration', '1'], 2, /^check-edition: Unknown option '--max-ration'.*\(usage: /],
    ['a limit that is no number', () => [articleFile, '--max-ratio', 'lots'], 2, /^check-edition: --max-ratio "lots": give a number from 0 to 1 \(usage: /],
    [
      'a run limit that is no whole number',
      () => [articleFile, '--max-run', '4.5'],
      2,
      /^check-edition: --max-run "4.5": give a whole number of words, 2 or more \(usage: /,
    ],
    ['a missing file', (dir) => [path.join(dir, 'inbox/nowhere.txt')], 1, /^check-edition: .*inbox\/nowhere\.txt: no such file$/],
    ['a folder', (dir) => [path.dirname(input(dir, 'x.txt', 'x'))], 1, /^check-edition: inbox is a folder, not an article file$/],
    ['an empty file', (dir) => [input(dir, 'empty.txt', '')], 1, /^check-edition: empty\.txt is empty$/],
    ['a file of blank lines', (dir) => [input(dir, 'blank.txt', '\n \n\t\n')], 1, /^check-edition: blank\.txt is empty \(only white space\)$/],
    [
      'a binary file',
      (dir) => [input(dir, 'photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]))],
      1,
      /^check-edition: photo\.jpg is a binary file \(it contains NUL bytes\), not a saved article$/,
    ],
    [
      'a Latin-1 file',
      (dir) => [input(dir, 'latin1.txt', new Uint8Array([...new TextEncoder().encode('Caf'), 0xe9, 0x0a]))],
      1,
      /^check-edition: latin1\.txt is not UTF-8 text; save the article as UTF-8 and import it again$/,
    ],
    [
      'a page with no body paragraphs left',
      (dir) => [input(dir, 'chrome.txt', 'Why the river towns will choose the railway\n\nMost Popular\n\nLoad more\n')],
      1,
      /^check-edition: chrome\.txt: no body paragraphs left after removing 3 lines of page furniture; is it the article "Why the river towns will choose the railway"\?$/,
    ],
    ['an unknown --reading', () => [articleFile, '--reading', 'nope'], 2, /^check-edition: unknown reading "nope"; choose one of: river-towns$/],
    [
      'a script tag in the text',
      (dir) => [input(dir, 'script.txt', article.replace('Rails do not freeze shut.', 'Rails do not <script>alert(1)</script> freeze.'))],
      1,
      /^check-edition: script\.txt:\d+: raw HTML is not allowed in an imported article \(found "<script>"\); save the article as plain text$/,
    ],
  ];

  it.each(badInputs)('refuses %s: one line, its exit status, nothing written', async (_, args, status, message) => {
    const before = files(summaryProject);
    const { code, stdout, stderr } = await check(summaryProject, args(summaryProject));
    expect(stderr.split('\n')).toEqual([expect.stringMatching(message), '']);
    expect(code).toBe(status);
    expect(stdout).toBe('');
    // Only the test's own input file is new: the check writes nothing.
    expect(
      files(summaryProject)
        .filter((name) => !before.includes(name))
        .every((name) => name.startsWith('inbox')),
    ).toBe(true);
    expect(readFileSync(path.join(summaryProject, 'content/readings/river-towns.md'), 'utf8')).toBe(summary);
  });
});
