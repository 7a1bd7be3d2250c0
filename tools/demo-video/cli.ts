import { parseArgs } from 'node:util';
import { DemoVideoError, generateDemoLessons } from './generate-demo-video.ts';

const USAGE = `Usage: tsx tools/demo-video/cli.ts --out <dir> [--only <id>[,<id>…]] [--force] [--lessons <file>]

Generates the synthetic demo lessons (slides, narration, captions, H.264/AAC MP4) and <dir>/manifest.json.
Lessons whose outputs are current are skipped unless --force is given.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      only: { type: 'string', multiple: true },
      force: { type: 'boolean', default: false },
      lessons: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.out) {
    console.error(`error: --out is required\n\n${USAGE}`);
    return 2;
  }
  const only = values.only?.flatMap((list) => list.split(',')).filter(Boolean);
  const result = await generateDemoLessons({
    outDir: values.out,
    force: values.force,
    ...(only ? { only } : {}),
    ...(values.lessons ? { lessonsFile: values.lessons } : {}),
    onProgress: ({ id, status, elapsedSeconds }) =>
      console.log(
        elapsedSeconds === undefined ? `${status} ${id}…` : `${status} ${id} (${elapsedSeconds} s)`,
      ),
  });
  const generated = result.lessons.filter((lesson) => lesson.status === 'generated').length;
  console.log(
    `${result.manifest.lessons.length} lessons in ${result.manifestPath}; ` +
      `${generated} generated, ${result.lessons.length - generated} cached, ${result.elapsedSeconds} s`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof DemoVideoError ? `error: ${error.message}` : error);
    process.exit(1);
  },
);
