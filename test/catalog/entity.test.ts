import { describe, expect, it } from 'vitest';
import { entityIdentity, normaliseEntityName, sameEntity } from '../../src/catalog/entity.ts';

// Names as printed in the corpus (../shared/corpus/sources.tsv and the documents' covers and table headers).
const id = (
  name: string,
  names: string[] = [name],
  scope: { level?: '部门' | '单位'; consolidation?: '汇总' | '本级' } = {},
) =>
  entityIdentity({
    entity: { name, names },
    scope: { level: scope.level ?? null, consolidation: scope.consolidation ?? null },
  });
const key = (name: string) => id(name)?.key ?? null;

describe('entity identity', () => {
  it('reads the printed variants of one name as one key', () => {
    // 江苏省委办公厅 2017 (tables file, narrative file) and 2018: three spellings of one office
    expect(key('中国共产党江苏省委员会办公厅')).toBe('江苏省/省委办公厅');
    expect(key('中共江苏省委办公厅')).toBe('江苏省/省委办公厅');
    expect(key('江苏省委办公厅')).toBe('江苏省/省委办公厅');
    // 万里街道 2023–2025 (上海市普陀区)
    expect(key('上海市普陀区人民政府万里街道办事处')).toBe('上海市普陀区/万里街道办事处');
    expect(key('上海市普陀区万里街道办事处')).toBe('上海市普陀区/万里街道办事处');
    expect(key('深圳市人民政府口岸办公室')).toBe(key('深圳市口岸办公室'));
    expect(key('北京市人民政府国有资产监督管理委员会')).toBe('北京市/国有资产监督管理委员会');
    expect(key('中共西安市委宣传部')).toBe('西安市/市委宣传部');
    expect(key('江苏省人大常委会办公厅')).toBe(key('江苏省人民代表大会常务委员会办公厅'));
    expect(key('西安市卫健委')).toBe(key('西安市卫生健康委员会'));
    expect(key('上海市政府办公厅')).toBe(key('上海市人民政府办公厅'));
  });

  it('keeps the scope marks out of the key and in the scope', () => {
    const own = id('苏州市自然资源和规划局（本级）');
    expect(own?.key).toBe('苏州市/自然资源和规划局');
    expect(own?.consolidation).toBe('本级');
    expect(normaliseEntityName('西安市统计局（汇总）')).toBe('西安市统计局');
  });

  it('splits the place part without taking department words for places', () => {
    expect(id('北京市城市管理综合行政执法局')?.region).toBe('北京市');
    expect(id('株洲市天元区医疗保障局')?.region).toBe('株洲市天元区');
    expect(id('福州市公安局文职人员管理中心')?.region).toBe('福州市');
    expect(id('广西壮族自治区财政厅')?.region).toBe('广西壮族自治区');
    // 深圳 2026 (_history): the 市 of 市场监督管理局 stays with the department
    expect(key('深圳市市场监督管理局深汕监管局')).toBe('深圳市/市场监督管理局深汕监管局');
    expect(id('津市市财政局')?.region).toBe('津市市');
  });

  it('keeps apart what only looks alike', () => {
    expect(key('深圳市公安局交通管理局')).not.toBe(key('深圳市公安局'));
    expect(key('深圳市规划和自然资源局宝安管理局')).not.toBe(key('深圳市规划和自然资源局'));
    expect(key('福州市公安局文职人员管理中心')).not.toBe(key('福州市公安局'));
    expect(key('江苏省人民检察院')).not.toBe(key('江苏省高级人民法院'));
    expect(key('上海市财政局')).not.toBe(key('北京市财政局'));
    // the party committee's office and the government's office of one city
    expect(key('中共杭州市委办公厅')).not.toBe(key('杭州市人民政府办公厅'));
    // renamed between years: not the same name, so not paired (西安 2025 行政审批服务局 / 2026 政务服务和数据管理局)
    expect(key('西安市行政审批服务局')).not.toBe(key('西安市政务服务和数据管理局'));
  });

  it('has no key without a place: a bare department name is never paired', () => {
    expect(key('统计局')).toBeNull();
    // the templates of the corpus (上海市XX局 决算 template, 普陀区 XX单位 workbooks) name no entity
    expect(key('上海市XX局')).toBeNull();
    expect(key('上海市普陀区XX单位')).toBeNull();
    expect(sameEntity(id('统计局'), id('统计局'))).toBe(false);
  });

  it('takes the place from another printed spelling of the same department', () => {
    // 省人大办公厅 2018: the cover says “省人大办公厅”, a table header “江苏省人大常委会办公厅”
    expect(id('省人大办公厅', ['省人大办公厅', '江苏省人大常委会办公厅'])?.key).toBe('江苏省/人大常委会办公厅');
  });

  it('pairs scopes that do not contradict each other', () => {
    const a = id('上海市普陀区人民政府万里街道办事处', undefined, { level: '部门' });
    const b = id('上海市普陀区人民政府万里街道办事处', undefined, { level: '部门', consolidation: '本级' });
    const unit = id('上海市普陀区人民政府万里街道办事处', undefined, { level: '单位' });
    expect(sameEntity(a, b)).toBe(true);
    expect(sameEntity(a, unit)).toBe(false);
    expect(
      sameEntity(
        id('西安市统计局', undefined, { consolidation: '汇总' }),
        id('西安市统计局', undefined, { consolidation: '本级' }),
      ),
    ).toBe(false);
  });
});
