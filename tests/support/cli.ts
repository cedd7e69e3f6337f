/** Running the project's commands as npm runs them, for the CLI tests. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

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
