/** Exit codes, as ESLint uses them. */
export const EXIT_OK = 0;
/** Lint errors, or more warnings than --max-warnings allows. */
export const EXIT_LINT_ERRORS = 1;
/** Usage, config, rule-file or I/O problem. */
export const EXIT_USAGE = 2;

/** A problem that stops the run with exit code 2 and one Chinese message (never a stack trace). */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** A mistake in the command line: the message is followed by a pointer to --help. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
