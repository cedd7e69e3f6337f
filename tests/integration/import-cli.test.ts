/**
 * `npm run import` on a throwaway copy of the project holding the fictional
 * reading of the fixture article. The first tests run the CLI for real, in a
 * child process (its exit status and streams as a shell sees them, standard
 * input piped to it); the others call the same `main` in this process, which
 * gives the same status and output without starting Node each time.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, runCliInProcess } from '../support/cli.ts';
import { projectWith, root } from '../support/project.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/articles');
const articleFile = path.join(fixtures, 'river-towns.txt');
const article = readFileSync(articleFile, 'utf8');
const summary = readFileSync(path.join(fixtures, 'river-towns.reading.md'), 'utf8');
const target = 'content/readings/river-towns.full.md';

const projects: string[] = [];
afterAll(() =>
  projects.forEach((dir) => {
    rmSync(dir, { recursive: true, force: true });
  }),
);

async function project(readings: Record<string, string> = { 'river-towns.md': summary }) {
  const dir = await projectWith(readings);
  projects.push(dir);
  return dir;
}

/** Run the CLI as `npm run import -- …` does, in a child process, from `cwd`, where the reader typed the command. */
const spawnImport = (dir: string, args: string[], cwd = dir, stdin = '') => runCli('import', dir, args, cwd, stdin);
/** The same, in this process. */
const importCli = (dir: string, args: string[], cwd = dir, stdin = '') => runCliInProcess('import', dir, args, cwd, stdin);
const savedPage = path.join(fixtures, 'river-towns.html');
const page = readFileSync(savedPage, 'utf8');

const readings = (dir: string) => readdirSync(path.join(dir, 'content/readings')).sort();

/** Write an input file outside the readings folder and return its path. */
function input(dir: string, name: string, content: string | Uint8Array) {
  mkdirSync(path.join(dir, 'inbox'), { recursive: true });
  const file = path.join(dir, 'inbox', name);
  writeFileSync(file, content);
  return file;
}

