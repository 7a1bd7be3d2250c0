import { DraftSlotsBodySchema, type TimetableImportResult } from '@ketang/contract';
import { NotFoundError } from '../../errors.ts';
import { requireAbility, type Principal } from '../auth.service.ts';
import type { Scope } from '../releases/scope.ts';
import { toDraftSlots, type DraftSlot } from './draft-slots.ts';
import { InvalidTimetableError } from './invalid-timetable.error.ts';
import { createLessonLookup, type LessonRef } from './lesson-lookup.ts';
import { toRowProblems } from './map-draft-problems.ts';
import { parseTimetable, type TimetableFormat } from './parse-timetable.ts';
import { buildCsvTemplate, buildXlsxTemplate, TIMETABLE_MEDIA_TYPES } from './timetable-template.ts';

/** As many days as the draft replaces in one write: read off its body schema, so the two never differ. */
export const MAX_IMPORT_DAYS = DraftSlotsBodySchema.shape.days.maxValue ?? Number.POSITIVE_INFINITY;

/** What an import needs of the channel it fills. */
export type ImportChannel = {
  id: string;
  title: { zh: string; en?: string };
  gradeIds: readonly string[];
  timeZone: string;
};

export type DraftSlotsInput = { from: string; days: number; slots: DraftSlot[] };

/** What the service reaches: the channel, its grades' lessons in the region, and the draft's one write. */
export type TimetableImportDeps = {
  findChannel(principal: Principal, scope: Scope, channelId: string): Promise<ImportChannel | undefined>;
  lessonsOf(region: string, gradeIds: readonly string[]): Promise<LessonRef[]>;
  replaceDraftSlots(
    principal: Principal,
    scope: Scope,
    channelId: string,
    input: DraftSlotsInput,
  ): Promise<unknown>;
  clock?: () => Date;
};

export type TimetableUpload = { bytes: Buffer; format: TimetableFormat; dryRun: boolean };

/** Reads a bureau's timetable file into a channel's draft: all of it, or nothing. */
export class TimetableImportService {
  constructor(private readonly deps: TimetableImportDeps) {}

  private async channelOf(principal: Principal, scope: Scope, channelId: string) {
    // Who may write a channel's draft slots may import them, and fetch the template.
    requireAbility(principal, 'editSchedule');
    const channel = await this.deps.findChannel(principal, scope, channelId);
    if (!channel) throw new NotFoundError('channel', channelId);
    return channel;
  }

  async importTimetable(
    principal: Principal,
    scope: Scope,
    channelId: string,
    upload: TimetableUpload,
  ): Promise<TimetableImportResult> {
    const channel = await this.channelOf(principal, scope, channelId);
    const lessons = createLessonLookup(await this.deps.lessonsOf(scope.region, channel.gradeIds));
    const channelNames = [channel.id, channel.title.zh, channel.title.en].filter(
      (name): name is string => !!name,
    );
    const parsed = await parseTimetable(upload.bytes, upload.format, {
      lessons,
      channelNames,
      maxDays: MAX_IMPORT_DAYS,
    });
    if (!parsed.isValid) throw new InvalidTimetableError(parsed.problems);
    const slots = toDraftSlots(parsed.slots, channel.timeZone);
    if (!upload.dryRun) {
      try {
        await this.deps.replaceDraftSlots(principal, scope, channel.id, {
          from: parsed.from,
          days: parsed.days,
          slots,
        });
      } catch (error) {
        const problems = toRowProblems(error, parsed.slots);
        throw problems ? new InvalidTimetableError(problems) : error;
      }
    }
    return {
      from: parsed.from,
      days: parsed.days,
      slots: slots.length,
      dryRun: upload.dryRun,
      warnings: parsed.warnings,
      items: slots.map((slot, index) => ({ row: parsed.slots[index]!.row, ...slot })),
    };
  }

  /** A template with the headers and one example row: the channel's first lesson, on the next day. */
  async template(principal: Principal, scope: Scope, channelId: string, format: TimetableFormat) {
    const channel = await this.channelOf(principal, scope, channelId);
    const [lesson] = await this.deps.lessonsOf(scope.region, channel.gradeIds);
    const tomorrow = new Date((this.deps.clock?.() ?? new Date()).getTime() + 24 * 3600 * 1000);
    const example = {
      date: tomorrow.toISOString().slice(0, 10),
      lessonId: lesson?.id ?? 'lesson-id',
      title: lesson?.title.zh ?? '课程名称',
    };
    const bytes = format === 'csv' ? buildCsvTemplate(example) : await buildXlsxTemplate(example);
    return { bytes, mediaType: TIMETABLE_MEDIA_TYPES[format], fileName: `timetable-${channel.id}.${format}` };
  }
}
