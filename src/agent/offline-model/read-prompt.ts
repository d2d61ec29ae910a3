import type { LanguageModelV3Message, LanguageModelV3Prompt } from '@ai-sdk/provider';
import { clean, findCaseMention } from './phrases.ts';
import type { ConversationContext } from './request.ts';

/** A tool result the offline model answers from, with the input of the call it answers. */
export interface ToolResultView {
  toolCallId: string;
  toolName: string;
  input: unknown;
  /** The tool's output (JSON), or the error text when the call failed. */
  output: unknown;
  /** True when the call failed before the tool could answer (invalid input, a throw). */
  failed: boolean;
}

/** What the offline model reads from a prompt. */
export interface PromptView {
  /** The latest user message's text ('' when there is none). */
  userText: string;
  /** The current month the system prompt states ("The current month is YYYY-MM"), if any. */
  currentMonth: string | null;
  /** Tool results given since the latest user message (the model's turn to answer from them). */
  results: ToolResultView[];
  /** Whether the last message is a tool message: answer from `results`, do not re-read the user. */
  answering: boolean;
  /** What the conversation before the latest user message tells. */
  context: ConversationContext;
}

function textOf(message: LanguageModelV3Message): string {
  if (message.role === 'system') return message.content;
  return message.content
    .flatMap((p) => (p.type === 'text' ? [p.text] : []))
    .join('\n')
    .trim();
}

function outputValue(output: { type: string; value?: unknown; reason?: string }): { output: unknown; failed: boolean } {
  switch (output.type) {
    case 'json':
    case 'text':
      return { output: output.value, failed: false };
    case 'error-json':
    case 'error-text':
      return { output: output.value, failed: true };
    case 'execution-denied':
      return { output: output.reason ?? 'the tool call was not allowed', failed: true };
    default:
      return { output: output.value ?? null, failed: false };
  }
}

/**
 * Reads a prompt: the latest user message, the tool results that answer the model's calls
 * since then, the current month from the system prompt, and the conversation context.
 */
export function readPrompt(prompt: LanguageModelV3Prompt): PromptView {
  let lastUser = -1;
  prompt.forEach((m, i) => {
    if (m.role === 'user') lastUser = i;
  });
  const system = prompt
    .filter((m) => m.role === 'system')
    .map(textOf)
    .join('\n');
  const month = /\bcurrent month is (\d{4}-\d{2})\b/i.exec(system);

  const inputs = new Map<string, unknown>();
  const results: ToolResultView[] = [];
  for (const m of prompt.slice(lastUser + 1)) {
    if (m.role === 'assistant') {
      for (const p of m.content) if (p.type === 'tool-call') inputs.set(p.toolCallId, p.input);
    }
    if (m.role === 'tool' || m.role === 'assistant') {
      for (const p of m.content) {
        if (p.type !== 'tool-result') continue;
        const { output, failed } = outputValue(p.output as { type: string; value?: unknown });
        results.push({ toolCallId: p.toolCallId, toolName: p.toolName, input: inputs.get(p.toolCallId), output, failed });
      }
    }
  }
  const last = prompt[prompt.length - 1];
  return {
    userText: lastUser >= 0 ? textOf(prompt[lastUser]!) : '',
    currentMonth: month ? month[1]! : null,
    results,
    answering: last !== undefined && last.role === 'tool' && lastUser >= 0,
    context: { ...readContext(lastUser >= 0 ? prompt.slice(0, lastUser) : prompt), ...(month ? { currentMonth: month[1]! } : {}) },
  };
}

/**
 * The calculation a message names: "the handle time calculation" -> "handle time",
 * "calculation Faster Ticket Handling" -> "Faster Ticket Handling" (the last one named).
 */
