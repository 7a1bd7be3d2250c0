import type { CodecFamily, PackagedAsset } from '@ketang/catalog';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseJobOptions, type JobOptions, type JobOptionsInput } from './config/job-options.schema.ts';
import { encodeAudio, encodeFamilies, encodeStep } from './encode/encode.ts';
import { PackagerError } from './errors.ts';
import { translate } from './i18n/messages.ts';
import { checkCaptions } from './job/captions.ts';
import { JobContext, type ProgressEvent } from './job/job-context.ts';
import { newJobState } from './job/job-state.ts';
import { JobStore } from './job/job-store.ts';
import { runWithConcurrency, throwFirstFailure } from './job/run-queue.ts';
import { analysesAtOnce, planEncodePhases, publishesH264Early } from './job/schedule.ts';
import { planStepWeights } from './job/step-weights.ts';
import { ASSET_JSON } from './package/layout.ts';
import { packageAsset } from './package/package.ts';
import type { FamilyPlan, JobPlan } from './plan/job-plan.ts';
import { planJob } from './plan/plan.ts';
import { checkDecodable, probeSource } from './probe/probe.ts';
import { parseProgressSeconds } from './process/progress.ts';
import { resolveToolPaths, type ToolPaths } from './process/tools.ts';
import { buildPackagedAsset } from './publish/asset-json.ts';
import { LocalPublisher, removeStalePublishDirs } from './publish/local-publisher.ts';
import type { Publisher } from './publish/publisher.ts';
import { registerAsset } from './publish/register.ts';
import { analyseFamily } from './validate/analyse-family.ts';
import type { QualityReport } from './validate/quality-report.ts';
import { validateOutput } from './validate/validate-output.ts';

export interface PackageTitleOptions extends JobOptionsInput {
  onProgress?: (event: ProgressEvent) => void;
  tools?: ToolPaths;
  publisher?: Publisher;
}

export interface PackageTitleResult {
  asset: PackagedAsset;
  assetDir: string;
  report: QualityReport;
  /** What was done to the source so boxes can play it (translated). */
  notes: string[];
  /** Steps skipped because an earlier run of this job had finished them. */
  resumedSteps: string[];
}

/** Packages one title end to end (plan → encode → package → validate → publish → register), resumably. */
export async function packageTitle(input: PackageTitleOptions): Promise<PackageTitleResult> {
  const { onProgress, tools, publisher, ...jobInput } = input;
  const options = parseJobOptions(jobInput);
  const store = new JobStore(options.jobsRoot);
  const unlock = await store.lock(options.assetId);
  try {
    const previous = await store.read(options.assetId);
    const key = optionsKey(options);
    const state =
      previous?.optionsKey === key
        ? previous
        : newJobState(options.assetId, options.input, key, new Date().toISOString());
    const resumedSteps = [...state.doneSteps];
    const deps = {
      options,
      tools: tools ?? resolveToolPaths(),
      store,
      publisher: publisher ?? new LocalPublisher(options.outRoot),
      state,
    };
    const context = new JobContext(deps, onProgress ?? (() => {}));
    return { ...(await runJob(context)), resumedSteps };
  } finally {
    await unlock();
  }
}

async function runJob(context: JobContext): Promise<Omit<PackageTitleResult, 'resumedSteps'>> {
  const { state } = context;
  state.status = 'running';
  delete state.error;
  await context.save();
  try {
    await removeStalePublishDirs(context.options.outRoot, state.assetId);
    const plan = await planStep(context);
    const phases = planEncodePhases(
      plan.families.map((f) => f.family),
      plan.fixes.height,
      context.options.h264First,
    );
    context.setStepWeights(planStepWeights(plan, phases));
    // The audio (one light ffmpeg) encodes beside the video instead of before it; the first publish needs it.
    const audio = context.runStep('encode:audio', () =>
      encodeAudio(context.tools, plan, context.jobDir, (s) =>
        context.report('encode:audio', s / plan.durationSeconds),
      ),
    );
    const video = (async () => {
      for (const [index, phase] of phases.entries()) {
        await encodeAndAnalyse(context, plan, phase);
        // With h264First, every box can play the title while the other families encode.
        if (index === 0 && publishesH264Early(phases)) {
          await audio;
          await publishStep(context, plan, ['h264']);
        }
      }
    })();
    throwFirstFailure(await Promise.allSettled([audio, video]));
    const result = await publishStep(
      context,
      plan,
      plan.families.map((f) => f.family),
    );
    state.status = 'done';
    state.stage = 'done';
    await context.save();
    return result;
  } catch (error) {
    state.status = 'failed';
    state.error = describeError(error);
    await context.save();
    throw error;
  }
}

