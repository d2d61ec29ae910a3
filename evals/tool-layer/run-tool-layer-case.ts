/**
 * Runs a tool-layer case with its scripted model, in process or through the real
 * `@ai-sdk/openai-compatible` client against the scripted server, on the agent-flow harness
 * (`runAgentCase`: a fresh `:memory:` store, the fixed clock, every turn through
 * `runAgentTurn` with the real tools, the business data compared before and after each
 * turn). Returns what happened, as data for the pure scorer.
 */
import type { AgentCase } from '../agent/agent-case.ts';
import { runAgentCase, type AgentCaseObservation } from '../agent/run-agent-case.ts';
import { runAgentTurn } from '../../src/agent/run-agent.ts';
import { selectModel } from '../../src/agent/select-model.ts';
import type { ScriptedReply } from './script.ts';
import { scriptedModel } from './scripted-model.ts';
import { startScriptedServer } from './scripted-server.ts';
import type { ToolLayerCase } from './tool-layer-case.ts';

/** How the scripted model is reached. */
export type ToolLayerMode = 'scripted' | 'compatible';

/** What a case run observed. */
export interface ToolLayerObservation {
  agent: AgentCaseObservation;
  /** Model calls per turn. */
  modelCalls: number[];
  /** The latest pending proposal's id after each turn (null: none). */
  latestPending: Array<string | null>;
  /** Request bodies the scripted server received (`compatible` only). */
  requests: Array<Record<string, unknown>>;
}

function asAgentCase(c: ToolLayerCase): AgentCase {
  return {
    id: c.id,
    task: 'measurements',
    description: c.description,
    document: c.document,
    clock: c.clock,
    turns: c.turns.map((t) => ({ user: t.user })),
    after: { version: 1 },
    arithmetic: ['no figures: the tool-layer suite checks the tool results, the proposals and the reply'],
  };
}

/** Runs a case (see the module comment). */
export async function runToolLayerCase(c: ToolLayerCase, mode: ToolLayerMode): Promise<ToolLayerObservation> {
  const script: Record<string, readonly ScriptedReply[]> = Object.fromEntries(c.turns.map((t) => [t.user, t.script as ScriptedReply[]]));
  const server = mode === 'compatible' ? await startScriptedServer(script) : null;
  const inProcess = server ? null : scriptedModel(script);
  const model = server ? selectModel({ OPENAI_BASE_URL: server.baseURL, VE_MODEL: 'scripted-tool-layer' }).model : inProcess!;
  const calls = () => (server ? server.requests.length : inProcess!.calls);
  const modelCalls: number[] = [];
  const latestPending: Array<string | null> = [];
  let pendingOf: (() => string | null) | null = null;
  try {
    const agent = await runAgentCase(asAgentCase(c), {
      model,
      onStore: (es) => {
        pendingOf = () => es.store.listProposals({ status: 'pending' }).at(-1)?.id ?? null;
      },
      runTurn: async (turn) => {
        const before = calls();
        try {
          return await runAgentTurn(turn);
        } finally {
          modelCalls.push(calls() - before);
          latestPending.push(pendingOf ? pendingOf() : null);
        }
      },
    });
    return { agent, modelCalls, latestPending, requests: server ? server.requests : [] };
  } finally {
    await server?.close();
  }
}
