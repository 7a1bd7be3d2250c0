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

export function mergeLearningTallies(a: LearningTally, b: LearningTally): LearningTally {
  return {
    views: a.views + b.views,
    completions: a.completions + b.completions,
    watchedSeconds: a.watchedSeconds + b.watchedSeconds,
    households: mergeHouseholds(a.households, b.households),
  };
}
