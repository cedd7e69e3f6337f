/** Gate: no broken internal link or #fragment anywhere in the built site, at the root and under a sub-path. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { brokenLinks } from '../../support/links.ts';
import { sites } from '../../support/pages.ts';

describe.each(sites())('links ($name build)', ({ dir, base, origin }) => {
  test('every internal link, asset and #fragment resolves', () => {
    expect(brokenLinks(dir, new URL(base, origin).href)).toEqual([]);
  });
});

test('the checker reports a missing page, a missing fragment (text directive or not) and a link that escapes the base path', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'gloss-links-'));
  await mkdir(path.join(dir, 'a'));
  await writeFile(path.join(dir, 'a/index.html'), '<p id="here">A</p>');
  await writeFile(
    path.join(dir, 'index.html'),
    `<a href="a/">fine</a><a href="a/#here">fine</a><a href="a/#here:~:text=A">fine</a><a href="a/#:~:text=A">fine</a><a href="https://elsewhere.example/x">external</a>
     <a href="b/">missing</a><a href="a/#gone">no such id</a><a href="a/#gone:~:text=A">no such id</a><a href="/a/">forgot the base</a><a href="a">no slash</a>`,
  );
  expect(brokenLinks(dir, 'https://gloss.example/sub/')).toEqual([
    'index.html: b/ → no file b/index.html in the build',
    'index.html: a/#gone → no element with id "gone" in a/index.html',
    'index.html: a/#gone:~:text=A → no element with id "gone" in a/index.html',
    'index.html: /a/ → outside the base path /sub/',
    'index.html: a → missing its trailing slash (the site uses trailingSlash: always)',
  ]);
});
