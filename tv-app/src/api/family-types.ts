// The family API's shapes under the TV's names (docs/family.md): types only, from the one contract.
import type * as Contract from '@ketang/contract';

export type Controls = Contract.Controls;
export type Profile = Contract.Profile;
export type ProfileKind = Profile['kind'];
export type Household = Contract.Household;
export type CreatedHousehold = Contract.CreatedHousehold;
export type NewProfile = Pick<Contract.CreateProfileBody, 'kind' | 'name' | 'avatar' | 'gradeId'>;

export type Heartbeat = Contract.Heartbeat;
export type HeartbeatReason = Heartbeat['reason'];
export type Usage = Contract.Usage;
export type HeartbeatAnswer = Contract.HeartbeatAnswer;
export type LessonProgress = Contract.LessonProgress;

/** A lesson of today's list with its one-line reason (the server words it in both languages). */
export type TodayItem = Contract.TodayItem;
/** A child's home: today's lessons, then the catalogue rails (lesson summaries may carry `progress`). */
export type ProfileHome = Contract.ProfileHome;
