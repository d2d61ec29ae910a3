import type { Command } from 'commander';
import { approveProposal } from '../../app/approve-proposal.ts';
import { cliFailure } from '../cli-failure.ts';
import type { CliIo } from '../cli-io.ts';
import { formatAuditEntry } from './format-store.ts';
import { defaultStoreDeps, withStore, type StoreCommandDeps } from './store-command.ts';

/** `ve approve <id> --by NAME`: applies a proposal (once; a stale one is re-checked by the engine first). */
export function registerApprove(program: Command, io: CliIo, deps: () => StoreCommandDeps = defaultStoreDeps): void {
  program
    .command('approve')
    .description('approve a proposal and apply it to its business case (approving twice applies once)')
    .argument('<id>', 'proposal id')
    .requiredOption('--by <name>', 'the person approving')
    .option('--json', 'print the result as JSON')
    .action((id: string, opts: { by: string; json?: boolean }) => {
      withStore(deps(), io, (ctx) => {
        const result = approveProposal(ctx, { proposalId: id, approvedBy: opts.by });
        if (!result.ok) throw cliFailure(result.error);
        const r = result.value;
        if (opts.json) {
          io.stdout(`${JSON.stringify(r, null, 2)}\n`);
          return;
        }
        const v = r.view;
        const head = r.alreadyApplied
          ? `proposal ${v.proposalId} was already applied by ${v.decidedBy} at ${v.decidedAt} (version ${r.version}); nothing changed`
          : `applied proposal ${v.proposalId} to ${v.caseId}: version ${v.versionBefore} -> ${v.appliedVersion}, approved by ${v.decidedBy}` +
            (v.rechecked
              ? ` (${v.versionBefore === v.baseVersion ? 'previewed under an earlier engine contract' : `the case had moved on since version ${v.baseVersion}`}; the engine re-checked it: same effect as previewed)`
              : '');
        io.stdout(`${[head, ...r.audit.map(formatAuditEntry)].join('\n')}\n`);
      });
    });
}
