import { api } from '../api.ts';
import { clear, h } from '../dom.ts';
import { overYearsChart, sideBySideChart } from './charts.ts';

// Across documents: one department over the years, and departments side by side for one year and kind;
// #/compare?a=ID&b=ID opens two documents of one entity side by side, table by table (year-pair.ts).

export async function compareView(main: HTMLElement): Promise<void> {
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const a = params.get('a');
  const b = params.get('b');
  if (a && b) {
    const { yearPairView } = await import('./year-pair.ts');
    return yearPairView(main, a, b);
  }
  const facets = await api.facets();
  const out = h('div', {});
  const entity = h(
    'select',
    {},
    ...facets.entities.map((e) => h('option', { value: e.value }, `${e.value}（${e.count}）`)),
  );
  const year = h(
    'select',
    {},
    h('option', { value: '' }, '全部年度'),
    ...facets.years.map((y) => h('option', { value: String(y.value) }, `${y.value}`)),
  );
  const kind = h(
    'select',
    {},
    h('option', { value: '' }, '全部类型'),
    ...facets.kinds.map((k) => h('option', { value: k.value }, k.value)),
  );

  async function draw() {
    clear(out);
    if (facets.entities.length === 0) {
      out.append(h('p', { class: 'hint card' }, '还没有可比较的文档。'));
      return;
    }
    const mine = (await api.series({ entity: entity.value })).points;
    const all = (await api.series(kind.value ? { kind: kind.value } : {})).points.filter(
      (p) => !year.value || String(p.fiscalYear) === year.value,
    );
    out.append(
      h(
        'div',
        { class: 'chart-grid two' },
        overYearsChart(mine, `${entity.value}：历年对比`),
        sideBySideChart(
          all,
          `各单位对比${year.value ? `（${year.value}年）` : ''}${kind.value ? `（${kind.value}）` : ''}`,
        ),
      ),
    );
    // the entity's documents by key (its name may be printed otherwise in other years), each next to the one before
    const history = mine.length ? await api.history(mine[0].id).catch(() => null) : null;
    const docs = (history?.documents ?? []).filter((d) => d.fiscalYear !== null);
    const label = (d: { fiscalYear: number | null; kind: string | null }) => `${d.fiscalYear}年${d.kind ?? ''}`;
    if (docs.length > 1) {
      out.append(
        h(
          'section',
          { class: 'card year-pairs' },
          h('h3', {}, '逐表并排对比'),
          h(
            'ul',
            { class: 'history-list' },
            ...docs
              .slice(1)
              .map((d, i) =>
                h(
                  'li',
                  {},
                  h(
                    'a',
                    { href: `#/compare?a=${encodeURIComponent(docs[i].id)}&b=${encodeURIComponent(d.id)}` },
                    `${label(docs[i])} ↔ ${label(d)}`,
                  ),
                ),
              ),
          ),
        ),
      );
    }
  }
  for (const s of [entity, year, kind]) s.addEventListener('change', () => void draw());
  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, '对比分析')),
    h(
      'section',
      { class: 'card filters' },
      h('label', { class: 'filter' }, '单位（历年）', entity),
      h('label', { class: 'filter' }, '年度（横向）', year),
      h('label', { class: 'filter' }, '类型', kind),
    ),
    out,
  );
  await draw();
}
