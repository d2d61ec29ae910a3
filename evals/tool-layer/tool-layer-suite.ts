/**
 * The tool-layer suite (`--suite tool-layer`): the rules the tools and the tool loop keep for
 * any model, each shown by a scripted model (`evals/tool-layer/cases/`): ambiguous names come
 * back with candidates and propose nothing; the same proposal is never made twice in a
 * thread; the step limit and an empty answer end with a sentence saying what was done and
 * what was not; strict-mode calls (null for what is not given) work; a QBR draft comes back
 * by reference. Every case runs twice: `<id>` with the scripted model in process, and
 * `<id>@compatible` through the real `@ai-sdk/openai-compatible` client against the scripted
 * server on 127.0.0.1 (the wire a local or hosted model is reached over). Must pass in full.
 */
import type { CaseResult, EvalCase, Suite } from '../suite.ts';
import { runToolLayerCase, type ToolLayerMode } from './run-tool-layer-case.ts';
import { scoreToolLayerCase } from './score-tool-layer-case.ts';
import { loadToolLayerCases, TOOL_LAYER_CASES_DIR, type ToolLayerCase } from './tool-layer-case.ts';

/** One entry: a case in one mode. */
export interface ToolLayerEvalCase extends EvalCase {
  mode: ToolLayerMode;
  case: ToolLayerCase;
}

/** Builds the suite over a cases directory (tests point it elsewhere). */
export function createToolLayerSuite(casesDir: URL = TOOL_LAYER_CASES_DIR): Suite<ToolLayerEvalCase> {
  return {
    name: 'tool-layer',
    requireAllPass: true,
    async cases() {
      const all = await loadToolLayerCases(casesDir);
      return all.flatMap((c) =>
        (['scripted', 'compatible'] as const).map((mode) => ({
          id: mode === 'scripted' ? c.id : `${c.id}@${mode}`,
          description: c.description,
          mode,
          case: c,
        })),
      );
    },
    async run(entry): Promise<CaseResult> {
      const observed = await runToolLayerCase(entry.case, entry.mode);
      const scored = scoreToolLayerCase(entry.case, observed);
      return {
        pass: scored.failures.length === 0,
        failures: scored.failures,
        dataChangedWithoutApproval: scored.dataChangedWithoutApproval,
        notes: [
          `rule: ${entry.case.rule}`,
          `model: ${entry.mode === 'scripted' ? 'scripted, in process' : 'scripted server through @ai-sdk/openai-compatible'}`,
          `model calls per turn: ${observed.modelCalls.join(', ')}`,
        ],
        outcome: entry.case.rule,
      };
    },
  };
}

/** The suite over the committed cases. */
export const toolLayerSuite: Suite<ToolLayerEvalCase> = createToolLayerSuite();
