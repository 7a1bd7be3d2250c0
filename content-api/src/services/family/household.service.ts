import { randomUUID } from 'node:crypto';
import { ConflictError, InvalidRequestError, type ErrorDetail } from '../../errors.ts';
import {
  AVATARS,
  type Controls,
  type CreateProfileBody,
  type Household,
  type PatchProfileBody,
  type Profile,
} from '@ketang/contract';
import type { HeartbeatStore } from '../../stores/heartbeat.store.ts';
import type { HouseholdRecord, HouseholdStore } from '../../stores/household.store.ts';
import type { ProfileRecord, ProfileStore } from '../../stores/profile.store.ts';
import type { ProgressStore } from '../../stores/progress.store.ts';
import type { UsageStore } from '../../stores/usage.store.ts';
import type { CatalogueView, CatalogueViews } from '../catalogue-view.ts';
import { defaultControls } from './controls.ts';
import type { BoxCredentials, FamilyAuth } from './family-auth.ts';
import type { HouseholdAccess } from './household-access.ts';

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const MAX_PROFILES = 8;

export function toProfile(record: ProfileRecord): Profile {
  const avatar = AVATARS.find((candidate) => candidate.id === record.avatar) ?? AVATARS[0];
  return {
    id: record.id,
    kind: record.kind,
    name: record.name,
    avatar: avatar.id,
    color: avatar.color,
    ...(record.gradeId ? { gradeId: record.gradeId } : {}),
    editions: record.editions,
    controls: record.controls,
  };
}

function toHousehold(household: HouseholdRecord, profiles: ProfileRecord[]): Household {
  return {
    id: household.id,
    ...(household.region ? { region: household.region } : {}),
    timeZone: household.timeZone,
    pinSet: Boolean(household.pinHash),
    profiles: profiles.map(toProfile),
  };
}

/** A new household's record: first start and activation by code make them the same way. */
export function newHouseholdRecord(
  fields: Partial<Pick<HouseholdRecord, 'region' | 'timeZone' | 'county' | 'carrier' | 'externalRef'>>,
  now: Date,
): HouseholdRecord {
  const { timeZone, ...rest } = fields;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  return {
    id: randomUUID(),
    ...defined,
    timeZone: timeZone ?? DEFAULT_TIME_ZONE,
    createdAt: now.toISOString(),
  };
}

/** Households and their profiles: first start, the profile list, and the parent's changes to profiles. */
export class HouseholdService {
  constructor(
    private readonly access: HouseholdAccess,
    private readonly stores: {
      households: HouseholdStore;
      profiles: ProfileStore;
      progress: ProgressStore;
      usage: UsageStore;
      heartbeats: HeartbeatStore;
    },
    private readonly credentials: BoxCredentials,
    private readonly views: CatalogueViews,
    private readonly clock: () => Date,
  ) {}

  /** First start of a box: a new household and the box's credential, answered once. */
  async create(body: { region?: string; timeZone?: string }) {
    const now = this.clock();
    const household = newHouseholdRecord(body, now);
    await this.stores.households.save(household);
    const deviceId = randomUUID();
    const token = await this.credentials.issue(household.id, deviceId, 'first-start', now);
    return { household: toHousehold(household, []), token, deviceId };
  }

  async get(auth: FamilyAuth): Promise<Household> {
    const [household, profiles] = await Promise.all([
      this.access.household(auth),
      this.stores.profiles.ofHousehold(auth.householdId),
    ]);
    return toHousehold(household, profiles);
  }

