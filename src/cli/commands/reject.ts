import type { Command } from 'commander';
import { rejectProposal } from '../../app/reject-proposal.ts';
import { cliFailure } from '../cli-failure.ts';
import type { CliIo } from '../cli-io.ts';
import { defaultStoreDeps, withStore, type StoreCommandDeps } from './store-command.ts';

/** `ve reject <id> --by NAME [--reason TEXT]`: rejects a pending proposal; the case is untouched. */
export function registerReject(program: Command, io: CliIo, deps: () => StoreCommandDeps = defaultStoreDeps): void {
  program
    .command('reject')
    .description('reject a pending proposal (nothing is applied)')
    .argument('<id>', 'proposal id')
    .requiredOption('--by <name>', 'the person rejecting')
    .option('--reason <text>', 'why, for whoever proposed it')
    .action((id: string, opts: { by: string; reason?: string }) => {
      withStore(deps(), io, (ctx) => {
        const result = rejectProposal(ctx, { proposalId: id, rejectedBy: opts.by, ...(opts.reason !== undefined ? { reason: opts.reason } : {}) });
        if (!result.ok) throw cliFailure(result.error);
        const v = result.value.view;
        const why = v.reason ? `: ${v.reason}` : '';
        io.stdout(
          result.value.alreadyRejected
            ? `proposal ${v.proposalId} was already rejected by ${v.decidedBy} at ${v.decidedAt}${why}; nothing changed\n`
            : `rejected proposal ${v.proposalId} on ${v.caseId}${why}\n`,
        );
      });
    });
}
