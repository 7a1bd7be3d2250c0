import { describe, expect, it } from 'vitest';
import { assetIdFromFile, parseCliArgs } from './parse-cli-args.ts';
import { formatDuration, formatLine } from './progress-view.ts';

const env = { KETANG_MEDIA_DIR: '/srv/media', KETANG_PACKAGER_JOBS_DIR: '/srv/jobs' };

describe('parseCliArgs', () => {
  it('builds one job per input with ids from file names and shared options', () => {
    const command = parseCliArgs(
      [
        'package',
        'in/第1课 lesson 01.mp4',
        'b.mov',
        '--codecs',
        'h264,av1',
        '--captions',
        'zh.vtt:zh-CN',
        '--concurrency',
        '2',
        '--h264-first',
        '--quality-every-frame',
      ],
      { ...env, KETANG_API_BASE: 'http://127.0.0.1:8080', KETANG_OPERATOR_TOKEN: 't' },
    );
    expect(command).toMatchObject({ command: 'package', concurrency: 2 });
    if (command.command !== 'package') return;
    expect(command.jobs.map((j) => j.assetId)).toEqual(['1-lesson-01', 'b']);
    expect(command.jobs[0]).toMatchObject({
      codecs: ['h264', 'av1'],
      captions: [{ file: 'zh.vtt', language: 'zh-CN' }],
      outRoot: '/srv/media',
      jobsRoot: '/srv/jobs',
      registration: { apiBase: 'http://127.0.0.1:8080', token: 't' },
      h264First: true,
      qualityFrames: 'every',
    });
    const plain = parseCliArgs(['package', 'a.mp4'], env);
    expect(plain.command === 'package' && plain.jobs[0]).not.toHaveProperty('h264First');
    expect(plain.command === 'package' && plain.jobs[0]).not.toHaveProperty('qualityFrames');
  });

  it('lists jobs, shows help, and names bad arguments', () => {
    expect(parseCliArgs(['jobs'], env)).toEqual({ command: 'jobs', jobsRoot: '/srv/jobs' });
    expect(parseCliArgs([], env)).toEqual({ command: 'help' });
    expect(() => parseCliArgs(['package'], env)).toThrow(/input/);
    expect(() => parseCliArgs(['package', 'a.mp4', 'b.mp4', '--id', 'x'], env)).toThrow(/--id/);
    expect(() => parseCliArgs(['package', 'a.mp4', '--captions', 'zh.vtt'], env)).toThrow(
      /FILE\.vtt:LANGUAGE/,
    );
    expect(() => parseCliArgs(['encode'], env)).toThrow(/encode/);
  });

  it('derives safe asset ids', () => {
    expect(assetIdFromFile('/x/--Math  Unit 3.final.mp4')).toBe('Math-Unit-3.final');
  });
});

describe('progress view', () => {
  it('draws a bar with percentage, stage and ETA', () => {
    const line = formatLine('lesson-01', { stage: 'encode:hevc', fraction: 0.5, etaSeconds: 80 });
    expect(line).toMatch(/^lesson-01\s+\[#{12}-{12}\] {2}50% encode:hevc .*1m20s/);
    expect(formatDuration(3725)).toBe('1h02m');
  });
});
