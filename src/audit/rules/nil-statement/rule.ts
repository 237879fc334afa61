import { toFixedString } from '../../../model/decimal.ts';
import type { Row, Table } from '../../../model/disclosure.ts';
import { cellPlace, cellValue, columnLabel, rowLabel, tablePlace } from '../../cells.ts';
import { cellsOf, type TiedCell } from '../../narrative/tied.ts';
import type { Scope } from '../../narrative/subjects.ts';
import type { FindingPlace, Rule } from '../../types.ts';
import { excerpt, quotePlace, texts } from '../../wording/texts.ts';
import vocabulary from './vocabulary.json' with { type: 'json' };

// A statement that there is nothing (“本部门无“三公”经费”, “无政府性基金预算支出”, a note “故本表为空表”) while the
// tables print money for it (review.md: a total stated as 0 万元 or as 无 where the tables have money; 万里街道 2024
// p31: “本部门2024年无“三公”经费和机关运行经费预算，故本表为空表” under a 三公 table printing 47.91 and 443.18).
// What may be denied and where it is printed is data (vocabulary.json, the narrative extractor's TARGETS).

interface Subject {
  name: string;
  re: RegExp;
  cells: [string, Scope][];
}

const SUBJECTS: Subject[] = vocabulary.subjects.map((s) => ({
  name: s.name,
  re: new RegExp(`^(?:${s.words})`),
  cells: s.cells as [string, Scope][],
}));
const ANY = vocabulary.subjects.map((s) => `(?:${s.words})`).join('|');
const ITEM = `(?:${ANY})${vocabulary.suffix}`;
/** “无X”, “没有X和Y”: the denial, the list of subjects, and a word that ends it. */
const DENIAL = new RegExp(
  `(无|没有)(?:使用)?((?:${ITEM})(?:(?:和|、|及|与)(?:${ITEM}))*)(?=[和、及与，。；,;：:]|故|也|因此|$)`,
  'g',
);
const EMPTY = new RegExp(vocabulary.empty);

/** “若无，则写…”, “如无…”, “有无…”: a condition or a question, not a statement. */
const CONDITIONAL = /(若|如|有|是否|如果|凡)$/;

/** Words the template tells its author to write (“（若无，则写“本部门无机关运行经费。”）”): quoted after 写/作/为. */
function quotedInstruction(text: string, at: number): boolean {
  const open = Math.max(text.lastIndexOf('“', at), text.lastIndexOf('"', at));
  if (
    open < 0 ||
    Math.max(text.lastIndexOf('”', at), open === text.lastIndexOf('"', at) ? -1 : text.lastIndexOf('"', at)) > open
  )
    return false;
  return /(写|作|为|表述|说明)[:：]?$/.test(text.slice(Math.max(0, open - 4), open));
}

function nonZero(cells: readonly TiedCell[]): TiedCell | undefined {
  return cells.find((c) => {
    const v = cellValue(c.table, c.row, c.column);
    return v && !v.blank && v.value.units !== 0n;
  });
}

/** The first printed non-zero amount of a table, for a note that calls the table empty. */
function firstAmount(t: Table, year: number | null): { row: Row; column: string } | undefined {
  // columns of codes and names, and of another year's money (上年, 2025年…), say nothing about this year's table
  const other = (key: string) => {
    const label = t.columns.find((k) => k.key === key)?.label ?? '';
    return (
      /科目|编码|名称|代码|序号|行次|上年|去年|决算/.test(label) ||
      [...label.matchAll(/(\d{4})年/g)].some((m) => Number(m[1]) !== year)
    );
  };
  for (const row of t.rows)
    for (const c of row.cells) {
      if (other(c.column)) continue;
      if (c.value === null || !/\d/.test(c.text)) continue;
      if (/^0+(\.0+)?$/.test(c.value.replace('-', ''))) continue;
      return { row, column: c.column };
    }
  return undefined;
}

