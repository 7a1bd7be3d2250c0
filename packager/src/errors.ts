import { translate, type MessageKey, type MessageParams } from './i18n/messages.ts';

/** Every failure the packager reports: a stable code, a translated message and the facts behind it. */
export class PackagerError extends Error {
  readonly code: MessageKey;
  readonly params: MessageParams;
  readonly details: Record<string, unknown>;

  constructor(code: MessageKey, params: MessageParams = {}, details: Record<string, unknown> = {}) {
    super(translate(code, params));
    this.name = 'PackagerError';
    this.code = code;
    this.params = params;
    this.details = details;
  }

  /** The message in English, for logs and for the content API. */
  get englishMessage(): string {
    return translate(this.code, this.params, 'en');
  }
}

/** Bad input or bad options: nothing was written. */
export class InputError extends PackagerError {
  override name = 'InputError';
}

/** A spawned tool failed: carries the stage, the quoted command, the exit code and the tail of stderr. */
export class StageError extends PackagerError {
  override name = 'StageError';
  readonly stage: string;
  readonly command: string;
  readonly exitCode: number | null;
  readonly stderrTail: string;

  constructor(stage: string, command: string, exitCode: number | null, stderrTail: string) {
    super('stage.failed', { stage, exitCode: exitCode ?? 'signal', command }, { stderrTail });
    this.stage = stage;
    this.command = command;
    this.exitCode = exitCode;
    this.stderrTail = stderrTail;
    this.message = `${this.message}\n${stderrTail}`;
  }
}
