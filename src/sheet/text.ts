import { type CheckSheet, sheetHeading } from './build.ts';
import { problemCellText } from './xlsx.ts';

// The check sheet as Markdown: the reviewable form of the golden check sheets (docs/check-sheets/), and what
// `check --out 检查表.md` writes. The same cells as the xlsx, one table row per item; pictures are named by their page.

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

export function checkSheetMarkdown(sheet: CheckSheet): string {
  const out = [`# ${sheet.title}`, ''];
  for (const [label, value] of sheetHeading(sheet, true)) out.push(`- ${label}：${value}`);
  out.push('');
  out.push('| 检查类别 | 检查项目 | 符合要求 | 问题描述 | 问题截图 |', '|---|---|---|---|---|');
  for (const item of sheet.items) {
    const pics = item.problems.filter((p) => p.image).map((p) => `${p.n}. 第${p.image!.page}页`);
    const picCell = pics.length
      ? pics.join('<br>')
      : item.problems.length && sheet.format !== 'pdf'
        ? '（无页面图像）'
        : '';
    out.push(`| ${item.group} | ${cell(item.label)} | ${item.verdict} | ${cell(problemCellText(item))} | ${picCell} |`);
  }
  out.push('');
  return out.join('\n');
}
