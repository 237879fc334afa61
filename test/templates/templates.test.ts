import { describe, expect, it } from 'vitest';
import { matchTitle, templates } from '../../src/templates/catalogue.ts';
import { squash } from '../../src/templates/normalize.ts';

// Templates are data; these checks keep the data consistent with itself.
describe('table templates', () => {
  it('have unique keys', () => {
    const keys = templates.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('recognise their own canonical title', () => {
    for (const t of templates) expect(matchTitle(t.title, t.kind)?.key, t.title).toBe(t.key);
  });

  it('accept their own canonical column labels (a renderer prints them; a reader must read them back)', () => {
    const bad: string[] = [];
    for (const t of templates)
      for (const c of t.columns) {
        const label = squash(c.label);
        const last = label.split('/').pop() ?? label;
        if (!c.match.some((re) => re.test(label) || re.test(last))) bad.push(`${t.key}.${c.key} "${c.label}"`);
      }
    expect(bad).toEqual([]);
  });
});
