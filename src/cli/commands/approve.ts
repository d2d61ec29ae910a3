import type { Command } from 'commander';
import { approve } from '../../proposals/index.ts';
import type { CliIo } from '../cli-io.ts';
import { formatAuditEntry } from './format-store.ts';
import { defaultStoreDeps, proposalFailure, withStore, type StoreCommandDeps } from './store-command.ts';

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
        const result = approve(ctx, { proposalId: id, approvedBy: opts.by });
        if (!result.ok) throw proposalFailure(result.error);
        const r = result.value;
        if (opts.json) {
          io.stdout(`${JSON.stringify(r, null, 2)}\n`);
          return;
        }
        const p = r.proposal;
        const head = r.alreadyApplied
          ? `proposal ${p.id} was already applied by ${p.decidedBy} at ${p.decidedAt} (version ${r.version}); nothing changed`
          : `applied proposal ${p.id} to ${p.caseId}: version ${r.version - 1} -> ${r.version}, approved by ${p.decidedBy}` +
            (r.rechecked ? ` (${r.version - 1 === p.baseVersion ? 'previewed under an earlier engine contract' : `the case had moved on since version ${p.baseVersion}`}; the engine re-checked it: same effect as previewed)` : '');
        io.stdout(`${[head, ...r.audit.map(formatAuditEntry)].join('\n')}\n`);
      });
    });
}
