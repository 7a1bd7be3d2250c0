import { describe, expect, it } from 'vitest';
import type { LearningDashboard } from '@ketang/contract';
import { chartSeries, csvPath, dashboardPath, defaultRange } from './dashboard-view.ts';

const answer: LearningDashboard = {
  from: '2026-12-01',
  to: '2026-12-05',
  k: 10,
  groupBy: 'subject',
  cells: [
    { key: 'chinese', suppressed: true, views: null, completions: null, completionRate: null, minutes: null },
    { key: 'math', suppressed: false, views: 20, completions: 5, completionRate: 0.25, minutes: 40 },
  ],
  total: { key: 'total', suppressed: false, views: 48, completions: 5, completionRate: 0.104, minutes: 96 },
};

describe('dashboard view', () => {
  const filters = {
    ...defaultRange(new Date('2026-12-06T06:00:00Z')),
    region: 'jx',
    carrier: ' ',
    model: '',
    county: '',
    qoeGroupBy: 'carrier',
    learningGroupBy: 'day',
  };

  it('reads the last 30 days and leaves empty filters out', () => {
    expect(dashboardPath('qoe', filters)).toBe(
      '/v1/operator/dashboards/qoe?from=2026-11-07&to=2026-12-06&region=jx&groupBy=carrier',
    );
    expect(dashboardPath('county', filters)).toBeNull();
    expect(dashboardPath('county', { ...filters, county: '青山湖区' })).toContain(
      `county=${encodeURIComponent('青山湖区')}`,
    );
  });

  it('charts a suppressed cell as a gap', () => {
    expect(chartSeries(answer.cells, ['minutes']).series[0]!.values).toEqual([null, 40]);
  });

  it("exports through the API: the CSV of exactly the answer's path", () => {
    const path = dashboardPath('qoe', { ...filters, carrier: 'ctcc' })!;
    expect(csvPath(path)).toBe(`${path}&format=csv`);
  });
});
