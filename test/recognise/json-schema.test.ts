import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/model/json-schema.ts';

describe('exported JSON Schema', () => {
  it('is up to date with the zod contracts (run `npm run schema` after changing src/model)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'schema', name), 'utf8'));
      expect(committed, name).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });
  it('describes cells as exact decimal strings, not numbers', () => {
    // biome-ignore lint/suspicious/noExplicitAny: walks a generated JSON Schema by property path; its shape is what the test checks
    const schema = jsonSchemas()['disclosure.schema.json'] as any;
    const cell = schema.properties.tables.items.properties.rows.items.properties.cells.items.properties;
    expect(cell.value.anyOf?.[0] ?? cell.value).toMatchObject({ type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' });
  });
});
