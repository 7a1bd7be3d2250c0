import { access } from 'node:fs/promises';
import { InputError, StageError } from '../errors.ts';
import { runProcess } from '../process/spawn.ts';
import { parseProbeOutput, type ProbedSource } from './parse-probe.ts';

/** Probes the source with ffprobe; unreadable or corrupt input becomes an InputError naming the file. */
export async function probeSource(ffprobe: string, file: string): Promise<ProbedSource> {
  try {
    await access(file);
  } catch {
    throw new InputError('input.missing', { file });
  }
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file];
  try {
    const { stdout } = await runProcess(ffprobe, args, { stage: 'probe' });
    return parseProbeOutput(JSON.parse(stdout), file);
  } catch (error) {
    if (error instanceof StageError) {
      throw new InputError(
        'input.unreadable',
        { file, reason: firstLine(error.stderrTail) },
        { stderr: error.stderrTail },
      );
    }
    throw error;
  }
}

/** Decodes the first seconds to catch files whose header is fine but whose video is broken. */
export async function checkDecodable(ffmpeg: string, file: string, seconds = 2): Promise<void> {
  const args = [
    '-v',
    'error',
    '-xerror',
    '-t',
    String(seconds),
    '-i',
    file,
    '-map',
    '0:v:0',
    '-f',
    'null',
    '-',
  ];
  try {
    await runProcess(ffmpeg, args, { stage: 'probe' });
  } catch (error) {
    if (!(error instanceof StageError)) throw error;
    throw new InputError('input.unsupportedCodec', { file, reason: firstLine(error.stderrTail) });
  }
}

function firstLine(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return (lines.find((line) => /invalid|error|could not|no such/i.test(line)) ?? lines[0] ?? '?').trim();
}
