/** Shell-quotes a command line for logs and error messages (never executed through a shell). */
export function quoteCommand(command: string, args: readonly string[]): string {
  return [command, ...args].map(quoteArgument).join(' ');
}

function quoteArgument(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
