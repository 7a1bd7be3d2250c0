// User-facing text of the packager, Chinese first (zh-CN default), English second. Logic refers to keys only.
export const MESSAGES = {
  'zh-CN': {
    'input.missing': '找不到输入文件：{file}',
    'input.unreadable': '无法读取输入文件 {file}：{reason}',
    'input.noVideo': '输入文件 {file} 中没有视频流',
    'input.tooShort': '输入文件 {file} 的时长为 {seconds} 秒，太短，无法打包',
    'input.unsupportedCodec': '输入文件 {file} 的视频无法解码：{reason}',
    'fix.deinterlace': '源视频为隔行扫描（{fieldOrder}），已反交错（bwdif）为逐行',
    'fix.constantFrameRate': '源视频帧率可变（平均 {average} fps），已转为恒定 {target} fps',
    'fix.evenSize': '源视频尺寸 {width}x{height} 含奇数，已缩放为偶数尺寸 {evenWidth}x{evenHeight}',
    'fix.squarePixels': '源视频像素非方形（SAR {sar}），已缩放为方形像素 {width}x{height}',
    'fix.silentAudio': '源视频没有音轨，已生成静音 AAC 音轨（部分机顶盒无音轨无法播放）',
    'fix.chooseAudio': '源视频有 {count} 条音轨，使用第 {chosen} 条（可用 --audio-track 指定）',
    'fix.highBitDepth': '源视频为 {pixFmt}，已转为 8 位 4:2:0（yuv420p）',
    'config.invalid': '打包参数有误：{problems}',
    'config.audioTrack': '指定的音轨 {index} 不存在，源视频只有 {count} 条音轨',
    'config.caption': '字幕文件 {file} 无法使用：{reason}',
    'stage.failed': '步骤 {stage} 失败（退出码 {exitCode}）：{command}',
    'tool.missing': '找不到工具 {tool}（{hint}）',
    'register.failed': '向内容服务登记资源 {assetId} 失败（HTTP {status}）：{message}',
    'register.unreachable': '无法连接内容服务 {url}：{reason}',
    'validate.failed': '输出校验未通过：{problems}',
    'job.busy': '任务 {assetId} 正在被另一个进程处理（pid {pid}）',
    'progress.stage': '{assetId} {stage}',
    'status.pending': '等待中',
    'status.running': '进行中',
    'status.done': '完成',
    'status.failed': '失败',
    'cli.usage':
      '用法：\n  packager package <输入文件…> [--id 资源ID] [--title-zh 标题] [--title-en Title] [--codecs h264,hevc,av1]\n    [--profile lesson|general|sport] [--captions 文件.vtt:zh-CN]… [--audio-track N] [--audio-language zh-CN]\n    [--key-id 32位十六进制 --key 32位十六进制] [--out 目录] [--jobs 目录] [--api URL] [--token 令牌] [--concurrency N]\n    [--h264-first]         先单独编码并发布 H.264（更早可播放，总耗时更长）\n    [--quality-every-frame] PSNR/SSIM 逐帧计算（默认每 7 帧取 1 帧）\n  packager jobs          列出任务及状态\n环境变量：KETANG_MEDIA_DIR、KETANG_OPERATOR_TOKEN、KETANG_API_BASE、KETANG_LOCALE=en',
    'cli.done': '✔ {assetId} 已发布到 {dir}（{renditions} 个码率档，校验通过）',
    'cli.failed': '✘ {assetId}：{message}',
    'cli.resumed': '↻ {assetId} 从上次中断处继续，跳过已完成步骤：{steps}',
    'cli.note': '  · {note}',
    'cli.overall': '总体',
    'cli.noJobs': '没有任务',
    'cli.unknownCommand': '未知命令：{command}',
    'cli.eta': '剩余约 {eta}',
  },
  en: {
    'input.missing': 'Input file not found: {file}',
    'input.unreadable': 'Cannot read input file {file}: {reason}',
    'input.noVideo': 'Input file {file} has no video stream',
    'input.tooShort': 'Input file {file} lasts {seconds} s, too short to package',
    'input.unsupportedCodec': 'The video in {file} cannot be decoded: {reason}',
    'fix.deinterlace': 'The source is interlaced ({fieldOrder}); deinterlaced to progressive (bwdif)',
    'fix.constantFrameRate':
      'The source has a variable frame rate (average {average} fps); made constant {target} fps',
    'fix.evenSize':
      'The source size {width}x{height} is odd; scaled to the even size {evenWidth}x{evenHeight}',
    'fix.squarePixels':
      'The source has non-square pixels (SAR {sar}); scaled to square pixels {width}x{height}',
    'fix.silentAudio':
      'The source has no audio; added a silent AAC track (some boxes refuse video without audio)',
    'fix.chooseAudio':
      'The source has {count} audio tracks; using track {chosen} (choose with --audio-track)',
    'fix.highBitDepth': 'The source is {pixFmt}; converted to 8-bit 4:2:0 (yuv420p)',
    'config.invalid': 'Invalid packaging options: {problems}',
    'config.audioTrack': 'Audio track {index} does not exist; the source has {count} audio tracks',
    'config.caption': 'Caption file {file} cannot be used: {reason}',
    'stage.failed': 'Stage {stage} failed (exit code {exitCode}): {command}',
    'tool.missing': 'Tool {tool} not found ({hint})',
    'register.failed': 'Registering asset {assetId} with the content API failed (HTTP {status}): {message}',
    'register.unreachable': 'Cannot reach the content API at {url}: {reason}',
    'validate.failed': 'Output validation failed: {problems}',
    'job.busy': 'Job {assetId} is being processed by another process (pid {pid})',
    'progress.stage': '{assetId} {stage}',
    'status.pending': 'pending',
    'status.running': 'running',
    'status.done': 'done',
    'status.failed': 'failed',
    'cli.usage':
      'Usage:\n  packager package <input…> [--id ASSET_ID] [--title-zh 标题] [--title-en Title] [--codecs h264,hevc,av1]\n    [--profile lesson|general|sport] [--captions file.vtt:zh-CN]… [--audio-track N] [--audio-language zh-CN]\n    [--key-id HEX32 --key HEX32] [--out DIR] [--jobs DIR] [--api URL] [--token TOKEN] [--concurrency N]\n    [--h264-first]         encode and publish H.264 alone first (playable sooner, the whole job longer)\n    [--quality-every-frame] PSNR/SSIM on every frame (default: one frame in 7)\n  packager jobs          list jobs and their status\nEnvironment: KETANG_MEDIA_DIR, KETANG_OPERATOR_TOKEN, KETANG_API_BASE, KETANG_LOCALE=en',
    'cli.done': '✔ {assetId} published to {dir} ({renditions} renditions, checks passed)',
    'cli.failed': '✘ {assetId}: {message}',
    'cli.resumed': '↻ {assetId} resumed; skipped finished steps: {steps}',
    'cli.note': '  · {note}',
    'cli.overall': 'overall',
    'cli.noJobs': 'no jobs',
    'cli.unknownCommand': 'Unknown command: {command}',
    'cli.eta': 'about {eta} left',
  },
} as const;

export type Locale = keyof typeof MESSAGES;
export type MessageKey = keyof (typeof MESSAGES)['zh-CN'];
export type MessageParams = Record<string, string | number>;

/** The locale from KETANG_LOCALE or LANG: English when asked for, Chinese otherwise. */
export function detectLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const wanted = env.KETANG_LOCALE ?? env.LANG ?? '';
  return wanted.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export function translate(
  key: MessageKey,
  params: MessageParams = {},
  locale: Locale = detectLocale(),
): string {
  const template: string = MESSAGES[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
