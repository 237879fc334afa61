import { describe, expect, it } from 'vitest';
import { parseAndAudit } from '../../src/server/read-upload.ts';
import { workbookZip, sheetXml } from '../fixtures/office/zip.ts';

// Issue 13.4: a program error's own text ("Cannot read properties of undefined …") never reaches the person who
// uploaded the file; they are told what happened to it, and the text goes to the logs (server log, audit log).

describe('a program error while reading an upload', () => {
  it('answers a plain zh/en message and keeps the error text as detail for the logs', async () => {
    const xlsx = workbookZip(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>部门收支总表</t></is></c></row>'));
    // a job without its limits: checkStructure reads limits.maxArchiveBytes of undefined — a real TypeError
    const reply = await parseAndAudit({ bytes: xlsx, fileName: 'a.xlsx', limits: undefined as never });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.code).toBe('internal');
    expect(reply.messageZh).toMatch(/程序出错，文件未保存/);
    expect(reply.messageEn).toMatch(/not stored/);
    expect(`${reply.messageZh} ${reply.messageEn}`).not.toMatch(/Cannot read|TypeError|undefined/);
    expect(reply.detail).toMatch(/TypeError: Cannot read properties of undefined/);
  });
});

describe('an audit that fails outside the rules', () => {
  it('stores a plain message (shown on the document page) and keeps the error text as detail for the log', async () => {
    const { auditDocument, AUDIT_FAILED_MESSAGE } = await import('../../src/server/run-audit.ts');
    // no tables at all: the engine itself reads a property of undefined — a real TypeError
    const outcome = auditDocument({ tables: undefined } as never);
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toBe(AUDIT_FAILED_MESSAGE);
    expect(outcome.message).toMatch(/审核时程序出错.*The audit failed/);
    expect(outcome.message).not.toMatch(/Cannot read|TypeError|undefined/);
    expect(outcome.detail).toMatch(/^TypeError: /);
  });
});
