import { describePlace } from '../../model/place-text.ts';
import { STATUS_LABEL } from '../progress.ts';
import type { Column } from '../../export/tables.ts';
import type { BatchFinding, BatchPair, BatchRow } from '../types.ts';

// The columns of the two report tables, shared by the CSV and Excel writers so both say the same thing.
// Headers are Chinese first with the English name after, as the rest of Caijian's output.

export type { Column } from '../../export/tables.ts';

export const SUMMARY_COLUMNS: Column<BatchRow>[] = [
  { header: '文件 File', width: 48, value: (r) => r.file },
  { header: '单位 Entity', width: 28, value: (r) => r.entity },
  { header: '年度 Year', width: 8, value: (r) => r.fiscalYear },
  { header: '类型 Kind', width: 8, value: (r) => r.kind },
  { header: '格式 Format', width: 8, value: (r) => r.format },
  { header: '页数 Pages', width: 8, value: (r) => r.pages },
  { header: '表格 Tables', width: 8, value: (r) => r.tables },
  { header: '未识别表 Unknown tables', width: 10, value: (r) => r.unknownTables },
  { header: '错误 Errors', width: 8, value: (r) => r.errors },
  { header: '警告 Warnings', width: 10, value: (r) => r.warnings },
  { header: '提示 Info', width: 8, value: (r) => r.infos },
  {
    header: '标准表核对 Standard tables checked',
    width: 12,
    value: (r) => (r.standardTables ? `${r.checkedTables}/${r.standardTables}` : null),
  },
  { header: '未能核对 Not checked', width: 48, value: (r) => r.unchecked ?? null },
  { header: '状态 Status', width: 12, value: (r) => `${STATUS_LABEL[r.status].zh} ${STATUS_LABEL[r.status].en}` },
  { header: '用时(秒) Time (s)', width: 10, value: (r) => Number((r.ms / 1000).toFixed(2)) },
  { header: '原因 Reason', width: 48, value: (r) => r.reason },
  { header: 'Reason (en)', width: 48, value: (r) => r.reasonEn },
];

const SEVERITY: Record<BatchFinding['severity'], string> = {
  error: '错误 error',
  warning: '警告 warning',
  info: '提示 info',
};

export const FINDING_COLUMNS: Column<BatchFinding>[] = [
  { header: '文件 File', width: 40, value: (f) => f.file },
  { header: '级别 Severity', width: 12, value: (f) => SEVERITY[f.severity] },
  { header: '规则 Rule', width: 24, value: (f) => f.ruleId },
  { header: '表 Table', width: 28, value: (f) => f.tableTitle ?? f.table },
  { header: '行 Row', width: 14, value: (f) => f.row },
  { header: '列 Column', width: 12, value: (f) => f.column },
  { header: '位置 Place', width: 16, value: (f) => (f.source ? describePlace(f.source) : null) },
  { header: '应为 Expected', width: 14, value: (f) => f.expected },
  { header: '实际 Actual', width: 14, value: (f) => f.actual },
  { header: '差额 Difference', width: 14, value: (f) => f.difference },
  { header: '对照文件 Other document', width: 40, value: (f) => f.prior ?? null },
  {
    header: '对照位置 Place there',
    width: 16,
    value: (f) => (f.priorPlace?.source ? describePlace(f.priorPlace.source) : (f.priorPlace?.row ?? null)),
  },
  { header: '说明 Message', width: 60, value: (f) => f.message },
  { header: 'Message (en)', width: 60, value: (f) => f.messageEn },
];

const PAIR_STATUS: Record<BatchPair['status'], string> = {
  pending: '未运行 not run',
  ok: '完成 ok',
  failed: '失败 failed',
  timeout: '超时 timeout',
};

/** Sheet 配对: the documents the batch paired by entity and year for the cross-document rules. */
export const PAIR_COLUMNS: Column<BatchPair>[] = [
  { header: '文件 File', width: 40, value: (p) => p.file },
  { header: '单位 Entity', width: 28, value: (p) => p.entity },
  { header: '年度 Year', width: 8, value: (p) => p.fiscalYear },
  { header: '类型 Kind', width: 8, value: (p) => p.kind },
  { header: '对照文件 Other document', width: 40, value: (p) => p.prior },
  { header: '对照单位 Its entity', width: 28, value: (p) => p.priorEntity },
  { header: '对照年度 Its year', width: 8, value: (p) => p.priorYear },
  { header: '对照类型 Its kind', width: 8, value: (p) => p.priorKind },
  { header: '单位键 Entity key', width: 28, value: (p) => p.entityKey },
  { header: '跨文件问题 Findings', width: 10, value: (p) => p.findings },
  { header: '状态 Status', width: 12, value: (p) => PAIR_STATUS[p.status] },
  { header: '原因 Reason', width: 40, value: (p) => p.reason },
];
