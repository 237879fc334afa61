import { describe, expect, it } from 'vitest';
import { placeLabel } from '../../src/audit/narrative/tokens.ts';

// A figure's label as a finding's row (src/audit/narrative/tokens.ts placeLabel): never cut inside a word.
describe('placeLabel', () => {
  it('keeps a label of up to 28 characters whole (it used to lose 上 of 上海市)', () => {
    expect(placeLabel('上海市普陀区人民政府万里街道办事处收入预算')).toBe('上海市普陀区人民政府万里街道办事处收入预算');
    expect(placeLabel('其他城乡社区公共设施支出（2120399）')).toBe('其他城乡社区公共设施支出（2120399）');
  });
  it('starts a longer one after a closing bracket, a pause mark or an opening quote', () => {
    expect(placeLabel('“城乡社区支出（类）城乡社区管理事务（款）一般行政管理事务（项）”')).toBe(
      '城乡社区管理事务（款）一般行政管理事务（项）”',
    );
  });
  it('or where a year begins', () => {
    expect(placeLabel('上海市普陀区人民政府万里街道办事处所属事业单位2026年部门预算总支出')).toBe(
      '2026年部门预算总支出',
    );
  });
  it('marks a cut it cannot place at a boundary', () => {
    const label = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥甲乙丙丁戊己庚辛';
    expect(placeLabel(label)).toBe(`…${label.slice(-27)}`);
  });
});
