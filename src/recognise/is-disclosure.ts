import type { Disclosure } from '../model/disclosure.ts';
import { InputError } from '../read/errors.ts';
import { templateByKey } from '../templates/catalogue.ts';

// Is this a budget / final-account disclosure at all? A file with no disclosure tables and no disclosure headings
// (a notice, a statistics bulletin, a performance-evaluation report filed under a budget name, a scan) cannot be
// audited: an audit of it would report "0 errors" about nothing. Interfaces refuse it with a clear message instead.

/** Headings (or any narrative heading segment) that only a disclosure prints. */
const DISCLOSURE_HEADING =
  /(部门|单位)(预算|决算)|预算(情况|编制)说明|决算情况说明|收支(预算|决算)|(收入|支出)(预算|决算)|名词解释|“?三公”?经费|财政拨款/;

/** Recognised tables (not "unknown") that make a document a disclosure even without headings; one is enough when it
 * is a standard table every disclosure of its kind prints (a workbook holding just the 收入决算表). */
const MIN_TABLES = 2;

export interface DisclosureVerdict {
  ok: boolean;
  /** The refusal, when not ok. */
  error: InputError | null;
}

export function disclosureVerdict(d: Disclosure): DisclosureVerdict {
  const known = d.tables.filter((t) => t.key !== 'unknown').length;
  const standard = d.tables.some((t) => templateByKey(t.key)?.required);
  const headed = d.sections.some((s) =>
    s.headingPath.some((h) => DISCLOSURE_HEADING.test((h ?? '').replace(/\s+/g, ''))),
  );
  if (known >= MIN_TABLES || standard || d.performance.length > 0 || headed || d.glossary.length > 0)
    return { ok: true, error: null };

  const pages = d.source.pageCount ?? 0;
  const images = d.source.imageOnlyPages.length;
  if (pages > 0 && images * 2 >= pages) {
    return {
      ok: false,
      error: new InputError(
        'image-only',
        `该文件 ${pages} 页中有 ${images} 页是图片（扫描件），没有可读的文字，无法核对。请取得有文字层的 PDF 或原始的 Word/Excel 文件。`,
        `${images} of the file's ${pages} pages are images (a scan) without readable text, so nothing can be checked. Obtain a PDF with a text layer or the original Word/Excel file.`,
      ),
    };
  }
  const name = d.source.fileName ?? '';
  const misnamed = /\.pdf$/i.test(name) && d.source.format !== 'pdf';
  const zh = misnamed
    ? `该文件名为 .pdf，但内容不是 PDF，也不是预算或决算公开文件（没有公开表格，也没有预决算公开的标题），无法核对。`
    : `该文件不是部门预算或决算公开文件：没有识别到预决算公开表格，也没有预决算公开的标题（如“部门预算情况说明”“名词解释”），无法核对。`;
  const en = misnamed
    ? `The file is named .pdf but is not a PDF, nor a budget or final-account disclosure (no disclosure tables, no disclosure headings); nothing can be checked.`
    : `This file is not a department budget or final-account disclosure: no disclosure tables and no disclosure headings (such as 部门预算情况说明 or 名词解释) were found, so nothing can be checked.`;
  return { ok: false, error: new InputError('not-a-disclosure', zh, en) };
}

/** Throws the refusal for a file that is not a disclosure. */
export function assertDisclosure(d: Disclosure): void {
  const v = disclosureVerdict(d);
  if (v.error) throw v.error;
}
