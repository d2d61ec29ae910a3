import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { qbrWriterModel } from '../../agent/qbr-writer-model.ts';
import { selectModel, type SelectedModel } from '../../agent/select-model.ts';
import { approveProposal } from '../../app/approve-proposal.ts';
import { chatTurn } from '../../app/chat-turn.ts';
import { pendingProposals } from '../../app/pending-proposals.ts';
import type { ProposalView } from '../../app/proposal-view.ts';
import { rejectProposal } from '../../app/reject-proposal.ts';
import { describeError, ERROR_CATALOGUE, errorReference, redactSecrets } from '../../errors/index.ts';
import { unexpectedCode } from '../../app/unexpected-code.ts';
import { DEFAULT_WORKSPACE } from '../../proposals/default-workspace.ts';
import { CliError, EXIT, type CliIo } from '../cli-io.ts';
import { formatAuditEntry, formatFigures } from './format-store.ts';
import { currentUser, defaultStoreDeps, selectModelOrFail, withStoreAsync, type StoreCommandDeps } from './store-command.ts';
import { workspaceExists } from '../../app/workspace-tokens.ts';

/** What `ve chat` needs from the outside world; injectable for in-process tests. */
export interface ChatDeps extends StoreCommandDeps {
  env: NodeJS.ProcessEnv;
  /** Chooses the language model from the environment. */
  selectModel: (env: NodeJS.ProcessEnv) => SelectedModel;
  /** The lines the person types (default: stdin, piped or a terminal). */
  lines: () => AsyncIterable<string>;
  /** Show a `> ` prompt before each line (default: when stdin is a terminal). */
  interactive: boolean;
}

/** The real thing: stdin, `VE_DB`, the system clock, the model from the environment. */
export function defaultChatDeps(): ChatDeps {
  return {
    ...defaultStoreDeps(),
    env: process.env,
    selectModel: (env) => selectModel(env),
    lines: () => createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false }),
    interactive: Boolean(process.stdin.isTTY),
  };
}

const HELP = [
  'Ask in plain words ("What has Delta realized to date?", "Delta: tickets per day Oct 115, Nov 121 (Zendesk export)").',
  'Changes come back as numbered proposals; nothing changes until you decide:',
  '  approve N            apply proposal N (its number here, or its id)',
  '  reject N [reason]    reject it',
  '  proposals            the pending proposals of this workspace, numbered',
  '  help                 this text',
  '  quit                 leave (end of input too)',
].join('\n');

/** The numbers proposals get in this chat session (1, 2, ...), both ways. */
class SessionProposals {
  private readonly ids: string[] = [];

  number(id: string): number {
    const at = this.ids.indexOf(id);
    return at >= 0 ? at + 1 : this.ids.push(id);
  }

  /** A number shown here, or a proposal id as is. */
  resolve(ref: string): string | null {
    if (/^\d+$/.test(ref)) return this.ids[Number(ref) - 1] ?? null;
    return ref;
  }

  get size(): number {
    return this.ids.length;
  }
}

function formatProposalView(n: number, p: ProposalView): string {
  return [
    `[proposal ${n}] ${p.businessCase}, scenario ${p.scenario} (figures as of ${p.asOf}, ${p.currency}): pending, id ${p.proposalId}`,
    ...p.changes.map((c) => `  ${c}`),
    ...p.warnings.map((w) => `  check before approving: ${w}`),
    ...formatFigures(p.before, p.after, '  '),
    `  type \`approve ${n}\` to apply it, or \`reject ${n} [reason]\``,
  ].join('\n');
}

/**
 * `ve chat [--workspace ID] [--as NAME] [--thread KEY]`: a terminal chat over the same agent
 * as the HTTP door, reading lines from stdin (a terminal or a pipe). The agent can only
 * propose; proposals are numbered in the session and the person applies one with
 * `approve N` (or rejects it with `reject N [reason]`), recorded under `--as`. Lines starting
 * with approve/reject are never sent to the model.
 */