  async createProfile(auth: FamilyAuth, body: CreateProfileBody): Promise<Profile> {
    const household = await this.access.household(auth);
    const view = await this.views.current(household.region);
    const problems = [...gradeProblems(view, body), ...editionProblems(view, body.editions ?? {})];
    if (body.kind === 'child' && !body.gradeId)
      problems.push({ path: 'body.gradeId', message: 'a child profile needs a grade' });
    if (problems.length > 0) throw invalid(problems);
    const existing = await this.stores.profiles.ofHousehold(household.id);
    if (existing.length >= MAX_PROFILES)
      throw new ConflictError(`a household has at most ${MAX_PROFILES} profiles`);
    const grade = body.gradeId ? view.facets.get(body.gradeId) : undefined;
    const record: ProfileRecord = {
      id: randomUUID(),
      householdId: household.id,
      kind: body.kind,
      name: body.name,
      avatar: body.avatar,
      ...(body.gradeId ? { gradeId: body.gradeId } : {}),
      editions: body.editions ?? {},
      controls: defaultControls(grade?.stageId ? view.facets.get(grade.stageId) : undefined),
      createdAt: this.clock().toISOString(),
    };
    await this.stores.profiles.save(record);
    return toProfile(record);
  }

  async patchProfile(auth: FamilyAuth, profileId: string, body: PatchProfileBody): Promise<Profile> {
    const [household, profile] = await Promise.all([
      this.access.household(auth),
      this.access.profile(auth, profileId),
    ]);
    const view = await this.views.current(household.region);
    const problems = [...gradeProblems(view, body), ...editionProblems(view, body.editions ?? {})];
    if (problems.length > 0) throw invalid(problems);
    const record = { ...profile, ...body };
    await this.stores.profiles.save(record);
    return toProfile(record);
  }

  async setControls(auth: FamilyAuth, profileId: string, controls: Controls): Promise<Profile> {
    const [household, profile] = await Promise.all([
      this.access.household(auth),
      this.access.profile(auth, profileId),
    ]);
    const problems = allowListProblems(await this.views.current(household.region), controls.allowList);
    if (problems.length > 0) throw invalid(problems);
    const record = { ...profile, controls };
    await this.stores.profiles.save(record);
    return toProfile(record);
  }

  /** Deletes a profile with its progress, usage and heartbeats. */
  async deleteProfile(auth: FamilyAuth, profileId: string): Promise<void> {
    const profile = await this.access.profile(auth, profileId);
    await Promise.all([
      this.stores.progress.deleteProfile(profile.id),
      this.stores.usage.deleteProfile(profile.id),
      this.stores.heartbeats.deleteProfile(profile.id),
    ]);
    await this.stores.profiles.delete(auth.householdId, profile.id);
  }
}

const invalid = (details: ErrorDetail[]) =>
  new InvalidRequestError(`invalid body: ${details.map((detail) => detail.path).join(', ')}`, details);

function hasFacet(view: CatalogueView, id: string, kind: string): boolean {
  return view.facets.get(id)?.kind === kind;
}

function gradeProblems(view: CatalogueView, body: { gradeId?: string }): ErrorDetail[] {
  return body.gradeId && !hasFacet(view, body.gradeId, 'grade')
    ? [{ path: 'body.gradeId', message: `"${body.gradeId}" is not a grade of the catalogue` }]
    : [];
}

function editionProblems(view: CatalogueView, editions: Record<string, string>): ErrorDetail[] {
  return Object.entries(editions).flatMap(([subjectId, editionId]) =>
    hasFacet(view, subjectId, 'subject') && hasFacet(view, editionId, 'edition')
      ? []
      : [
          {
            path: `body.editions.${subjectId}`,
            message: 'a subject id mapped to an edition id of the catalogue',
          },
        ],
  );
}

function allowListProblems(view: CatalogueView, allowList: Controls['allowList']): ErrorDetail[] {
  if (!allowList) return [];
  return [
    ...allowList.subjectIds
      .filter((id) => !hasFacet(view, id, 'subject'))
      .map((id) => ({ path: 'body.allowList.subjectIds', message: `"${id}" is not a subject` })),
    ...allowList.sectionIds
      .filter((id) => !view.sections.has(id))
      .map((id) => ({ path: 'body.allowList.sectionIds', message: `"${id}" is not a section` })),
  ];
}
