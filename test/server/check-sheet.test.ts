import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { form, SEEDS, testServer } from './helpers.ts';

// The workbench's check sheet export: one document (xlsx, docx), a selection as one workbook, coverage on the
// document; a finding the reviewer dismissed does not go on the department's sheet.

describe('check sheets over the API', () => {
  it('exports a document sheet, a selection workbook, and leaves dismissed findings out', async () => {
    const t = await testServer();
    try {
      const up = await (
        await fetch(`${t.url}/api/documents`, {
          method: 'POST',
          headers: t.auth,
          body: form(
            ['000_29b57f9efee068d5.txt', '003_de3984f8e5b77c90.txt'].map((n) => ({
              name: n,
              bytes: new Uint8Array(readFileSync(join(SEEDS, n))),
            })),
          ),
        })
      ).json();
      const [a, b] = up.results.map((r: { document: { id: string } }) => r.document.id);
      const doc = await (await fetch(`${t.url}/api/documents/${b}`, { headers: t.auth })).json();
      expect(doc.coverage.level).toBe('none');
      expect(doc.coverage.uncheckedStandard).toBeGreaterThan(0);

      const sheetOf = async (id: string) => {
        const res = await fetch(
          `${t.url}/api/documents/${id}/check-sheet?format=xlsx&source=${encodeURIComponent('https://example.gov.cn/x')}`,
          { headers: t.auth },
        );
        expect(res.status).toBe(200);
        expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain('检查表.xlsx');
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
        return wb.getWorksheet('检查表')!;
      };
      const ws = await sheetOf(a);
      expect(ws.getCell('A1').value).toBe('2023年度部门决算公开情况检查表');
      expect(ws.getCell('B4').value).toBe('https://example.gov.cn/x');
      const cells = () => ws.getColumn(4).values.map(String).join('\n');
      expect(cells()).toContain('151.911');

      // Dismiss the 3-decimal finding: the department's sheet no longer lists it.
      const { findings } = await (await fetch(`${t.url}/api/documents/${a}/findings`, { headers: t.auth })).json();
      const stray = findings.find((f: { ruleId: string }) => f.ruleId === 'stray-decimal');
      const put = await fetch(`${t.url}/api/findings/${stray.id}/review`, {
        method: 'PUT',
        headers: { ...t.auth, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'dismissed', reason: '原表如此，已说明' }),
      });
      expect(put.status).toBe(200);
      const after = await sheetOf(a);
      expect(after.getColumn(4).values.map(String).join('\n')).not.toContain('151.911');

      const docx = await fetch(`${t.url}/api/documents/${a}/check-sheet?format=docx`, { headers: t.auth });
      expect(docx.status).toBe(200);
      expect(
        Buffer.from(await docx.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');

      const sel = await fetch(`${t.url}/api/check-sheets?ids=${a},${b}`, { headers: t.auth });
      expect(sel.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await sel.arrayBuffer()) as unknown as ExcelJS.Buffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        '汇总',
        '按规则',
        '株洲市天元区医疗保障局',
        expect.any(String),
      ]);
      const summary = wb.getWorksheet('汇总')!;
      expect(summary.getCell(3, 2).value).toBe('株洲市天元区医疗保障局');
      expect(String(summary.getCell(4, 13).value)).toContain('本文件不含目录所列的报表部分，可能另行公开');
      expect((await fetch(`${t.url}/api/check-sheets?ids=`, { headers: t.auth })).status).toBe(400);
    } finally {
      await t.close();
    }
  }, 120_000);
});
