import { readdirSync } from 'node:fs';
import { join } from 'node:path';

// The documents whose check sheets are kept as golden files in docs/check-sheets/ (reviewed by eye): every seed and
// one corpus PDF each of five regions, budgets and a final account.

export const SHARED = join(import.meta.dirname, '../../../shared');

export const GOLDEN_PDFS: readonly { name: string; path: string }[] = [
  {
    name: '重庆-市政府办公厅-2026预算',
    path: 'corpus/calinchow-del__renwu/004_重庆/2026年重庆市人民政府办公厅部门预算.pdf',
  },
  { name: '上海-市司法局-2026预算', path: 'corpus/calinchow-del__renwu/001_上海/2026年上海市司法局_部门预算.pdf' },
  { name: '广州-信访局-2026预算', path: 'corpus/calinchow-del__renwu/005_广州/信访局_2026年部门预算.pdf' },
  { name: '福州-生态环境局-2026预算', path: 'corpus/calinchow-del__renwu/017_福州/2026年福州市生态环境局部门预算.pdf' },
  { name: '佛山-交通运输局-决算', path: 'corpus/calinchow-del__renwu/022_佛山/2026年佛山市交通运输局部门预算.pdf' },
];

export function goldenSeeds(): { name: string; path: string }[] {
  return readdirSync(join(SHARED, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `seed-${f.slice(0, 3)}`, path: `seeds/${f}` }));
}

export const GOLDEN_DIR = join(import.meta.dirname, '../../docs/check-sheets');
