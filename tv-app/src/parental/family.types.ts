// The family contract's shapes the parental screens use (docs/family.md). A copy until the contract module
// lands on main; then these become type-only imports from it, like api/types.ts does for the device API.
export type Bedtime = { start: string; end: string };
export type AllowList = { subjectIds: string[]; sectionIds: string[] };

export type Controls = {
  dailyQuotaMinutes: number | null;
  breakEveryMinutes: number;
  breakMinutes: number;
  bedtime: Bedtime | null;
  allowList: AllowList | null;
};

export type Profile = {
  id: string;
  kind: 'child' | 'adult';
  name: string;
  avatar: string;
  color: string;
  gradeId?: string;
  editions: Record<string, string>;
  controls: Controls;
};

export type Household = {
  id: string;
  region?: string;
  timeZone: string;
  pinSet: boolean;
  profiles: Profile[];
};

export type Usage = {
  profileId: string;
  date: string;
  usedSeconds: number;
  quotaSeconds: number | null;
  remainingSeconds: number | null;
  secondsSinceBreak: number;
  breakDue: boolean;
  breakEndsAt: string | null;
  bedtime: boolean;
  allowed: boolean;
  serverTime: string;
};
