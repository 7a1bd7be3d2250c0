import type { HomeLayout, HomeLayoutBody } from '@ketang/contract';
import { InvalidRequestError, NotFoundError } from '../../errors.ts';
import type { AuditStore } from '../../stores/audit.store.ts';
import type { DraftStore } from '../../stores/draft.store.ts';
import { requireAbility, type Principal } from '../auth.service.ts';
import { auditDraftChange } from '../releases/draft-audit.ts';
import type { CatalogueViews } from '../catalogue-view.ts';
import type { DraftService } from '../releases/draft.service.ts';
import { scopeKey, type Scope } from '../releases/scope.ts';
import { BUILT_IN_RAILS } from './built-in-layout.ts';

type Clock = () => Date;

/**
 * A scope's draft home layouts, one per stage (or `all`): part of the scope's draft, so they start as a copy of
 * what its devices see, go into its next release with the channels, and show on a box pairing with its code.
 */
export class LayoutDraftService {
  constructor(
    private readonly drafts: DraftStore,
    private readonly draftService: DraftService,
    private readonly views: CatalogueViews,
    private readonly audit: AuditStore,
    private readonly clock: Clock = () => new Date(),
  ) {}

  async list(principal: Principal, scope: Scope) {
    requireAbility(principal, 'readSchedule');
    const { layouts } = await this.draftService.asChannelSet(scope);
    return {
      region: scope.region,
      carrier: scope.carrier,
      items: [...layouts],
      builtIn: [...BUILT_IN_RAILS],
    };
  }

  async get(principal: Principal, scope: Scope, stage: string): Promise<HomeLayout> {
    requireAbility(principal, 'readSchedule');
    const { layouts } = await this.draftService.asChannelSet(scope);
    const layout = layouts.find((candidate) => candidate.stage === stage);
    if (!layout) throw new NotFoundError('layout', stage);
    return layout;
  }

  /**
   * Replaces one stage's draft layout, all or nothing: an unknown stage or lesson is a 400 naming it (the rail's
   * index and the lesson's), and nothing is written.
   */
  async put(principal: Principal, scope: Scope, stage: string, body: HomeLayoutBody): Promise<HomeLayout> {
    requireAbility(principal, 'editLayouts');
    await this.check(scope.region, stage, body);
    await this.draftService.ensureDraft(scope);
    const key = scopeKey(scope);
    const before = (await this.drafts.listLayouts(key)).find((layout) => layout.stage === stage);
    const layout: HomeLayout = {
      stage,
      rails: body.rails,
      updatedAt: this.clock().toISOString(),
      updatedBy: principal.actor,
    };
    await this.drafts.putLayout(key, layout);
    await this.record(principal, 'draft.layout.put', scope, stage, before, layout);
    return layout;
  }

  /** Removes a stage's draft layout: its homes follow the layout for every stage, else the built-in one. */
  async remove(principal: Principal, scope: Scope, stage: string): Promise<void> {
    requireAbility(principal, 'editLayouts');
    const { layouts } = await this.draftService.asChannelSet(scope);
    const before = layouts.find((layout) => layout.stage === stage);
    if (!before) throw new NotFoundError('layout', stage);
    await this.draftService.ensureDraft(scope);
    await this.drafts.removeLayout(scopeKey(scope), stage);
    await this.record(principal, 'draft.layout.remove', scope, stage, before, undefined);
  }

  private async check(region: string, stage: string, body: HomeLayoutBody): Promise<void> {
    const view = await this.views.current(region);
    const problems: { path: string; message: string }[] = [];
    if (stage !== 'all' && !view.tree.some((node) => node.id === stage))
      problems.push({ path: 'params.stage', message: `unknown stage "${stage}"` });
    body.rails.forEach((rail, index) => {
      if (rail.kind !== 'curated') return;
      rail.lessonIds.forEach((lessonId, position) => {
        if (!view.lessons.get(lessonId))
          problems.push({
            path: `body.rails.${index}.lessonIds.${position}`,
            message: `unknown lesson "${lessonId}"`,
          });
      });
    });
    if (problems.length > 0)
      throw new InvalidRequestError(
        `the layout has ${problems.length} problem(s); nothing was changed`,
        problems,
      );
  }

  private record(
    principal: Principal,
    action: string,
    scope: Scope,
    stage: string,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    return auditDraftChange(this.audit, principal, {
      action,
      scope,
      kind: 'layout',
      id: stage,
      before,
      after,
    });
  }
}
