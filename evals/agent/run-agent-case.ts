/**
 * Runs one agent-flow case and records what happened, as plain data for the pure scorer
 * (`score-agent-case.ts`); it never decides pass or fail itself.
 *
 * A fresh `:memory:` store with the clock fixed in the case's month; the starting document
 * imported; the case's setup proposed and approved by an admin; then each turn through the
 * agent (`runAgentTurn`, the real tools) with the model under test. After every turn the
 * business data is compared with a snapshot taken before it: any difference is a change
 * without approval. Then, as a person would, the harness approves the proposals the case
 * says to approve. At the end it reads the document, the summary the case asks for, and the
 * measurement history.
 */
import { readFileSync } from 'node:fs';
import type { LanguageModel, ModelMessage } from 'ai';
import type { MeasurementRecord } from '../../db/store.ts';
import { runAgentTurn, type AgentReply, type AgentTurn } from '../../src/agent/run-agent.ts';
import type { ToolContext } from '../../tools/tool-context.ts';
import { qbrFacts, summarize, type BusinessCase, type Summary } from '../../src/engine/index.ts';
import { approve, importCase, propose } from '../../src/proposals/index.ts';
import { checkClaims } from '../../src/qbr/grounding/check-claims.ts';
import { checkGrounding, extractNumbers, mentionStates, withStory, type QbrAudience } from '../../src/qbr/index.ts';
import { DOCUMENTS, type AgentCase } from './agent-case.ts';
import { diffBusinessData, snapshotBusinessData } from './business-data.ts';
import { openEvalStore, type EvalStore } from './eval-store.ts';

/** Who talks to the agent, and who approves (a person, at a door). */
export const ACTOR = 'dana';
export const APPROVER = 'sam';
const ADMIN = 'admin';

/** A QBR draft a turn returned, and the harness's own check of its numbers. */
export interface QbrObservation {
  quarter: string;
  audience: string;
  version: number;
  asOf: string;
  /** What the tool said (`grounded` of the saved draft). */
  toolSaysGrounded: boolean;
  /** Numbers of the draft that match no fact, by the harness's own check against freshly computed facts. */
  unverified: string[];
  /** Numbers of the agent's reply text that match no fact. */
  replyUnverified: string[];
  /** For each hand-computed figure the case lists (`states`), whether the draft states it. */
  states: Array<{ value: number; stated: boolean }>;
  /** The facts could not be computed (the message), else null. */
  factsError: string | null;
}

/** One turn, as observed. */
export interface TurnObservation {
  user: string;
  /** The agent's answer; null when the turn failed. */
  text: string | null;
  /** The turn failed (the model server, a tool, the SDK): the message. */
  error: string | null;
  /** Tool calls the model made, in order (from the thread's stored messages). */
  calls: Array<{ toolName: string; input: unknown }>;
  /** Tool results, in order. */
  results: Array<{ toolName: string; output: unknown }>;
  /** Proposals created during the turn, in order, with their operations and status right after it. */
  proposals: Array<{ id: string; operations: unknown[]; status: string }>;
  qbr: QbrObservation[];
  /** What changed in the business data during the turn (empty: nothing, as it must be). */
  changedWithoutApproval: string[];
  /** The approvals the harness made after this turn. */
  approvals: Array<{ proposalId: string; ok: boolean; error: string | null }>;
}

/** The whole run of a case. */
export interface AgentCaseObservation {
  /** Import or setup failed (the message): no turn ran. */
  setupError: string | null;
  turns: TurnObservation[];
  final: {
    version: number;
    document: BusinessCase;
    /** Proposals still pending. */
    pending: number;
    /** The summary the case asks for; null without a query. */
    summary: Summary | null;
    summaryError: string | null;
    /** History rows written by approved proposals of the conversation (not the setup), in order. */
    history: MeasurementRecord[];
  } | null;
}

/** How to run one turn: `runAgentTurn` unless a test injects another (e.g. with an extra tool). */
export type RunTurn = (turn: AgentTurn) => Promise<AgentReply>;

