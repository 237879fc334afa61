import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.ts';
import type { PostgresDatabase } from '../../src/store/postgres.ts';
import type { Repository } from '../../src/store/repository.ts';
import type { AuditFinding, NewDocument } from '../../src/store/types.ts';
import { createHash } from 'node:crypto';

// The store tests run the same cases on every backend: SQLite always, PostgreSQL when CAIJIAN_TEST_PG_URL
// names a server (CI starts one with scripts/ci-services.sh). Each PostgreSQL test store lives in its own
// schema, dropped afterwards, so runs never see each other.

export const PG_URL = process.env.CAIJIAN_TEST_PG_URL;
if (!PG_URL)
  console.warn(
    '[store] PostgreSQL tests SKIPPED: CAIJIAN_TEST_PG_URL is not set (source scripts/ci-services.sh to run them)',
  );

export interface Backend {
  name: 'sqlite' | 'postgres';
  enabled: boolean;
  open(): Promise<{ repo: Repository; cleanup(): Promise<void> }>;
}

export const backends: Backend[] = [
  {
    name: 'sqlite',
    enabled: true,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'caijian-store-'));
      const repo = await openStore(join(dir, 'store.sqlite'));
      return {
        repo,
        async cleanup() {
          await repo.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    enabled: !!PG_URL,
    async open() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const repo = await openStore(PG_URL!, { schema });
      return {
        repo,
        async cleanup() {
          await (repo.db as PostgresDatabase).dropSchema();
          await repo.close();
        },
      };
    },
  },
];

export function finding(severity: AuditFinding['severity'], ruleId = 'rule-x', n = 0): AuditFinding {
  return {
    ruleId,
    severity,
    message: `问题 ${n}`,
    messageEn: `problem ${n}`,
    location: {
      table: 'final.income',
      tableTitle: '收入决算表',
      row: '21015',
      column: 'total',
      source: { kind: 'text', line: 10 + n, column: 3 },
    },
  };
}

export function newDocument(content: string | Uint8Array, over: Partial<NewDocument> = {}): NewDocument {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    fileName: 'doc.txt',
    format: 'text',
    mediaType: 'text/plain; charset=utf-8',
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    kind: '决算',
    fiscalYear: 2023,
    entity: '株洲市天元区医疗保障局',
    region: '株洲市天元区',
    pageCount: null,
    tableCount: 9,
    modelJson: JSON.stringify({ schemaVersion: 1, tables: [] }),
    figures: {
      unit: '万元',
      totalExpenditure: '289.70',
      basic: '185.01',
      project: '104.69',
      byClass: [],
      threePublic: null,
    },
    audit: {
      status: 'done',
      findings: [finding('error', 'a', 1), finding('warning', 'b', 2), finding('info', 'c', 3)],
    },
    uploadedBy: null,
    ...over,
  };
}
