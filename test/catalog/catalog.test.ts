import { describe, expect, it } from 'vitest';
import { functionClassByName, levelOf, lookup, parentOf, systemOf } from '../../src/catalog/catalog.ts';

describe('classification catalogue', () => {
  it('knows codes with level and parent', () => {
    const r = lookup('function', '2101501', 2023);
    expect(r.status).toBe('known');
    if (r.status === 'known') {
      expect(r.entry.name).toBe('行政运行');
      expect(r.entry.level).toBe('项');
      expect(r.entry.parent).toBe('21015');
    }
    expect(levelOf('21015')).toBe('款');
    expect(parentOf('2101501')).toBe('21015');
    expect(systemOf('30101')).toBe('dept_econ');
    expect(systemOf('50101')).toBe('gov_econ');
  });

  it('says "unknown" for a code it has not seen, never an error', () => {
    expect(lookup('function', '2999999', 2023)).toEqual({ status: 'unknown', code: '2999999' });
  });

  it('gives the name a class had in a year before its renaming', () => {
    const old = lookup('function', '210', 2017);
    const current = lookup('function', '210', 2023);
    expect(old.status === 'known' && old.nameForYear).toBe('医疗卫生与计划生育支出');
    expect(current.status === 'known' && current.nameForYear).toBe('卫生健康支出');
    expect(current.status === 'known' && current.outdatedNames).toEqual(['医疗卫生与计划生育支出']);
  });

  it('finds a class by its printed name, including former names and truncated print', () => {
    expect(functionClassByName('九、卫生健康支出')?.code).toBe('210');
    expect(functionClassByName('医疗卫生与计划生育支出')?.code).toBe('210');
    expect(functionClassByName('十八、自然资源海洋气象等支')?.code).toBe('220');
    expect(functionClassByName('一般公共预算财政拨款')).toBeUndefined();
  });
});
