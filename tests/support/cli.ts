/** Running the project's commands as npm runs them, or in the test's own process, for the CLI tests. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { type CommandIO, runMain } from '../../src/import/article-input.ts';

/**
 * Run `src/import/<command>-cli.ts` in the project at `dir`, as `npm run <command> -- …`
 * does: from the project's folder, with INIT_CWD set to `cwd`, where the user
 * typed the command (relative paths are theirs). `stdin` is what the user pastes.
 */
export function runCli(command: string, dir: string, args: string[], cwd = dir, stdin = '') {
  const { INIT_CWD: _, ...env } = process.env;
  const result = spawnSync(process.execPath, [path.join(dir, `src/import/${command}-cli.ts`), ...args], {
    cwd: dir,
    env: { ...env, INIT_CWD: cwd, NO_COLOR: '1' },
    encoding: 'utf8',
    input: stdin,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Run the same command in this process, through the `main` its module exports,
 * as `runCli` runs it in a child: the project at `dir`, relative paths from
 * `cwd`, `stdin` pasted. The same exit status and the same stdout and stderr,
 * without a Node process to start (about 2 s each on a busy machine); a few
 * tests per command still run it with `runCli`, for what only a process shows.
 */
export async function runCliInProcess(command: 'import' | 'check-edition', dir: string, args: string[], cwd = dir, stdin = '') {
  const { main } = command === 'import' ? await import('../../src/import/import-cli.ts') : await import('../../src/import/check-edition-cli.ts');
  let stdout = '';
  let stderr = '';
  const io: CommandIO = {
    root: dir,
    cwd,
    stdin: (async function* () {
      if (stdin) yield Buffer.from(stdin);
    })(),
    out: (text) => {
      stdout += `${text}\n`;
    },
    err: (text) => {
      stderr += `${text}\n`;
    },
  };
  const code = await runMain(command, main, args, io);
  return { code, stdout, stderr };
}