export function findCalculationMention(text: string): string | undefined {
  let found: { at: number; name: string } | undefined;
  for (const m of text.matchAll(/\bthe\s+([\w#&.'’ -]+?)\s+calc(?:ulation)?\b/gi)) {
    const name = clean(m[1]!);
    if (name && !/^(?:that|this|same|first|second|other|new|original|whole|next|last|one)$/i.test(name) && (!found || m.index > found.at))
      found = { at: m.index, name };
  }
  for (const m of text.matchAll(/\bcalc(?:ulation)?\s+["“]?([A-Z][\w&.'’ -]*[\w])/g)) {
    const name = clean(m[1]!.split(/\s+(?:into|to|in|for|by|and)\s+/)[0]!);
    if (name && (!found || m.index > found.at)) found = { at: m.index, name };
  }
  return found?.name;
}

/** A tool call of an earlier turn with its result (null when none came back). */
interface PastCall {
  toolCallId: string;
  toolName: string;
  input: Record<string, unknown>;
  output: unknown;
  failed: boolean;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether a tool result says the business case named was not found or not clear. */
function caseNotFound(output: unknown): boolean {
  return isRecord(output) && typeof output.error === 'string' && /business case/i.test(output.error);
}

/** The business case a past tool call establishes: one found, or one a call used without trouble. */
function caseOf(c: PastCall): string | undefined {
  if (c.toolName === 'findBusinessCases') {
    const found = isRecord(c.output) && Array.isArray(c.output.businessCases) ? c.output.businessCases : [];
    const only = found.length === 1 && isRecord(found[0]) ? found[0] : undefined;
    return only && typeof only.name === 'string' ? only.name : undefined;
  }
  if (typeof c.input.businessCase === 'string' && !caseNotFound(c.output)) return c.input.businessCase;
  return undefined;
}

function calculationOf(c: PastCall): string | undefined {
  if (c.toolName === 'proposeSplit' && typeof c.input.calculation === 'string') return c.input.calculation;
  if (c.toolName === 'proposeConversions' && Array.isArray(c.input.conversions)) {
    const last = c.input.conversions[c.input.conversions.length - 1];
    if (isRecord(last) && typeof last.calculation === 'string') return last.calculation;
  }
  return undefined;
}

/** Whether a turn's answer asked back or said it did not understand: what the person said was not taken. */
function asksBack(turn: readonly LanguageModelV3Message[]): boolean {
  const answer = turn
    .filter((m) => m.role === 'assistant')
    .map(textOf)
    .join('\n');
  return /\?(?:\s|$)/.test(answer) || /\bdidn't understand\b/i.test(answer);
}

/** How an answer names a proposal it made: "Proposal `<id>` is waiting for a person's approval". */
const PROPOSAL_IN_TEXT = /\bProposal `([^`\s]+)` is waiting\b/g;

/**
 * What earlier turns tell, the latest turn first:
 * - the business case: one a tool call of the turn used (or a search found exactly), else one
 *   the person named, unless the turn's tools said no such business case, a later turn's tools
 *   said so of that name, or the turn was answered by asking back (an unknown word never sticks);
 * - the calculation (for "that calculation"): one split or converted, else one the person named;
 * - the latest proposal's id (from a propose tool's result, or named in an answer of a turn
 *   that comes back without its tool calls);
 * - the latest turn itself (message and reply) when the model answered it without a tool call
 *   (it may have asked a question the new message answers).
 */
export function readContext(messages: readonly LanguageModelV3Message[]): ConversationContext {
  const turns: LanguageModelV3Message[][] = [];
  for (const m of messages) {
    if (m.role === 'system') continue;
    if (m.role === 'user' || turns.length === 0) turns.push([]);
    turns[turns.length - 1]!.push(m);
  }
  const ctx: ConversationContext = {};
  // Case names a tool said it has no business case for, in this turn or a later one.
  const refusedCases = new Set<string>();
  for (let t = turns.length - 1; t >= 0; t--) {
    const turn = turns[t]!;
    const calls = new Map<string, PastCall>();
    for (const m of turn) {
      if (m.role === 'assistant') {
        for (const p of m.content)
          if (p.type === 'tool-call')
            calls.set(p.toolCallId, { toolCallId: p.toolCallId, toolName: p.toolName, input: isRecord(p.input) ? p.input : {}, output: null, failed: false });
      }
      if (m.role === 'tool' || m.role === 'assistant') {
        for (const p of m.content) {
          if (p.type !== 'tool-result') continue;
          const { output, failed } = outputValue(p.output as { type: string; value?: unknown });
          const c = calls.get(p.toolCallId);
          if (c) Object.assign(c, { output, failed });
          if (isRecord(output) && typeof output.proposalId === 'string') ctx.proposalId ??= output.proposalId;
        }
      }
    }
    // An older turn comes back as what was said (docs/agent.md): its answer still names the
    // proposal it made ("Proposal `<id>` is waiting ..."), when it names exactly one.
    if (ctx.proposalId === undefined && calls.size === 0) {
      const named = new Set(turn.filter((m) => m.role === 'assistant').flatMap((m) => [...textOf(m).matchAll(PROPOSAL_IN_TEXT)].map((x) => x[1]!)));
      if (named.size === 1) ctx.proposalId = [...named][0]!;
    }
    const past = [...calls.values()].reverse();
    const user = turn.find((m) => m.role === 'user');
    const text = user ? textOf(user) : '';
    if (t === turns.length - 1) {
      const failed = past.filter((c) => isRecord(c.output) && typeof c.output.error === 'string');
      // One call that came back with a question: the next message may answer it.
      if (failed.length === 1 && past.length === 1) {
        const out = failed[0]!.output as { error: string; candidates?: unknown };
        const candidates = Array.isArray(out.candidates) ? out.candidates.filter((x): x is string => typeof x === 'string') : [];
        ctx.unfinished = { toolName: failed[0]!.toolName, input: failed[0]!.input, error: out.error, candidates };
      }
      const done = past.length === 1 && isRecord(past[0]!.output) && past[0]!.output.error === undefined;
      if (done) ctx.lastCall = { toolName: past[0]!.toolName, input: past[0]!.input };
    }
    // A turn answered in words: without tools, or after looking the case up only (`by-vocabulary.ts`).
    const lookedUp = past.length > 0 && past.every((c) => c.toolName === 'showBusinessCase' && !c.failed && isRecord(c.output) && c.output.error === undefined);
    if (t === turns.length - 1 && user && (calls.size === 0 || lookedUp)) {
      const answer = turn
        .filter((m) => m.role === 'assistant')
        .map(textOf)
        .filter((x) => x !== '')
        .join('\n');
      if (answer) ctx.previousTurn = lookedUp ? { user: text, reply: answer, lookUp: [...calls.values()] } : { user: text, reply: answer };
    }
    for (const c of past) if (caseNotFound(c.output) && typeof c.input.businessCase === 'string') refusedCases.add(c.input.businessCase.trim().toLowerCase());
    if (ctx.businessCase === undefined) {
      const used = past.map(caseOf).find((c) => c !== undefined);
      const refused = past.some((c) => caseNotFound(c.output));
      // A name only said, never used by a tool: not one a tool refused since, nor one said in a
      // message the model answered by asking back (its answer re-reads that message anyway).
      const said = refused || (calls.size === 0 && asksBack(turn)) ? undefined : findCaseMention(text);
      ctx.businessCase = used ?? (said !== undefined && !refusedCases.has(said.trim().toLowerCase()) ? said : undefined);
    }
    ctx.calculation ??= past.map(calculationOf).find((c) => c !== undefined) ?? findCalculationMention(text);
    if (ctx.businessCase && ctx.calculation && ctx.proposalId) break;
  }
  return defined(ctx);
}

function defined(ctx: ConversationContext): ConversationContext {
  const out: ConversationContext = {};
  if (ctx.businessCase) out.businessCase = ctx.businessCase;
  if (ctx.calculation) out.calculation = ctx.calculation;
  if (ctx.proposalId) out.proposalId = ctx.proposalId;
  if (ctx.previousTurn) out.previousTurn = ctx.previousTurn;
  if (ctx.unfinished) out.unfinished = ctx.unfinished;
  if (ctx.lastCall) out.lastCall = ctx.lastCall;
  return out;
}