const rule: Rule = {
  meta: {
    id: 'nil-statement',
    code: 'CJ311',
    title: { zh: '“无……”“空表”的说法与表中数字相符', en: 'Statements that there is nothing agree with the tables' },
    category: 'narrative',
    severity: 'error',
    appliesTo: ['预算', '决算'],
    requires: [],
    messages: {
      denied: {
        zh: '{where}称“{quote}”，而{table}为 {tableValue}{unit}',
        en: '{whereEn} says "{quote}", but {tableEn} prints {tableValue} {unit}',
      },
      emptyTable: {
        zh: '表注称“{quote}”，而本表{cell}为 {tableValue}，并非空表',
        en: 'The note says "{quote}", but the table prints {tableValue} at {cellEn}: it is not empty',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    for (const p of texts(d)) {
      if (p.kind === 'heading' || p.kind === 'title') continue;
      let reported = false;
      for (const m of p.text.matchAll(DENIAL)) {
        const before = p.text.slice(Math.max(0, m.index! - 4), m.index!);
        if (CONDITIONAL.test(before) || quotedInstruction(p.text, m.index!)) continue;
        // a denial of another year's money (“本部门无2021年结转…”) is not about this document's tables
        const head = p.text.slice(Math.max(0, p.text.lastIndexOf('。', m.index!) + 1), m.index!);
        if ([...head.matchAll(/(\d{4})年/g)].some((y) => Number(y[1]) !== d.fiscalYear)) continue;
        for (const part of m[2].split(/和|、|及|与/)) {
          const s = SUBJECTS.find((x) => x.re.test(part));
          if (!s) continue;
          const cells = s.cells.flatMap(([subject, scope]) => cellsOf(d, subject, scope));
          const hit = nonZero(cells);
          if (!hit) continue;
          const v = cellValue(hit.table, hit.row, hit.column)!;
          const quote = excerpt(p.text, m.index!, m.index! + m[0].length, 8);
          const where = p.kind === 'paragraph' ? { zh: '说明', en: 'The narrative' } : { zh: '表注', en: 'A note' };
          ctx.report({
            messageId: 'denied',
            values: {
              where: where.zh,
              whereEn: where.en,
              quote,
              table: `${hit.table.title}“${rowLabel(hit.row)}”${columnLabel(hit.table, hit.column, hit.row.section)}`,
              tableEn: `${hit.table.key} [${hit.row.code ?? hit.row.item ?? hit.row.label ?? ''}] ${hit.column}`,
              tableValue: toFixedString(v.value),
              unit: hit.table.unit ?? d.unit ?? '',
            },
            location: quotePlace(p, m.index!, m[0]),
            related: [cellPlace(hit.table, hit.row, hit.column)],
            actual: v.value,
          });
          reported = true;
          break;
        }
        if (reported) break;
      }
      // a note under a table calling that table empty
      if (reported || !p.tableRef || (p.kind !== 'note' && p.kind !== 'empty-statement')) continue;
      const e = EMPTY.exec(p.text);
      if (!e) continue;
      const t = p.tableRef;
      const amount = firstAmount(t, d.fiscalYear);
      if (!amount) continue;
      const v = cellValue(t, amount.row, amount.column)!;
      const related: FindingPlace[] = [cellPlace(t, amount.row, amount.column), tablePlace(t)];
      ctx.report({
        messageId: 'emptyTable',
        values: {
          quote: excerpt(p.text, e.index, e.index + e[0].length, 30),
          cell: `“${rowLabel(amount.row)}”${columnLabel(t, amount.column, amount.row.section)}`,
          cellEn: `[${amount.row.code ?? amount.row.item ?? amount.row.label ?? ''}] ${amount.column}`,
          tableValue: toFixedString(v.value),
        },
        location: quotePlace(p, e.index, e[0]),
        related,
        actual: v.value,
      });
    }
  },
};

export default rule;
