import { coverageLine } from '../audit/coverage.ts';
import type { CheckSheet } from './build.ts';
import { problemCellText } from './xlsx.ts';

// The check sheet as Markdown: the reviewable form of the golden check sheets (docs/check-sheets/), and what
// `check --out 检查表.md` writes. The same cells as the xlsx, one table row per item; pictures are named by their page.

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

export function checkSheetMarkdown(sheet: CheckSheet): string {
  const out = [`# ${sheet.title}`, ''];
  out.push(`- 单位名称：${sheet.entity ?? '（未能识别）'}`);
  out.push(`- 部门编码：${sheet.code ?? '（文件中未印出）'}`);
  out.push(`- 公开网址：${sheet.sourceUrl ?? '（未提供）'}`);
  if (sheet.fileName) out.push(`- 文件：${sheet.fileName}`);
  if (sheet.coverage) out.push(`- 核对范围：${coverageLine(sheet.coverage)}`);
  out.push(`- 检查结果：共 ${sheet.counts.items} 项：不符合 ${sheet.counts.failed} 项，未能核对 ${sheet.counts.unchecked} 项，问题 ${sheet.counts.problems} 处`, '');
  out.push('| 检查类别 | 检查项目 | 符合要求 | 问题描述 | 问题截图 |', '|---|---|---|---|---|');
  for (const item of sheet.items) {
    const pics = item.problems
      .filter((p) => p.image)
      .map((p) => `${p.n}. 第${p.image!.page}页`);
    const picCell = pics.length ? pics.join('<br>') : item.problems.length && sheet.format !== 'pdf' ? '（无页面图像）' : '';
    out.push(`| ${item.group} | ${cell(item.label)} | ${item.verdict} | ${cell(problemCellText(item))} | ${picCell} |`);
  }
  out.push('');
  return out.join('\n');
}