export function registerChat(program: Command, io: CliIo, deps: () => ChatDeps = defaultChatDeps): void {
  program
    .command('chat')
    .description('chat with the value engineer in the terminal (stdin lines; approve N / reject N to decide proposals)')
    .option('--workspace <id>', 'workspace to work in', DEFAULT_WORKSPACE)
    .option('--as <name>', 'who you are: recorded as proposer and approver (default: the current user)')
    .option('--thread <key>', 'continue an earlier conversation (its key); default: a new one')
    .action(async (opts: { workspace: string; as?: string; thread?: string }) => {
      const d = deps();
      const actor = (opts.as ?? currentUser()).trim();
      if (!actor) throw new CliError('--as must not be empty', EXIT.usage);
      const secrets = [d.env.OPENAI_API_KEY?.trim() ?? ''].filter(Boolean);
      const selected = selectModelOrFail(d, secrets);
      await withStoreAsync(d, io, async (ctx) => {
        if (!workspaceExists(ctx, opts.workspace)) throw new CliError(`no workspace '${opts.workspace}'`, EXIT.usage);
        const threadKey = `cli:${opts.thread ?? randomUUID()}`;
        // The draftQbr tool writes with the selected model (the offline provider: the template writer).
        const qbrModel = qbrWriterModel(selected);
        const session = new SessionProposals();
        const say = (text: string) => io.stdout(`${text}\n`);
        say(`value-engineer chat: ${selected.description}; workspace '${opts.workspace}', as ${actor}; thread ${threadKey.slice(4)}`);
        say('type `help` for commands, `quit` to leave');
        const prompt = () => d.interactive && io.stdout('> ');
        prompt();
        for await (const raw of d.lines()) {
          const line = raw.trim();
          if (!line) {
            prompt();
            continue;
          }
          const [word = '', ...rest] = line.split(/\s+/);
          const command = word.toLowerCase();
          if (command === 'quit' || command === 'exit') break;
          if (command === 'help') say(HELP);
          else if (command === 'proposals') {
            const listed = pendingProposals(ctx, { workspaceId: opts.workspace });
            const pending = listed.ok ? listed.value : [];
            say(
              pending.length
                ? pending
                    .map((p) => `${session.number(p.id)}. ${p.id} on ${p.case.id} by ${p.proposedBy}: ${p.preview.flatMap((x) => x.changes).join('; ')}`)
                    .join('\n')
                : 'no pending proposals',
            );
          } else if (command === 'approve' || command === 'reject') {
            const ref = rest[0];
            const id = ref === undefined ? null : session.resolve(ref);
            if (id === null) {
              say(`${command} which proposal? type \`${command} N\` with its number${session.size ? ` (1 to ${session.size})` : ''} or its id`);
            } else if (command === 'approve') {
              if (rest.length > 1) say(`approve takes one proposal: \`approve N\``);
              else {
                const r = approveProposal(ctx, { proposalId: id, approvedBy: actor, workspaceId: opts.workspace });
                if (!r.ok) say(`not applied: ${r.error.message}`);
                else if (r.value.alreadyApplied) say(`proposal ${ref} was already applied (version ${r.value.version}); nothing changed`);
                else
                  say(
                    [
                      `applied proposal ${ref}: ${r.value.view.caseId} version ${r.value.view.versionBefore} -> ${r.value.view.appliedVersion}, approved by ${actor}`,
                      ...r.value.audit.map(formatAuditEntry),
                    ].join('\n'),
                  );
              }
            } else {
              const reason = rest.slice(1).join(' ');
              const r = rejectProposal(ctx, { proposalId: id, rejectedBy: actor, workspaceId: opts.workspace, ...(reason ? { reason } : {}) });
              if (!r.ok) say(`not rejected: ${r.error.message}`);
              else
                say(
                  r.value.alreadyRejected
                    ? `proposal ${ref} was already rejected; nothing changed`
                    : `rejected proposal ${ref}${reason ? `: ${reason}` : ''}; nothing was applied`,
                );
            }
          } else {
            try {
              const reply = await chatTurn(ctx, {
                model: selected.model,
                qbrModel,
                workspaceId: opts.workspace,
                actor,
                channel: 'cli',
                threadKey,
                text: line,
                log: (failure) => io.stderr(`ve: ${redactSecrets(failure, secrets)}\n`),
              });
              // QBR drafts come by reference: the saved draft is printed here, not retyped by the model.
              const drafts = reply.qbrDrafts.map(
                ({ outcome: { draft: d } }) => `--- QBR draft v${d.version}, ${d.quarter}, ${d.audience} ---\n${d.markdown.trim()}`,
              );
              const parts = [reply.text.trim(), ...reply.proposals.map((p) => formatProposalView(session.number(p.proposalId), p)), ...drafts].filter(Boolean);
              say(parts.length ? parts.join('\n\n') : '(no answer)');
            } catch (e) {
              // The one error path: the catalogue's wording with a reference, the details logged with it.
              const reference = errorReference();
              io.stderr(`ve: the assistant failed (reference ${reference}): ${describeError(e, secrets)}\n`);
              io.stderr(`ve: ${ERROR_CATALOGUE[unexpectedCode(e)].hidden!(reference)}\n`);
            }
          }
          say('');
          prompt();
        }
      });
    });
}
