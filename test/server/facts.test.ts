import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/pipeline.ts';
import { figuresOf, regionOf } from '../../src/server/facts.ts';
import { SEEDS } from './helpers.ts';

describe('document facts for lists and charts', () => {
  it('takes the region from the department name', () => {
    expect(regionOf('株洲市天元区医疗保障局')).toBe('株洲市天元区');
    expect(regionOf('原州区医疗保障局')).toBe('原州区');
    expect(regionOf('邵阳市医疗保障局')).toBe('邵阳市');
    expect(regionOf('湖南省湘西土家族苗族自治州财政局')).toBe('湖南省湘西土家族苗族自治州');
    expect(regionOf('医疗保障局')).toBeNull();
    expect(regionOf(null)).toBeNull();
  });

  it('reads exact headline amounts of a final account (seed 000)', async () => {
    const d = await parseBytes(readFileSync(join(SEEDS, '000_29b57f9efee068d5.txt')), { fileName: '000.txt' });
    const f = figuresOf(d);
    expect(f).toMatchObject({ unit: '万元', totalExpenditure: '289.70', basic: '185.01', project: '104.69' });
    expect(f.byClass.map((c) => c.code)).toEqual(['201', '208', '210', '221']);
    expect(f.byClass.find((c) => c.code === '210')?.amount).toBe('260.45');
  });
});