/** What a case runs with. */
export interface RunAgentCaseOptions {
  model: LanguageModel;
  runTurn?: RunTurn;
  /** Called once the store is open, before the document is imported (tests reach the store through it). */
  onStore?: (store: EvalStore) => void;
  /** A starting document to import instead of the case's `document` (the phrasings suite runs on its own business cases too). */
  document?: unknown;
}

const DOCUMENT_CACHE = new Map<string, unknown>();

/** A starting document, read from `examples/` (a fresh copy every time). */
export function startingDocument(which: keyof typeof DOCUMENTS): unknown {
  const file = DOCUMENTS[which];
  if (!DOCUMENT_CACHE.has(file)) DOCUMENT_CACHE.set(file, JSON.parse(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8')));
  return structuredClone(DOCUMENT_CACHE.get(file));
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function partsOf(m: ModelMessage): Array<Record<string, unknown>> {
  return Array.isArray(m.content) ? (m.content as unknown as Array<Record<string, unknown>>) : [];
}

function toolTraffic(messages: readonly ModelMessage[]): Pick<TurnObservation, 'calls' | 'results'> {
  const calls: TurnObservation['calls'] = [];
  const results: TurnObservation['results'] = [];
  for (const m of messages) {
    for (const part of partsOf(m)) {
      if (m.role === 'assistant' && part['type'] === 'tool-call') calls.push({ toolName: String(part['toolName']), input: part['input'] });
      if (m.role === 'tool' && part['type'] === 'tool-result') {
        const out = part['output'] as { type?: string; value?: unknown } | undefined;
        results.push({ toolName: String(part['toolName']), output: out && (out.type === 'json' || out.type === 'text') ? out.value : out });
      }
    }
  }
  return { calls, results };
}

/** What `draftQbr` returns: the saved draft by reference (its text stays in the store). */
interface QbrReference {
  draftId: number;
  caseId: string;
  quarter: string;
  audience: string;
  version: number;
  asOf: string;
  grounded: boolean;
}

interface QbrOutput extends QbrReference {
  markdown: string;
}

function isQbrReference(v: unknown): v is QbrReference {
  const o = v as Partial<QbrReference> | null;
  return (
    o !== null &&
    typeof o === 'object' &&
    typeof o.draftId === 'number' &&
    typeof o.caseId === 'string' &&
    typeof o.quarter === 'string' &&
    typeof o.asOf === 'string'
  );
}

/** The harness's own check of a draft: its numbers against facts it computes itself. */
function observeQbr(out: QbrOutput, doc: BusinessCase, replyText: string | null, states: readonly number[]): QbrObservation {
  const base = { quarter: out.quarter, audience: out.audience, version: out.version, asOf: out.asOf, toolSaysGrounded: out.grounded };
  const facts = qbrFacts(doc, { quarter: out.quarter, asOf: out.asOf });
  if (!facts.ok)
    return { ...base, unverified: [], replyUnverified: [], states: states.map((value) => ({ value, stated: false })), factsError: facts.error.message };
  // The facts with the story beside them, as the draft was written from them (targets, investment at payback, ...).
  // The draft is read back by the claim check (`ve qbr check`): each figure against the fact its sentence claims.
  const written = withStory(doc, facts.value);
  const draft = { unverified: checkClaims(out.markdown, written) };
  const reply = replyText === null ? null : checkGrounding(replyText, written);
  const mentions = extractNumbers(out.markdown, { currencies: [doc.currency] });
  return {
    ...base,
    unverified: draft.unverified.map((m) => m.text),
    replyUnverified: reply ? reply.unverified.map((m) => m.text) : [],
    states: states.map((value) => ({ value, stated: mentions.some((m) => mentionStates(m, value)) })),
    factsError: null,
  };
}

/** Runs a case (see the module comment). */
export async function runAgentCase(c: AgentCase, options: RunAgentCaseOptions): Promise<AgentCaseObservation> {
  const es = openEvalStore(c.clock);
  try {
    options.onStore?.(es);
    const { store, sqlite, ctx } = es;
    const document = options.document !== undefined ? structuredClone(options.document) : startingDocument(c.document);
    const imported = importCase(ctx, { document, importedBy: ADMIN });
    if (!imported.ok) return { setupError: `import: ${imported.error.message}`, turns: [], final: null };
    const caseId = imported.value.id;
    if (c.setup && c.setup.length > 0) {
      const p = propose(ctx, { caseId, operations: c.setup, proposedBy: ADMIN });
      if (!p.ok) return { setupError: `setup refused: ${p.error.message}`, turns: [], final: null };
      const a = approve(ctx, { proposalId: p.value.id, approvedBy: ADMIN });
      if (!a.ok) return { setupError: `setup not applied: ${a.error.message}`, turns: [], final: null };
    }

    const threadKey = `eval-${c.id}`;
    const tools: ToolContext = { proposals: ctx, workspaceId: 'default', actor: ACTOR, channel: 'eval', thread: threadKey };
    const thread = store.getOrCreateThread({ workspaceId: 'default', key: threadKey, now: ctx.now().toISOString() });
    const runTurn = options.runTurn ?? runAgentTurn;
    const turns: TurnObservation[] = [];

    for (const [index, spec] of c.turns.entries()) {
      const before = snapshotBusinessData(sqlite);
      const messagesBefore = store.listMessages(thread.id).length;
      const proposalsBefore = new Set(store.listProposals({ caseId }).map((p) => p.id));
      let text: string | null = null;
      let error: string | null = null;
      try {
        text = (await runTurn({ model: options.model, tools, threadKey, text: spec.user })).text;
      } catch (e) {
        error = message(e);
      }
      const changedWithoutApproval = diffBusinessData(before, snapshotBusinessData(sqlite));
      const traffic = toolTraffic(
        store
          .listMessages(thread.id)
          .slice(messagesBefore)
          .map((m) => m.content as ModelMessage),
      );
      const proposals = store
        .listProposals({ caseId })
        .filter((p) => !proposalsBefore.has(p.id))
        .map((p) => ({ id: p.id, operations: p.operations, status: p.status }));
      const doc = store.getCase(caseId)!.document;
      const states = spec.expect?.qbr?.states ?? [];
      // The draft the tool referred to, as saved (what people are shown), checked by the harness.
      const qbr = traffic.results.flatMap((r) => {
        if (r.toolName !== 'draftQbr' || !isQbrReference(r.output)) return [];
        const ref = r.output;
        const saved = store.getQbrDraft({ caseId: ref.caseId, quarter: ref.quarter, audience: ref.audience as QbrAudience, version: ref.version });
        return [observeQbr({ ...ref, markdown: saved && saved.id === ref.draftId ? saved.markdown : '' }, doc, text, states)];
      });
      const turn: TurnObservation = { user: spec.user, text, error, ...traffic, proposals, qbr, changedWithoutApproval, approvals: [] };
      turns.push(turn);

      // A person approves, as the case says (after the checks above).
      const approveTurns = spec.approve === true ? [index + 1] : (spec.approve ?? []);
      for (const n of approveTurns) {
        for (const p of turns[n - 1]?.proposals ?? []) {
          const r = approve(ctx, { proposalId: p.id, approvedBy: APPROVER });
          turn.approvals.push({ proposalId: p.id, ok: r.ok, error: r.ok ? null : r.error.message });
        }
      }
    }

    const record = store.getCase(caseId)!;
    let summary: Summary | null = null;
    let summaryError: string | null = null;
    if (c.after.query) {
      const q = c.after.query;
      const s = summarize(record.document, {
        asOf: q.asOf,
        ...(q.scenario !== undefined ? { scenario: q.scenario } : {}),
        ...(q.compare !== undefined ? { compare: q.compare } : {}),
      });
      if (s.ok) summary = s.value;
      else summaryError = s.error.message;
    }
    const conversationProposals = new Set(
      store
        .listProposals({ caseId })
        .filter((p) => p.proposedBy === ACTOR)
        .map((p) => p.id),
    );
    const history = store.listMeasurements({ caseId }).filter((m) => m.proposalId !== null && conversationProposals.has(m.proposalId));
    const pending = store.listProposals({ caseId, status: 'pending' }).length;
    return { setupError: null, turns, final: { version: record.version, document: record.document, pending, summary, summaryError, history } };
  } finally {
    es.close();
  }
}
