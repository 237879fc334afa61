import type { DocumentKind } from '../model/disclosure.ts';

// The rows of the narrative-input and last-year sheets: a stable key (NarrativeInputs path), the label the
// department sees, and a hint. Keys are what read-workbook.ts maps back; labels may change freely.

export interface Field {
  key: string;
  label: string;
  hint?: string;
  kind?: DocumentKind;
}

export const NARRATIVE_FIELDS: readonly Field[] = [
  { key: 'duties', label: '部门职责', hint: '每段一行（单元格内换行）' },
  { key: 'structure', label: '机构设置', hint: '内设机构、人员编制等，每段一行' },
  { key: 'reasons.total', label: '收、支总计增减变化的主要原因' },
  { key: 'reasons.fiscalTotal', label: '财政拨款收、支总计增减变化的主要原因', kind: '决算' },
  { key: 'reasons.generalBudget', label: '一般公共预算财政拨款支出增减变化的主要原因' },
  { key: 'reasons.threePublic', label: '“三公”经费增减变化的主要原因', kind: '预算' },
  { key: 'operatingCost', label: '机关运行经费（金额）', hint: '留空时按公用经费合计（决算）' },
  { key: 'reasons.operatingCost', label: '机关运行经费增减变化的主要原因' },
  { key: 'threePublicCounts.abroadGroups', label: '因公出国（境）团组数（个）', kind: '决算' },
  { key: 'threePublicCounts.abroadPeople', label: '因公出国（境）人次', kind: '决算' },
  { key: 'threePublicCounts.receptionGroups', label: '公务接待批次（个）', kind: '决算' },
  { key: 'threePublicCounts.receptionPeople', label: '公务接待人次', kind: '决算' },
  { key: 'threePublicCounts.vehiclesPurchased', label: '购置公务用车数（辆）', kind: '决算' },
  { key: 'threePublicCounts.vehiclesHeld', label: '公务用车保有量（辆）', kind: '决算' },
  { key: 'procurement.goods', label: '政府采购货物支出（金额）' },
  { key: 'procurement.works', label: '政府采购工程支出（金额）' },
  { key: 'procurement.services', label: '政府采购服务支出（金额）' },
  { key: 'procurement.sme', label: '授予中小企业合同金额', kind: '决算' },
  { key: 'procurement.small', label: '其中授予小微企业合同金额', kind: '决算' },
  { key: 'assets.vehicles', label: '车辆总数（辆）' },
  { key: 'assets.equipment', label: '单位价值100万元以上设备（台/套）' },
  { key: 'assets.note', label: '国有资产其他说明' },
  { key: 'performance', label: '预算绩效情况说明', hint: '绩效自评结果、重点项目绩效目标等' },
  { key: 'other', label: '其他需要说明的事项' },
];

export const PRIOR_FIELDS: readonly Field[] = [
  { key: 'prior.total', label: '上年收、支总计' },
  { key: 'prior.fiscalTotal', label: '上年财政拨款收、支总计' },
  { key: 'prior.generalBudget', label: '上年一般公共预算财政拨款支出' },
  { key: 'prior.basic', label: '上年基本支出' },
  { key: 'prior.threePublic', label: '上年“三公”经费' },
  { key: 'prior.operatingCost', label: '上年机关运行经费' },
];
