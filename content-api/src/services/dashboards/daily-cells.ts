import type { PlaybackEventRecord } from '../../stores/event.store.ts';
import type { HeartbeatRecord } from '../../stores/heartbeat.store.ts';
import type { LearningCellRecord, QoeCellRecord } from '../../stores/dashboard-rollup.store.ts';
import type { ProgressRecord } from '../../stores/progress.store.ts';
import { hashHousehold, householdsOf } from './household-set.ts';
import { emptyLearningTally, type LearningDimensions } from './learning-tally.ts';
import { addQoeEvent, emptyQoeTally, qoeDimensionsOf, UNKNOWN } from './qoe-tally.ts';

/** Cells being built: their tally plus the hashed households seen, turned into a HouseholdSet at the end. */
type Building<C> = { cell: C; households: Set<string> };

function cellFor<C>(cells: Map<string, Building<C>>, key: string, make: () => C): Building<C> {
  let building = cells.get(key);
  if (!building) {
    building = { cell: make(), households: new Set() };
    cells.set(key, building);
  }
  return building;
}

const finish = <C extends { households: unknown }>(cells: Map<string, Building<C>>): C[] =>
  [...cells.values()].map(({ cell, households }) => ({ ...cell, households: householdsOf(households) }));

/** One day's QoE cells from that day's raw reports. */
export function qoeCellsOf(day: string, events: readonly PlaybackEventRecord[]): QoeCellRecord[] {
  const cells = new Map<string, Building<QoeCellRecord>>();
  for (const event of events) {
    const dimensions = qoeDimensionsOf(event);
    const key = `${dimensions.region}\u0000${dimensions.carrier}\u0000${dimensions.model}\u0000${dimensions.codec}`;
    const building = cellFor(cells, key, () => ({ day, ...dimensions, ...emptyQoeTally() }));
    addQoeEvent(building.cell, event);
    building.households.add(hashHousehold(event.householdId ?? `device:${event.deviceId}`));
  }
  return finish(cells);
}

/** What the learning rollup knows of a household and a lesson; unknown parts are "unknown". */
export type HouseholdFacts = { region?: string; county?: string };
export type LessonFacts = { stageId?: string; gradeId?: string; subjectId?: string };

export type LearningInputs = {
  day: string;
  heartbeats: readonly HeartbeatRecord[];
  /** Progress first completed on this day (the household's local day). */
  completions: readonly ProgressRecord[];
  householdOf: (householdId: string) => HouseholdFacts | undefined;
  lessonOf: (lessonId: string) => LessonFacts | undefined;
};

function learningDimensions(inputs: LearningInputs, householdId: string, lessonId: string) {
  const household = inputs.householdOf(householdId);
  const lesson = inputs.lessonOf(lessonId);
  const dimensions: LearningDimensions = {
    region: household?.region ?? UNKNOWN,
    county: household?.county ?? UNKNOWN,
    stage: lesson?.stageId ?? UNKNOWN,
    grade: lesson?.gradeId ?? UNKNOWN,
    subject: lesson?.subjectId ?? UNKNOWN,
  };
  return { dimensions, key: Object.values(dimensions).join('\u0000') };
}

/**
 * One day's learning cells: a view is a (child, lesson) pair with watching that day, minutes are the
 * heartbeats' seconds, a completion is progress that first became complete that day.
 */
export function learningCellsOf(inputs: LearningInputs): LearningCellRecord[] {
  const cells = new Map<string, Building<LearningCellRecord>>();
  const make = (dimensions: LearningDimensions) => () => ({
    day: inputs.day,
    ...dimensions,
    ...emptyLearningTally(),
  });
  const viewed = new Set<string>();
  for (const beat of inputs.heartbeats) {
    const { dimensions, key } = learningDimensions(inputs, beat.householdId, beat.lessonId);
    const building = cellFor(cells, key, make(dimensions));
    building.cell.watchedSeconds += beat.watchedSeconds;
    building.households.add(hashHousehold(beat.householdId));
    const view = `${beat.profileId}\u0000${beat.lessonId}`;
    if (!viewed.has(view)) {
      viewed.add(view);
      building.cell.views += 1;
    }
  }
  for (const progress of inputs.completions) {
    const { dimensions, key } = learningDimensions(inputs, progress.householdId, progress.lessonId);
    const building = cellFor(cells, key, make(dimensions));
    building.cell.completions += 1;
    building.households.add(hashHousehold(progress.householdId));
  }
  return finish(cells);
}
