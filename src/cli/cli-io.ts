/**
 * What a CLI command may touch: its output streams and the current month. Injected so the
 * commands are testable in-process and the engine never sees a clock.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The current month `YYYY-MM` (from the clock in production). */
  currentMonth: () => string;
}

/** Exit codes (contract: "Command line"). */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

/**
 * A command failure with its exit code; thrown inside a command, turned into a message on
 * stderr and the code by `main` (the CLI's one error mapping).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** The real process streams and clock. */
export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  currentMonth: () => new Date().toISOString().slice(0, 7),
};