async function planStep(context: JobContext): Promise<JobPlan> {
  await context.runStep('plan', async () => {
    const { options, tools } = context;
    const source = await probeSource(tools.ffprobe, options.input);
    await checkDecodable(tools.ffmpeg, options.input);
    const captions = await checkCaptions(options.captions);
    context.state.plan = planJob(source, { ...options, captions });
  });
  if (!context.state.plan) throw new Error('plan step finished without a plan');
  return context.state.plan;
}

/** Encodes the families in one process (one decode), then analyses them side by side. */
async function encodeAndAnalyse(context: JobContext, plan: JobPlan, families: CodecFamily[]): Promise<void> {
  const familyPlans = plan.families.filter((f) => families.includes(f.family));
  const pending = familyPlans.filter((f) => !context.state.doneSteps.includes(encodeStep(f)));
  try {
    await encodeInOneProcess(context, plan, pending);
  } catch (error) {
    if (pending.length <= 1) throw error;
    // One encoder failing stops the whole process: encode each family alone, to keep the ones that work for
    // the resume and name the one that fails.
    const alone = pending.map((familyPlan) => () => encodeInOneProcess(context, plan, [familyPlan]));
    throwFirstFailure(await runWithConcurrency(alone, 1));
  }
  const fractionOf = (seconds: number) => seconds / plan.durationSeconds;
  const analyses = familyPlans.map((familyPlan) => () => {
    const step = `analyse:${familyPlan.family}`;
    return context.runStep(step, async () => {
      const onLine = (line: string) => {
        const seconds = parseProgressSeconds(line);
        if (seconds !== undefined) context.report(step, fractionOf(seconds));
      };
      const frames = context.options.qualityFrames;
      const analysis = await analyseFamily(context.tools, plan, familyPlan, context.jobDir, onLine, frames);
      Object.assign(context.state.analysis, analysis);
    });
  });
  throwFirstFailure(await runWithConcurrency(analyses, analysesAtOnce(plan.fixes.height)));
}

async function encodeInOneProcess(context: JobContext, plan: JobPlan, families: FamilyPlan[]): Promise<void> {
  if (families.length === 0) return;
  const steps = families.map(encodeStep);
  await context.runSteps(steps, () =>
    encodeFamilies(context.tools, plan, families, context.jobDir, (seconds) => {
      for (const step of steps) context.report(step, seconds / plan.durationSeconds);
    }),
  );
}

/**
 * Packages the families ready so far, validates, publishes atomically and registers. Re-run at the end
 * (and on resume) because packaging is hundreds of times faster than real time.
 */
async function publishStep(
  context: JobContext,
  plan: JobPlan,
  families: CodecFamily[],
): Promise<Omit<PackageTitleResult, 'resumedSteps'>> {
  const step = families.length === plan.families.length ? 'publish:all' : 'publish:h264';
  let result: Omit<PackageTitleResult, 'resumedSteps'> | undefined;
  const publish = async () => {
    const staging = path.join(context.jobDir, 'staging');
    await packageAsset(context.tools, plan, families, context.jobDir, staging);
    const output = await validateOutput(plan, families, staging, context.state.analysis);
    const asset = buildPackagedAsset(plan, output, context.options.title, new Date().toISOString());
    await writeFile(path.join(staging, ASSET_JSON), JSON.stringify(asset, null, 2) + '\n');
    const assetDir = await context.publisher.publish(staging, plan.assetId);
    context.state.publishedFamilies = families;
    const registered = context.options.registration
      ? await registerAsset(asset, context.options.registration)
      : asset;
    result = { asset: registered, assetDir, report: output.report, notes: describeNotes(plan) };
  };
  // The final publish always runs (it is cheap and its result is the job's answer); the H.264 one only once.
  if (step === 'publish:all') context.state.doneSteps = context.state.doneSteps.filter((s) => s !== step);
  await context.runStep(step, publish);
  if (!result && step === 'publish:all') throw new Error('publish finished without a result');
  return result as Omit<PackageTitleResult, 'resumedSteps'>;
}

function describeNotes(plan: JobPlan): string[] {
  return plan.fixes.notes.map((note) => translate(note.key, note.params));
}

function describeError(error: unknown): { code: string; message: string; details?: unknown } {
  if (error instanceof PackagerError)
    return { code: error.code, message: error.message, details: error.details };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** Everything that changes the output; the registration token and the encode order deliberately do not. */
function optionsKey(options: JobOptions): string {
  const { registration: _registration, outRoot: _outRoot, h264First: _h264First, ...rest } = options;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 16);
}
