import type { Disclosure } from '../../../model/disclosure.ts';
import { disclosure, section } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const pdfPlace = (page: number, top = 100) => ({
  kind: 'pdf' as const,
  page,
  box: [50, top, 500, top + 20] as [number, number, number, number],
});

/** A PDF disclosure with a 目录 on page 2 and the reader's warnings given. */
function pdfDoc(warnings: Disclosure['warnings']): () => Disclosure {
  return () => {
    const d = disclosure({ kind: '预算', fiscalYear: 2026, sections: [section(['目录'], '一、部门主要职能')] });
    d.source = { format: 'pdf', fileName: 'fixture.pdf', pageCount: 6, imageOnlyPages: [5] };
    d.sections[0].place = pdfPlace(2);
    d.warnings = warnings;
    return d;
  };
}

const fixtures: RuleFixtures = {
  valid: [
    {
      name: 'a page without a text layer (a scan or a chart) is not blank',
      disclosure: pdfDoc([
        {
          code: 'image-only-page',
          message: '第5页没有可读取的文字',
          messageEn: 'Page 5 has no text layer',
          place: pdfPlace(5, 0),
        },
      ]),
    },
  ],
  invalid: [
    {
      name: '西安卫健委 2026 p167 / 上海数据局 2026 p11: a page the reader found blank',
      disclosure: pdfDoc([
        { code: 'blank-page', message: '第3页是空白页', messageEn: 'Page 3 is blank', place: pdfPlace(3, 0) },
      ]),
      expect: [{ messageId: 'blank', table: null }],
    },
    {
      name: 'a blank first page',
      disclosure: pdfDoc([
        { code: 'blank-page', message: '第1页是空白页', messageEn: 'Page 1 is blank', place: pdfPlace(1, 0) },
      ]),
      expect: [{ messageId: 'blankAtStart', table: null }],
    },
  ],
};

export default fixtures;
