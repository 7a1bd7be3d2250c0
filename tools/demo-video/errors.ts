/** Every failure of the demo-video tool is a DemoVideoError with a stable code, so callers can tell them apart. */
export class DemoVideoError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A program or font the tool needs is not installed; the message names the Debian package that provides it. */
export class ToolMissingError extends DemoVideoError {
  readonly tool: string;
  readonly debianPackage: string;

  constructor(tool: string, debianPackage: string, detail: string) {
    super(
      'TOOL_MISSING',
      `${tool} is missing (${detail}). Install the Debian package: apt-get install -y ${debianPackage}`,
    );
    this.tool = tool;
    this.debianPackage = debianPackage;
  }
}

/** The lesson scripts are malformed, or a requested lesson id does not exist. */
export class LessonScriptError extends DemoVideoError {
  readonly problems: string[];

  constructor(message: string, problems: string[] = []) {
    super('LESSON_SCRIPT_INVALID', problems.length ? `${message}:\n  - ${problems.join('\n  - ')}` : message);
    this.problems = problems;
  }
}

/** A spawned program exited non-zero: carries the quoted command, exit code and the tail of stderr. */
export class ProcessFailedError extends DemoVideoError {
  readonly command: string;
  readonly exitCode: number | null;
  readonly stderrTail: string;

  constructor(command: string, exitCode: number | null, stderrTail: string) {
    super('PROCESS_FAILED', `command failed (exit ${exitCode}): ${command}\n${stderrTail}`);
    this.command = command;
    this.exitCode = exitCode;
    this.stderrTail = stderrTail;
  }
}
