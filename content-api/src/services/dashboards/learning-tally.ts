import { EMPTY_HOUSEHOLDS, mergeHouseholds, type HouseholdSet } from './household-set.ts';

/** What a learning cell adds up: lessons started, completed, seconds watched, by distinct households. */
export type LearningTally = {
  views: number;
  completions: number;
  watchedSeconds: number;
  households: HouseholdSet;
};

export const LEARNING_DIMENSIONS = ['region', 'county', 'stage', 'grade', 'subject'] as const;
export type LearningDimensions = Record<(typeof LEARNING_DIMENSIONS)[number], string>;

export const emptyLearningTally = (): LearningTally => ({
  views: 0,
  completions: 0,
  watchedSeconds: 0,
  households: EMPTY_HOUSEHOLDS,
});

/** Adds `from` into `into` (mutates `into`, never `from`). */
export function addLearningTally(into: LearningTally, from: LearningTally): LearningTally {
  into.views += from.views;
  into.completions += from.completions;
  into.watchedSeconds += from.watchedSeconds;
  into.households = mergeHouseholds(into.households, from.households);
  return into;
}
