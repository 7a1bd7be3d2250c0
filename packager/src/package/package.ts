import type { CodecFamily } from '@ketang/catalog';
import { copyFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JobPlan } from '../plan/job-plan.ts';
import { runProcess } from '../process/spawn.ts';
import type { ToolPaths } from '../process/tools.ts';
import { buildPosterArgs } from '../encode/poster-args.ts';
import { MANIFEST_MPD, POSTER_JPG, sideloadCaption, THUMBNAILS_DIR, THUMBNAILS_VTT } from './layout.ts';
import { buildPackagerArgs } from './packager-args.ts';
import { buildThumbnailsVtt, spriteFileName } from './thumbnails-vtt.ts';
import { fixTrickPlayReferences } from './trick-play-references.ts';
import { createLogger } from '../logger.ts';

const log = createLogger('package');

/**
 * Packages the families ready so far into a fresh staging directory: Shaka Packager for segments and
 * manifests, plus side-loadable captions, the thumbnail sprites with their WebVTT track, and a poster frame.
 */
export async function packageAsset(
  tools: ToolPaths,
  plan: JobPlan,
  families: readonly CodecFamily[],
  jobDir: string,
  stagingDir: string,
): Promise<void> {
  await rm(stagingDir, { recursive: true, force: true });
  await mkdir(stagingDir, { recursive: true });
  const args = buildPackagerArgs(plan, families, {
    renditionPath: (rendition) => path.join(jobDir, rendition.file),
    audioPath: path.join(jobDir, plan.audio.file),
    captionPath: (language) => captionInputPath(plan, language),
  });
  // The poster (one decoded frame of the source) is made while Shaka Packager runs, not after it.
  await Promise.all([
    runProcess(tools.ffmpeg, buildPosterArgs(plan, path.join(stagingDir, POSTER_JPG)), {
      stage: 'package:poster',
    }),
    (async () => {
      await runProcess(tools.shakaPackager, args, {
        stage: `package:${families.join('+')}`,
        cwd: stagingDir,
      });
      await finaliseMpd(stagingDir);
    })(),
  ]);
  await copyCaptions(plan, stagingDir);
  await copyThumbnails(plan, jobDir, stagingDir);
}

/** The one place the MPD is finalised after Shaka Packager: trick-play sets pointed at their own family. */
async function finaliseMpd(stagingDir: string): Promise<void> {
  const file = path.join(stagingDir, MANIFEST_MPD);
  const { xml, fixed } = fixTrickPlayReferences(await readFile(file, 'utf8'));
  if (fixed.length === 0) return;
  await writeFile(file, xml);
  log.debug(
    { fixed: fixed.map((r) => `${r.name} (AdaptationSet ${r.id}): ${r.references} → ${r.expected}`) },
    'trick-play references rewritten',
  );
}

function captionInputPath(plan: JobPlan, language: string): string {
  const caption = plan.captions.find((c) => c.language === language);
  if (!caption) throw new Error(`no caption planned for ${language}`);
  return caption.file;
}

async function copyCaptions(plan: JobPlan, stagingDir: string): Promise<void> {
  for (const caption of plan.captions) {
    const target = path.join(stagingDir, sideloadCaption(caption.language));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(caption.file, target);
  }
}

async function copyThumbnails(plan: JobPlan, jobDir: string, stagingDir: string): Promise<void> {
  const target = path.join(stagingDir, THUMBNAILS_DIR);
  await cp(path.join(jobDir, path.dirname(plan.thumbnails.spritePattern)), target, { recursive: true });
  const vtt = buildThumbnailsVtt(plan.thumbnails, plan.durationSeconds, spriteFileName);
  await writeFile(path.join(stagingDir, THUMBNAILS_VTT), vtt);
}
