import { describe, expect, it } from 'vitest';
import { buildLessonEncodeArgs, buildLessonFilterGraph } from './lesson-encode.ts';
import { VIDEO_PROFILES } from './render-profile.ts';
import { buildSlideRenderArgs, escapeFilterValue } from './slide-render.ts';
import { buildTimeline } from './timeline.ts';

const input = {
  slidePngs: ['/work/slide-0.png', '/work/slide-1.png'],
  narrationWav: '/work/narration.wav',
  timeline: buildTimeline([{ zh: 2.5 }, { zh: 1, en: 1 }], 25, {
    leadInSeconds: 0,
    gapSeconds: 0,
    tailSeconds: 0,
  }),
  profile: VIDEO_PROFILES['1080p'],
  accentColour: '0x1E5AA8',
  progressBarHeight: 14,
  outputMp4: '/out/video.mp4',
};

describe('buildLessonFilterGraph', () => {
  it('repeats each slide for its frames, concatenates them and overlays a progress bar', () => {
    expect(buildLessonFilterGraph(input).split(';')).toEqual([
      '[0:v]scale=out_color_matrix=bt709:out_range=tv,format=yuv420p,setsar=1,loop=loop=62:size=1:start=0,setpts=N/25/TB[s0]',
      '[1:v]scale=out_color_matrix=bt709:out_range=tv,format=yuv420p,setsar=1,loop=loop=49:size=1:start=0,setpts=N/25/TB[s1]',
      '[s0][s1]concat=n=2:v=1:a=0[slides]',
      'color=c=0x1E5AA8:s=1920x14:r=25,format=yuv420p[bar]',
      "[slides][bar]overlay=x='W*(t+1/25)/4.52-w':y=H-h:shortest=1,setsar=1[video]",
      '[2:a]aresample=48000,pan=stereo|c0=c0|c1=c0[audio]',
    ]);
  });
});

describe('buildLessonEncodeArgs', () => {
  it('encodes a constant-frame-rate H.264/AAC MP4 with a 2-second keyframe grid', () => {
    const args = buildLessonEncodeArgs(input).join(' ');
    expect(args).toContain('-i /work/slide-0.png -i /work/slide-1.png -i /work/narration.wav');
    expect(args).toContain('-c:v libx264 -preset veryfast -crf 20 -profile:v high -pix_fmt yuv420p -r 25');
    expect(args).toContain('-force_key_frames expr:gte(t,n_forced*2)');
    expect(args).toContain('-c:a aac -b:a 128k -ar 48000 -ac 2');
    expect(args).toContain('-frames:v 113 -t 4.52');
    expect(args.endsWith('-movflags +faststart -f mp4 /out/video.mp4')).toBe(true);
  });
});

describe('buildSlideRenderArgs', () => {
  it('draws boxes, then text read from files with expansion off', () => {
    const layout = {
      width: 1920,
      height: 1080,
      background: '0xF7F4EC',
      boxes: [{ x: 0, y: 0, width: 1920, height: 120, colour: '0x1E5AA8' }],
      texts: [
        {
          text: '认识图形',
          fontSize: 80,
          x: 'w-tw-96',
          y: 200,
          colour: '0x1E5AA8',
          lineSpacing: 20,
          isBold: true,
        },
      ],
      contentBottom: 300,
      footerTop: 990,
    };
    const args = buildSlideRenderArgs(layout, ['/work/t 0.txt'], 'Noto Sans CJK SC', '/work/slide-0.png');
    expect(args).toContain('color=c=0xF7F4EC:s=1920x1080:r=1');
    expect(args[args.indexOf('-vf') + 1]).toBe(
      'drawbox=x=0:y=0:w=1920:h=120:color=0x1E5AA8:t=fill,' +
        'drawtext=font=Noto Sans CJK SC:textfile=/work/t 0.txt:expansion=none:fontsize=80:' +
        'fontcolor=0x1E5AA8:line_spacing=20:x=w-tw-96:y=200:borderw=2:bordercolor=0x1E5AA8',
    );
  });

  it('escapes paths for both filter quoting levels', () => {
    expect(escapeFilterValue("/a:b/c'd,e.txt")).toBe("/a\\\\:b/c\\\\\\'d\\,e.txt");
  });
});
