import { z } from 'zod';
import { Disclosure } from './disclosure.ts';
import { Finding } from './finding.ts';
import { Layout } from './layout.ts';

/** JSON Schemas of the contracts, generated from the zod schemas (the zod schemas are the source of truth). */
export function jsonSchemas(): Record<string, unknown> {
  return {
    'disclosure.schema.json': {
      $id: 'https://caijian.local/schema/disclosure.schema.json',
      title: 'Caijian Disclosure',
      ...z.toJSONSchema(Disclosure),
    },
    'finding.schema.json': {
      $id: 'https://caijian.local/schema/finding.schema.json',
      title: 'Caijian audit finding',
      ...z.toJSONSchema(Finding, { io: 'output' }),
    },
    'layout.schema.json': {
      $id: 'https://caijian.local/schema/layout.schema.json',
      title: 'Caijian reader layout',
      ...z.toJSONSchema(Layout),
    },
  };
}