// A test that starts a Node process needs room on a busy machine: the integration project gives it (vitest.config.ts).
describe('npm run import', () => {
  it("writes the full-text edition, reports each removed line, and leaves the reader's edition alone", async () => {
    const dir = await project();
    const { code, stdout, stderr } = spawnImport(dir, [articleFile]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}removed line 1: "The views expressed by our guest writers belong to them alo…" \(contributor disclaimer\)$/m);
    expect(stdout).toContain('removed line 3: "Why the river towns will choose the railway" (title)');
    expect(stdout).toContain('removed line 5: "Getty Images" (photo credit)');
    expect(stdout).toContain('removed line 43: "See all Video" (after the article (page chrome))');
    expect(stdout.match(/^ {2}removed line /gm)).toHaveLength(12);
    expect(stdout).toContain('kept 8 paragraphs');
    expect(stdout).toContain('all 3 cues and 3 notes find their place in the text');
    expect(stdout).toContain(`Wrote ${target}`);
    expect(stdout).toMatch(/^Next: npm run build/m);
    expect(stderr).toContain('warning: tag words "Ferry subsidies"');

    const written = readFileSync(path.join(dir, target), 'utf8');
    expect(written).toMatch(/^---\n# Full-text edition, written by `npm run import` from river-towns\.txt on \d{4}-\d{2}-\d{2}\./);
    expect(written).toContain('\nedition: full\n');
    expect(written).toContain('  bio: Mara Quill is a professor of transport history at Lowfield University');
    expect(written).toContain('\\# Not a heading, just a hash the page kept\n');
    expect(readFileSync(path.join(dir, 'content/readings/river-towns.md'), 'utf8')).toBe(summary);
    expect(readings(dir)).toEqual(['river-towns.full.md', 'river-towns.md']);
  });

  it('reads pasted text from standard input with -, as it reads the text file', async () => {
    const dir = await project();
    const { code, stdout } = spawnImport(dir, ['-'], dir, article);
    expect(code, stdout).toBe(0);
    expect(stdout).toContain('Importing standard input as the full text of "Why the river towns will choose the railway"');
    expect(stdout).toContain('kept 8 paragraphs');
    expect(stdout).toContain('all 3 cues and 3 notes find their place in the text');
    const written = readFileSync(path.join(dir, target), 'utf8');
    expect(written).toMatch(/^---\n# Full-text edition, written by `npm run import` from standard input on /);
    expect(written).toContain('\\# Not a heading, just a hash the page kept\n');
  });

  it('refuses bad input with one line on stderr, exit 1 and nothing written, in a child process too', async () => {
    const dir = await project();
    const { code, stdout, stderr } = spawnImport(dir, [path.join(dir, 'inbox/nowhere.txt')]);
    expect(stderr).toMatch(/^import: .*inbox\/nowhere\.txt: no such file\n$/);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(readings(dir)).toEqual(['river-towns.md']);
  });

  it('imports a page saved from the browser: the article with its emphasis and links, every piece of chrome listed as dropped', async () => {
    const dir = await project();
    const { code, stdout, stderr } = await importCli(dir, [savedPage]);
    expect(code, stderr).toBe(0);
    for (const line of [
      'removed line 17: "<script> ./Why the river towns will choose the railway_file…" (script)',
      'removed line 16: "<style>" (style)',
      'removed line 24: "Ledger.TV" (navigation)',
      'removed line 28: "Advertisement" (advertisement)',
      'removed line 31: "The views expressed by our guest writers belong to them alo…" (disclaimer)',
      'removed line 32: "Why the river towns will choose the railway" (title)',
      'removed line 33: "By Mara Quill, opinion contributor · 06/14/21 11:00 AM ET" (byline)',
      'removed line 36: "Getty Images" (photo credit or caption)',
      'removed line 55: "Most Popular" (rail)',
      'removed line 73: "Copyright 2021 Ledger Media Group. All rights reserved." (page footer)',
    ])
      expect(stdout).toContain(`  ${line}\n`);
    expect(stdout).toContain('kept 8 paragraphs');
    expect(stdout).toContain('author.bio from line 48');
    expect(stdout).toContain('tags from line 9: Rail transport · River towns · Infrastructure · Canal–rail rivalry · Public finance · Ferry subsidies');
    expect(stdout).toContain('all 3 cues and 3 notes find their place in the text');
    expect(stderr).toBe('warning: the page\'s tag "Ferry subsidies" is none of the reading\'s tags; kept it\n');

    const written = readFileSync(path.join(dir, target), 'utf8');
    const body = written.slice(written.indexOf('\n---\n') + 5);
    expect(body.trim().split('\n\n')).toHaveLength(8);
    expect(body).toContain('[yearly bill](https://ledger.example/data/canal-budget)');
    expect(body).toContain('you will hear about *heritage*');
    expect(body).toContain('\\<less> romantic figures');
    for (const chrome of ['Advertisement', 'Getty', 'Most Popular', 'Copyright', 'views expressed', 'Subscribe', 'dataLayer', 'Share'])
      expect(body).not.toContain(chrome);
    expect(written).toContain('  bio: Mara Quill is a professor of transport history at Lowfield University');
  });

  it('reads a saved page in the character set its <meta charset> declares', async () => {
    const bytes = readFileSync(path.join(fixtures, 'river-towns.windows-1252.html'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const dir = await project();
    const { code, stderr } = await importCli(dir, [path.join(fixtures, 'river-towns.windows-1252.html')]);
    expect(code, stderr).toBe(0);
    const written = readFileSync(path.join(dir, target), 'utf8');
    expect(written).toContain('what the canal is “for” and');
    expect(written).toContain('The board’s own engineers');
    expect(written).toContain('- Canal–rail rivalry');
  });

  it('imports a page titled other than the reading with --force', async () => {
    const dir = await project();
    const other = input(dir, 'other.html', page.replaceAll('Why the river towns will choose the railway', 'Rails for the river towns'));
    expect((await importCli(dir, [other])).code).toBe(1);
    const forced = await importCli(dir, [other, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readings(dir)).toEqual(['river-towns.full.md', 'river-towns.md']);
  });

  it('places the notes of a copy with small edits approximately, and prints where each cue and note went', async () => {
    // A fourth note, on a phrase the later copy gives an added comma.
    const cargo = `  - id: cargo\n    kind: context\n    quote: timber, grain and gravel\n    text: What the canal still carries.\n    sources:\n      - title: Example source for the cargo\n        url: https://example.org/cargo\n`;
    const dir = await project({ 'river-towns.md': summary.replace('\n---\n\nThe towns', `\n${cargo}---\n\nThe towns`) });
    // A later version of the page: a joined word, a typo, an added comma.
    const edited = input(
      dir,
      'later.html',
      page
        .replace('Harbour Board', 'HarbourBoard')
        .replace('Shippers in Tollbridge', 'Shippers in Tollbrige')
        .replace('timber, grain and gravel', 'timber, grain, and gravel'),
    );
    const { code, stdout, stderr } = await importCli(dir, [edited]);
    expect(code, stderr).toBe(0);
    const placements = stdout.split('\n').filter((line) => /^ {2}(arguments|conclusion|notes)\./.test(line));
    expect(placements).toEqual([
      '  arguments.0.cue "First, on cost": exact',
      '  arguments.1.cue "Second, on reliability": exact',
      '  conclusion.cue "So, yes": exact',
      '  notes.0 (harbour-board) "Harbour Board": approximate (score 0.92)',
      '  notes.1 (dredging-1987) "1987": exact',
      '  notes.2 (tollbridge) "Tollbridge": approximate (score 0.90)',
      '  notes.3 (cargo) "timber, grain and gravel": approximate (score 0.96)',
    ]);
    expect(stderr).toContain('warning: notes.0 (harbour-board): quote "Harbour Board" placed approximately (score 0.92)\n');
    expect(stdout).toContain(
      '  the build will warn about 3 of them and still succeed; to place one exactly, give it a prefix or suffix or a new quote in content/readings/river-towns.full.md',
    );
    expect(readings(dir)).toEqual(['river-towns.full.md', 'river-towns.md']);
  });

  it('lists a note whose phrase is reworded away as unplaced, and still writes the full text', async () => {
    const dir = await project();
    const reworded = input(dir, 'reworded.txt', article.replace('signed in 1987', 'signed in the late eighties'));
    const { code, stdout, stderr } = await importCli(dir, [reworded]);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('  notes.1 (dredging-1987) "1987": unplaced\n');
    expect(stderr.split('\n').slice(1)).toEqual([
      'warning: notes.1 (dredging-1987): quote "1987" not found in the text; listed after the text as unplaced',
      '',
    ]);
    expect(readings(dir)).toEqual(['river-towns.full.md', 'river-towns.md']);
  });

  it('names a cue that finds no place in the copy: the build will fail on it', async () => {
    const dir = await project();
    const { code, stderr } = await importCli(dir, [input(dir, 'revised.txt', article.replace('So, yes, the river', 'So, then, the river'))]);
    expect(code).toBe(0);
    expect(stderr).toContain(
      'warning: 1 of 6 cues and notes do not find their place in this text; the build will fail until you fix them in content/readings/river-towns.full.md:\n',
    );
    expect(stderr).toContain('  - conclusion.cue: cue "So, yes" not found in this copy, not even approximately; change it to words of this copy\n');
  });

  it('checks the reading’s forecasts in the full text too, and names any that do not find their place', async () => {
    const forecast = (id: string, quote: string) =>
      `  - { id: ${id}, claim: Our wording., quote: ${quote}, status: held, checked: 2026-12-02, evidence: Invented., source: { title: Example, url: "https://example.org/f" } }\n`;
    const withForecasts = (...forecasts: string[]) => summary.replace('\nnotes:\n', `\nforecasts:\n${forecasts.join('')}notes:\n`);

    const placed = await importCli(await project({ 'river-towns.md': withForecasts(forecast('railway', 'will choose the railway')) }), [articleFile]);
    expect(placed.code).toBe(0);
    expect(placed.stdout).toContain('all 3 cues, 3 notes and 1 forecast find their place in the text');

    const missing = await importCli(
      await project({ 'river-towns.md': withForecasts(forecast('railway', 'will choose the railway'), forecast('ice', 'never freeze')) }),
      [articleFile],
    );
    expect(missing.stderr).toContain('warning: 1 of 8 cues, notes and forecasts do not find their place in this text');
    expect(missing.stderr).toContain('  - forecasts.1 (ice): quote "never freeze" not found in the text');
  });

  it('resolves a relative path from where the reader typed the command', async () => {
    const dir = await project();
    expect((await importCli(dir, ['river-towns.txt'], fixtures)).code).toBe(0);
    expect(existsSync(path.join(dir, target))).toBe(true);
  });

  it('never replaces an existing full text without --force, and replaces it with --force', async () => {
    const dir = await project({ 'river-towns.md': summary, 'river-towns.full.md': 'my own edits\n' });
    const refused = await importCli(dir, [articleFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`import: ${target} exists; use --force to replace it\n`);
    expect(refused.stdout).toBe('');
    expect(readFileSync(path.join(dir, target), 'utf8')).toBe('my own edits\n');

    const forced = await importCli(dir, [articleFile, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(dir, target), 'utf8')).toContain('\nedition: full\n');
    expect(readFileSync(path.join(dir, 'content/readings/river-towns.md'), 'utf8')).toBe(summary);
    expect(readings(dir)).toEqual(['river-towns.full.md', 'river-towns.md']);
  });

  it('needs --reading when there are several readings, and takes it', async () => {
    const other = summary.replace('title: Why the river towns will choose the railway', 'title: Another reading');
    const dir = await project({ 'river-towns.md': summary, 'another.md': other });
    const ambiguous = await importCli(dir, [articleFile]);
    expect(ambiguous.code).not.toBe(0);
    expect(ambiguous.stderr).toBe('import: there are 2 readings; say which with --reading <slug>: another, river-towns\n');
    const chosen = await importCli(dir, [articleFile, '--reading', 'river-towns']);
    expect(chosen.code).toBe(0);
    expect(readings(dir)).toEqual(['another.md', 'river-towns.full.md', 'river-towns.md']);
  });

  const badInputs: [string, (dir: string) => string[], RegExp][] = [
    ['no file at all', () => [], /^import: give exactly one article file \(usage: npm run import -- <file \| -> \[--reading <slug>\] \[--force\]\)$/],
    ['an unknown option', () => [articleFile, '--froce'], /^import: Unknown option '--froce'.*\(usage: /],
    ['a missing file', (dir) => [path.join(dir, 'inbox/nowhere.txt')], /^import: .*inbox\/nowhere\.txt: no such file$/],
    ['a folder', (dir) => [path.dirname(input(dir, 'x.txt', 'x'))], /^import: inbox is a folder, not an article file$/],
    ['an empty file', (dir) => [input(dir, 'empty.txt', '')], /^import: empty\.txt is empty$/],
    ['a file of blank lines', (dir) => [input(dir, 'blank.txt', '\n \n\t\n')], /^import: blank\.txt is empty \(only white space\)$/],
    [
      'a binary file',
      (dir) => [input(dir, 'photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]))],
      /^import: photo\.jpg is a binary file \(it contains NUL bytes\), not a saved article$/,
    ],
    [
      'a Latin-1 file',
      (dir) => [input(dir, 'latin1.txt', new Uint8Array([...new TextEncoder().encode('Caf'), 0xe9, 0x0a]))],
      /^import: latin1\.txt is not UTF-8 text; save the article as UTF-8 and import it again$/,
    ],
    [
      'a page with no body paragraphs left',
      (dir) => [input(dir, 'chrome.txt', 'Why the river towns will choose the railway\n\nMost Popular\n\nLoad more\n')],
      /^import: chrome\.txt: no body paragraphs left after removing 3 lines of page furniture; is it the article "Why the river towns will choose the railway"\?$/,
    ],
    ['an unknown --reading', () => [articleFile, '--reading', 'nope'], /^import: unknown reading "nope"; choose one of: river-towns$/],
    [
      'a saved page with no article in it',
      (dir) => [
        input(
          dir,
          'front.html',
          page.replace(/<main[\s\S]*<\/main>/, '<main><h1>Today on the Ledger</h1><ul><li><a href="/a">Ferry fares rise</a></li></ul></main>'),
        ),
      ],
      /^import: front\.html: found no article in this page \(no run of paragraphs long enough\); is it the article's own page\?$/,
    ],
    [
      'a saved page of another article',
      (dir) => [input(dir, 'other.html', page.replaceAll('Why the river towns will choose the railway', 'In praise of the lorry'))],
      /^import: other\.html: the page's title "In praise of the lorry" is not the reading's "Why the river towns will choose the railway"; is it the right article\? \(use --force to import it anyway\)$/,
    ],
    [
      'a saved page in an unknown character set',
      (dir) => [input(dir, 'klingon.html', page.replace('charset=UTF-8', 'charset=x-klingon'))],
      /^import: klingon\.html declares the character set "x-klingon", which is not one we know; save the page again as UTF-8$/,
    ],
    [
      'a saved page that is not in the character set it declares',
      (dir) => [input(dir, 'broken.html', new Uint8Array([...new TextEncoder().encode(page.slice(0, 400)), 0xe9, 0x0a]))],
      /^import: broken\.html is not valid utf-8 text, as its <meta charset> says it is; save the page again$/,
    ],
    [
      'a binary file named .html',
      (dir) => [input(dir, 'photo.html', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))],
      /^import: photo\.html is a binary file \(it contains NUL bytes\), not a saved page$/,
    ],
    [
      'a file over the size limit',
      (dir) => [input(dir, 'huge.txt', `${article}\n${'x'.repeat(5 * 1024 * 1024)}`)],
      /^import: huge\.txt is 5 MB, too large to be a saved article$/,
    ],
    [
      'a script tag in the text',
      (dir) => [input(dir, 'script.txt', article.replace('Rails do not freeze shut.', 'Rails do not <script>alert(1)</script> freeze.'))],
      /^import: script\.txt:\d+: raw HTML is not allowed in an imported article \(found "<script>"\); save the article as plain text$/,
    ],
    [
      'HTML in a Markdown file',
      (dir) => [input(dir, 'saved.md', `# ${'Why the river towns will choose the railway'}\n\nText.\n\n<div onclick="x()">Hi</div>\n`)],
      /^import: saved\.md:5: raw HTML is not allowed .*"<div onclick=\\"x\(\)\\">"/,
    ],
  ];

  it.each(badInputs)('refuses %s: one line, non-zero exit, nothing written', async (_, args, message) => {
    const dir = await project();
    const before = readings(dir);
    const { code, stdout, stderr } = await importCli(dir, args(dir));
    expect(code).not.toBe(0);
    expect(stderr.split('\n')).toEqual([expect.stringMatching(message), '']);
    expect(stdout).toBe('');
    expect(readings(dir)).toEqual(before);
    expect(readFileSync(path.join(dir, 'content/readings/river-towns.md'), 'utf8')).toBe(summary);
  });

  it('refuses an empty paste on standard input: one line, nothing written', async () => {
    const dir = await project();
    const { code, stdout, stderr } = await importCli(dir, ['-'], dir, '');
    expect(code).toBe(1);
    expect(stderr).toBe('import: standard input is empty; paste the article, then end the input with Ctrl-D (Ctrl-Z, Enter on Windows)\n');
    expect(stdout).toBe('');
    expect(readings(dir)).toEqual(['river-towns.md']);
  });

  it('refuses a paste over the size limit', async () => {
    const dir = await project();
    const { code, stderr } = await importCli(dir, ['-'], dir, 'x'.repeat(5 * 1024 * 1024 + 1));
    expect(code).toBe(1);
    expect(stderr).toBe('import: standard input is over 5 MB, too large to be an article\n');
    expect(readings(dir)).toEqual(['river-towns.md']);
  });

  it.skipIf(process.getuid?.() === 0)('refuses an unreadable file', async () => {
    const dir = await project();
    const file = input(dir, 'locked.txt', article);
    chmodSync(file, 0o000);
    const { code, stderr } = await importCli(dir, [file]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^import: .*locked\.txt: cannot read it \(permission denied\)\n$/);
    expect(readings(dir)).toEqual(['river-towns.md']);
  });

  it('writes only into a git-ignored path in this repository', () => {
    const check = spawnSync('git', ['check-ignore', '--verbose', 'content/readings/x.full.md'], { cwd: root, encoding: 'utf8' });
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/^\.gitignore:\d+:content\/readings\/\*\.full\.md\tcontent\/readings\/x\.full\.md$/m);
    const summaryCheck = spawnSync('git', ['check-ignore', 'content/readings/x.md'], { cwd: root, encoding: 'utf8' });
    expect(summaryCheck.status).toBe(1);
  });
});
