import type { Command } from 'commander';
import { reject } from '../../proposals/index.ts';
import type { CliIo } from '../cli-io.ts';
import { defaultStoreDeps, proposalFailure, withStore, type StoreCommandDeps } from './store-command.ts';

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
        const result = reject(ctx, { proposalId: id, rejectedBy: opts.by, ...(opts.reason !== undefined ? { reason: opts.reason } : {}) });
        if (!result.ok) throw proposalFailure(result.error);
        const p = result.value.proposal;
        const why = p.reason ? `: ${p.reason}` : '';
        io.stdout(
          result.value.alreadyRejected
            ? `proposal ${p.id} was already rejected by ${p.decidedBy} at ${p.decidedAt}${why}; nothing changed\n`
            : `rejected proposal ${p.id} on ${p.caseId}${why}\n`,
        );
      });
    });
}
