import type { Tool } from 'ai';
import { describeError, errorReference } from '../errors/index.ts';

/** Where a turn logs a tool's unexpected failure (one line, with its reference). */
export type ToolFailureLog = (line: string) => void;

/**
 * Wraps every tool's `execute` so that an unexpected throw (a locked or failing database,
 * `Maximum call stack size exceeded`, a bug) never reaches the model, and through it the
 * person, as it is: it is logged with a reference (`log`), and the model gets only "the
 * <tool> tool failed on our side (reference <ref>); nothing was changed", which it can pass
 * on. Expected failures are results (`{ error }`), not throws, and pass through untouched; an
 * abort (timeout, client gone) is rethrown as it is.
 */
export function guardTools<T extends Record<string, Tool>>(tools: T, log: ToolFailureLog): T {
  const guarded: Record<string, Tool> = {};
  for (const [name, tool] of Object.entries(tools)) {
    const execute = tool.execute;
    if (!execute) {
      guarded[name] = tool;
      continue;
    }
    guarded[name] = {
      ...tool,
      execute: async (input: unknown, options: Parameters<NonNullable<Tool['execute']>>[1]) => {
        try {
          return await execute(input as never, options);
        } catch (e) {
          if (options?.abortSignal?.aborted || (e instanceof Error && e.name === 'AbortError')) throw e;
          const reference = errorReference();
          log(`agent: the ${name} tool failed (reference ${reference}): ${describeError(e)}`);
          throw new Error(`the ${name} tool failed on our side (reference ${reference}); nothing was changed`);
        }
      },
    } as Tool;
  }
  return guarded as T;
}
