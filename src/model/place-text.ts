import type { SourcePlace } from './place.ts';

// The words for a place in the input, one source for every medium (no zod here: the web pages import it).
// Each medium differs only in form:
// - `reference` (the CLI, the exports, the text report): compact, with the column of a text line and a sheet cell
//   as Sheet1!B3;
// - `prose` (the check sheet and the web pages, read by a reviewer beside the document): the line without its
//   column, a sheet cell in words (工作表“Sheet1”B3单元格), a Word table row as 表格第N行;
// - `spaced`: numbers set apart from the Chinese words, as the web pages print them (第 3 页).

export interface PlaceForm {
  form?: 'reference' | 'prose';
  spaced?: boolean;
}

/** Short human form of a place: "第12行第3列 / line 12, col 3", "第4页", "Sheet1!B3" (see PlaceForm for the others). */
export function describePlace(p: SourcePlace, locale: 'zh' | 'en' = 'zh', how: PlaceForm = {}): string {
  const prose = how.form === 'prose';
  const n = (x: number) => (how.spaced ? ` ${x} ` : String(x));
  if (locale === 'en') {
    switch (p.kind) {
      case 'text':
        return prose ? `line ${p.line}` : `line ${p.line}, col ${p.column}`;
      case 'pdf':
        return `page ${p.page}`;
      case 'sheet':
        return prose ? `sheet "${p.sheet}" cell ${p.cell}` : `${p.sheet}!${p.cell}`;
      case 'docx':
        return `block ${p.block + 1}${p.row !== undefined ? ` ${prose ? 'table row' : 'row'} ${p.row + 1}` : ''}`;
    }
  }
  switch (p.kind) {
    case 'text':
      return `第${n(p.line)}行${prose ? '' : `第${n(p.column)}列`}`;
    case 'pdf':
      return `第${n(p.page)}页`;
    case 'sheet':
      return prose ? `工作表“${p.sheet}”${p.cell}单元格` : `${p.sheet}!${p.cell}`;
    case 'docx':
      return `第${n(p.block + 1)}段${p.row !== undefined ? `${prose ? '表格' : ''}第${n(p.row + 1)}行` : ''}`;
  }
}
