import type {
  CountyDashboard,
  CountyDashboardQuery,
  LearningDashboard,
  LearningDashboardQuery,
  QoeDashboard,
  QoeDashboardQuery,
} from '@ketang/contract';
import type { DashboardRollupStore } from '../../stores/dashboard-rollup.store.ts';
import { toLearningCell, toQoeCell } from './dashboard-figures.ts';
import { K_ANONYMITY } from './household-set.ts';
import { addLearningTally, emptyLearningTally, type LearningTally } from './learning-tally.ts';
import { addQoeTally, emptyQoeTally, type QoeTally } from './qoe-tally.ts';
import { suppress, type Grouped } from './suppression.ts';

type Tally = { households: QoeTally['households'] };

/** Adds cells up by one of their fields into sorted groups, and all of them into the total. */
function groupCells<C extends Tally, T extends Tally>(
  cells: readonly C[],
  field: string,
  empty: () => T,
  add: (into: T, from: T) => T,
): { groups: Grouped<T>[]; total: Grouped<T> } {
  const groups = new Map<string, T>();
  const total = empty();
  for (const cell of cells) {
    const key = String((cell as unknown as Record<string, unknown>)[field]);
    const tally = cell as unknown as T;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = empty()));
    add(group, tally);
    add(total, tally);
  }
  const sorted = [...groups].sort(([a], [b]) => a.localeCompare(b));
  return { groups: sorted.map(([key, tally]) => ({ key, tally })), total: { key: 'total', tally: total } };
}

/** The operators' dashboards over the daily rollups; any operator role may read them. */
export class DashboardService {
  constructor(private readonly rollups: Pick<DashboardRollupStore, 'qoeBetween' | 'learningBetween'>) {}

  async qoe(query: QoeDashboardQuery): Promise<QoeDashboard> {
    const cells = await this.rollups.qoeBetween(query.from, query.to, {
      region: query.region,
      carrier: query.carrier,
      model: query.model,
    });
    const { groups, total } = groupCells(cells, query.groupBy, emptyQoeTally, addQoeTally);
    const released = suppress(groups, total, (tally) => tally.sessions);
    return {
      from: query.from,
      to: query.to,
      k: K_ANONYMITY,
      groupBy: query.groupBy,
      cells: released.cells.map(toQoeCell),
      total: toQoeCell(released.total),
    };
  }

  async learning(query: Omit<LearningDashboardQuery, 'format'>): Promise<LearningDashboard> {
    const cells = await this.rollups.learningBetween(query.from, query.to, {
      region: query.region,
      county: query.county,
    });
    return this.learningAnswer(query, cells);
  }

  /** The county at a glance: by day (minutes, views), by subject, by grade (completion), one read. */
  async county(query: CountyDashboardQuery): Promise<CountyDashboard> {
    const cells = await this.rollups.learningBetween(query.from, query.to, {
      region: query.region,
      county: query.county,
    });
    const answer = (groupBy: LearningDashboardQuery['groupBy']) =>
      this.learningAnswer({ ...query, groupBy }, cells);
    return {
      region: query.region,
      county: query.county,
      from: query.from,
      to: query.to,
      k: K_ANONYMITY,
      byDay: answer('day'),
      bySubject: answer('subject'),
      byGrade: answer('grade'),
    };
  }

  private learningAnswer(
    query: { from: string; to: string; groupBy: LearningDashboardQuery['groupBy'] },
    cells: Awaited<ReturnType<DashboardRollupStore['learningBetween']>>,
  ): LearningDashboard {
    const { groups, total } = groupCells<(typeof cells)[number], LearningTally>(
      cells,
      query.groupBy,
      emptyLearningTally,
      addLearningTally,
    );
    const released = suppress(groups, total, (tally) => tally.views);
    return {
      from: query.from,
      to: query.to,
      k: K_ANONYMITY,
      groupBy: query.groupBy,
      cells: released.cells.map(toLearningCell),
      total: toLearningCell(released.total),
    };
  }
}
