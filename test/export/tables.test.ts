import { describe, expect, it } from 'vitest';
import { readZipEntries } from '../../src/read/xlsx/safe-zip.ts';
import { findingsCsv as batchFindingsCsv, summaryCsv } from '../../src/batch/writers/write-csv.ts';
import { reportXlsx } from '../../src/batch/writers/write-xlsx.ts';
import { guardFormula } from '../../src/export/tables.ts';
import { findingsCsv, findingsXlsx } from '../../src/server/export.ts';
import type { StoredFinding } from '../../src/store/types.ts';

// One exporter, one formula guard (issue 13.4/14.3): the server's findings export and the batch report both
// write CSV through src/export/tables.ts, so text from an uploaded document (a file name, an entity name, a
// quoted phrase in a message) can never run as a spreadsheet formula in either.

const HOSTILE = [
  '=HYPERLINK("http://evil.example","点我")',
  "+cmd|' /C calc'!A0",
  '-2+3+cmd',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
];

function stored(message: string): StoredFinding {
  return {
    id: 'f1',
    documentId: 'd1',
    seq: 0,
    ruleId: 'row-sum',
    severity: 'error',
    message,
    messageEn: message,
    finding: {
      ruleId: 'row-sum',
      severity: 'error',
      messageId: 'x',
      values: {},
      message,
      messageEn: message,
      location: { table: 'budget.income', tableTitle: message, row: message, column: null, source: null },
      related: [],
      expected: null,
      actual: null,
      difference: null,
    },
    review: null,
  } as StoredFinding;
}

describe('the one findings exporter', () => {
  it('guards every formula start and leaves plain numbers alone', () => {
    for (const h of HOSTILE) expect(guardFormula(h)).toBe(`'${h}`);
    for (const n of ['-0.01', '+12', '1234.56', '合计', '']) expect(guardFormula(n)).toBe(n);
  });

  it('the server CSV export defuses formulas in message, table and row (the batch rule, same code)', () => {
    for (const h of HOSTILE) {
      const line = findingsCsv([stored(h)]).split('\r\n')[1];
      // every text cell that held the formula now starts with the guard (quoted when it holds a quote)
      const quoted = `"'${h.replace(/"/g, '""')}"`;
      expect(line.includes(quoted) || line.includes(`,'${h},`)).toBe(true);
      expect(line).not.toMatch(new RegExp(`(^|,)${h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(,|$)`));
    }
  });

  it('the batch CSV goes through the same guard', () => {
    const row = { file: HOSTILE[0], entity: HOSTILE[1], status: 'ok', ms: 0 } as never;
    const line = summaryCsv({ startedAt: '', rows: [row], findings: [], totals: {} as never }).split('\r\n')[1];
    expect(line.startsWith(`"'=HYPERLINK(""http://evil.example"",""点我"")"`)).toBe(true);
    expect(line).toContain(`,'+cmd|' /C calc'!A0,`);
    const f = batchFindingsCsv({
      startedAt: '',
      rows: [],
      findings: [{ file: 'a.pdf', message: HOSTILE[3], difference: '-0.01' } as never],
      totals: {} as never,
    });
    expect(f).toContain(`'@SUM(A1:A9)`);
    expect(f).toContain(',-0.01,');
  });

  it('workbooks store such text as text cells, never as formulas (server and batch)', async () => {
    const server = await findingsXlsx(
      { fileName: '=1+1.pdf', entity: HOSTILE[0], fiscalYear: 2025, kind: '决算' } as never,
      [stored(HOSTILE[0])],
    );
    const batch = await reportXlsx({
      startedAt: '',
      rows: [{ file: HOSTILE[0], status: 'ok', ms: 0 } as never],
      findings: [{ file: HOSTILE[2], message: HOSTILE[3] } as never],
      totals: {} as never,
    });
    for (const bytes of [server, batch]) {
      const entries = readZipEntries(bytes);
      const sheets = [...entries.keys()].filter((n) => n.startsWith('xl/worksheets/sheet'));
      expect(sheets.length).toBeGreaterThan(0);
      for (const s of sheets) expect(Buffer.from(entries.get(s)!).toString('utf8')).not.toMatch(/<f[ >]/);
      const strings = Buffer.from(entries.get('xl/sharedStrings.xml') ?? new Uint8Array()).toString('utf8');
      const inline = sheets.map((s) => Buffer.from(entries.get(s)!).toString('utf8')).join('');
      // the text itself reads as written (no guard needed in a text cell)
      expect(strings + inline).toContain('HYPERLINK(&quot;http://evil.example&quot;,&quot;点我&quot;)');
    }
  });
});
