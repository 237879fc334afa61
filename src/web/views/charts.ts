import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { DocumentFigures, SeriesPoint } from '../../store/types.ts';
import { h } from '../dom.ts';
import { chartValue } from '../format.ts';

// ECharts (tree-shaken: only the chart types used) for one document and across documents. All amounts are
// shown in 万元 so documents printed in 元 and in 万元 can be drawn side by side.

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

const COLORS = ['#2f6fb5', '#e58a2b', '#3b9c6b', '#c0504d', '#8064a2', '#4bacc6', '#9b8b2e', '#d36ba6'];

function chartBox(title: string, option: echarts.EChartsCoreOption, height = 300): HTMLElement {
  const box = h('div', { class: 'chart', style: `height:${height}px` });
  const card = h('div', { class: 'card chart-card' }, h('h3', {}, title), box);
  // Draw once the element is in the page and has a size.
  requestAnimationFrame(() => {
    const chart = echarts.init(box, undefined, { renderer: 'canvas' });
    chart.setOption({ color: COLORS, textStyle: { fontFamily: 'inherit' }, ...option });
    new ResizeObserver(() => chart.resize()).observe(box);
  });
  return card;
}

const wan = (v: string | null | undefined, unit: string | null) => {
  const n = chartValue(v, unit);
  return n === null ? null : Math.round(n * 100) / 100;
};

export function documentCharts(f: DocumentFigures): HTMLElement {
  const charts: HTMLElement[] = [];
  if (f.byClass.length) {
    charts.push(
      chartBox('支出按功能分类（类）', {
        tooltip: { trigger: 'item', formatter: '{b}<br/>{c} 万元（{d}%）' },
        legend: { type: 'scroll', bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['35%', '65%'],
            center: ['50%', '45%'],
            data: f.byClass.map((c) => ({ name: `${c.code} ${c.label}`, value: wan(c.amount, f.unit) })),
          },
        ],
      }),
    );
  }
  if (f.basic !== null || f.project !== null) {
    charts.push(
      chartBox('基本支出与项目支出', {
        tooltip: { trigger: 'item', formatter: '{b}<br/>{c} 万元（{d}%）' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['35%', '65%'],
            center: ['50%', '45%'],
            data: [
              { name: '基本支出', value: wan(f.basic, f.unit) },
              { name: '项目支出', value: wan(f.project, f.unit) },
            ],
          },
        ],
      }),
    );
  }
  const tp = f.threePublic;
  if (tp) {
    const names = ['因公出国（境）', '公务用车', '公务接待', '合计'];
    const values = [tp.abroad, tp.vehicle, tp.reception, tp.total];
    const card = chartBox('“三公”经费', {
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
      yAxis: { type: 'value', name: '万元' },
      series: [{ type: 'bar', barMaxWidth: 48, data: values.map((v) => wan(v, f.unit)) }],
    });
    const unread = names.filter((_, i) => values[i] === null || values[i] === undefined);
    if (unread.length)
      card.append(h('p', { class: 'hint missing-value' }, `未能取得：${unread.join('、')}（图中留空，不是零）。`));
    charts.push(card);
  } else
    charts.push(
      h(
        'div',
        { class: 'card chart-card' },
        h('h3', {}, '“三公”经费'),
        h('p', { class: 'hint' }, '本文件的“三公”经费表没有数据或未能识别。'),
      ),
    );
  return h('div', { class: 'chart-grid' }, ...charts);
}

/**
 * One entity over the years. A year between the first and the last without a document gets its place on the axis,
 * marked 缺, and no bar; an amount a document does not give is no bar either — both said under the chart, never
 * drawn as zero.
 */
export function overYearsChart(points: SeriesPoint[], title: string): HTMLElement {
  const pts = points
    .filter((p) => p.fiscalYear !== null)
    .sort((a, b) => a.fiscalYear! - b.fiscalYear! || String(a.kind).localeCompare(String(b.kind)));
  const slots: (SeriesPoint | number)[] = [];
  const missing: number[] = [];
  pts.forEach((p, i) => {
    const before = i > 0 ? pts[i - 1].fiscalYear! : p.fiscalYear!;
    for (let y = before + 1; y < p.fiscalYear!; y++) {
      slots.push(y);
      missing.push(y);
    }
    slots.push(p);
  });
  const labels = slots.map((p) => (typeof p === 'number' ? `${p}（缺）` : `${p.fiscalYear}${p.kind ?? ''}`));
  const unread: string[] = [];
  const s = (name: string, pick: (f: DocumentFigures) => string | null) => ({
    name,
    type: 'bar',
    barMaxWidth: 36,
    data: slots.map((p) => {
      if (typeof p === 'number') return null;
      const v = wan(pick(p.figures), p.figures.unit);
      if (v === null) unread.push(`${p.fiscalYear}${p.kind ?? ''}${name}`);
      return v;
    }),
  });
  const series = [
    s('支出合计', (f) => f.totalExpenditure),
    s('基本支出', (f) => f.basic),
    s('项目支出', (f) => f.project),
    s('“三公”经费', (f) => f.threePublic?.total ?? null),
  ];
  const card = chartBox(title, {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 60, right: 20, top: 20, bottom: 60 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', name: '万元' },
    series,
  });
  if (missing.length)
    card.append(h('p', { class: 'hint missing-year' }, `缺少 ${missing.join('、')} 年的文件：图中该年留空，不是零。`));
  if (unread.length)
    card.append(h('p', { class: 'hint missing-value' }, `未能取得的数：${unread.join('、')}（图中留空，不是零）。`));
  return card;
}

export function sideBySideChart(points: SeriesPoint[], title: string): HTMLElement {
  const labels = points.map((p) => `${p.entity ?? '未识别'}${p.fiscalYear ? ' ' + p.fiscalYear : ''}${p.kind ?? ''}`);
  const s = (name: string, pick: (f: DocumentFigures) => string | null) => ({
    name,
    type: 'bar',
    stack: name === '支出合计' ? undefined : 'parts',
    barMaxWidth: 28,
    data: points.map((p) => wan(pick(p.figures), p.figures.unit)),
  });
  return chartBox(
    title,
    {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 180, right: 30, top: 20, bottom: 50 },
      yAxis: { type: 'category', data: labels, axisLabel: { width: 170, overflow: 'truncate' } },
      xAxis: { type: 'value', name: '万元' },
      series: [s('基本支出', (f) => f.basic), s('项目支出', (f) => f.project)],
    },
    Math.max(260, points.length * 38 + 90),
  );
}
