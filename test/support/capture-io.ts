import type { CliIo } from '../../src/cli/cli-io.ts';

/** A `CliIo` that records what a command prints, for in-process CLI tests. */
export function captureIo(currentMonth = '2025-06'): { io: CliIo; out: () => string; err: () => string; reset: () => void } {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (text) => {
        out += text;
      },
      stderr: (text) => {
        err += text;
      },
      currentMonth: () => currentMonth,
    },
    out: () => out,
    err: () => err,
    reset: () => {
      out = '';
      err = '';
    },
  };
}
