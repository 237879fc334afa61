// Writes docs/schema/*.schema.json from the zod contracts: `npm run schema`. A test fails when they drift.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../src/model/json-schema.ts';

const dir = join(import.meta.dirname, '..', 'docs', 'schema');
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, name), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote docs/schema/${name}`);
}
