/**
 * The stylesheets' cascade: layers.css declares the layer order once, and the
 * layout imports it first; every rule of every other file sits inside one of
 * those layers, so which rule wins never depends on the order the files are
 * imported in; and no declaration is !important.
 */
import { readdirSync, readFileSync } from 'node:fs';
import postcss, { type AtRule, type Root } from 'postcss';
import { describe, expect, test } from 'vitest';

const styles = new URL('../../src/styles/', import.meta.url);
const layout = new URL('../../src/layouts/BaseLayout.astro', import.meta.url);
const files = readdirSync(styles).filter((file) => file.endsWith('.css'));
const parse = (file: string): Root => postcss.parse(readFileSync(new URL(file, styles), 'utf8'), { from: file });

/** The layer names an `@layer a, b, c;` statement declares. */
const names = (rule: AtRule) => rule.params.split(',').map((name) => name.trim());

describe('the cascade layers', () => {
  const root = parse('layers.css');
  const statements = root.nodes.filter((node) => node.type !== 'comment');

  test('layers.css holds one statement, the layer order, and nothing else', () => {
    expect(statements).toHaveLength(1);
    const [order] = statements;
    expect(order?.type === 'atrule' && order.name === 'layer' && !order.nodes).toBe(true);
  });

  test('the layout imports layers.css before any other stylesheet', () => {
    const imports = [...readFileSync(layout, 'utf8').matchAll(/^import '\.\.\/styles\/([\w-]+\.css)';$/gm)].map((match) => match[1]);
    expect(imports[0]).toBe('layers.css');
    expect(new Set(imports)).toEqual(new Set(files));
  });

  const declared = new Set(names(statements[0] as AtRule));

  test.each(files.filter((file) => file !== 'layers.css'))('%s: every rule sits in a declared layer, and no layer order is declared again', (file) => {
    const stray: string[] = [];
    for (const node of parse(file).nodes) {
      if (node.type === 'comment') continue;
      if (node.type === 'atrule' && node.name === 'layer' && node.nodes && declared.has(node.params)) continue;
      stray.push(node.type === 'rule' ? node.selector : node.type === 'atrule' ? `@${node.name} ${node.params}` : node.type);
    }
    expect(stray).toEqual([]);
  });

  test.each(files)('%s: no declaration is !important', (file) => {
    const important: string[] = [];
    parse(file).walkDecls((decl) => {
      if (decl.important) important.push(`${decl.prop} in ${(decl.parent as { selector?: string }).selector}`);
    });
    expect(important).toEqual([]);
  });
});
