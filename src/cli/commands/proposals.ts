import type { Command } from 'commander';
import { expireProposals, findCase, listPending } from '../../proposals/index.ts';
import type { CliIo } from '../cli-io.ts';
import { formatProposal } from './format-store.ts';
import { defaultStoreDeps, proposalFailure, withStore, type StoreCommandDeps } from './store-command.ts';

/**
 * `ve proposals [--case ID] [--all] [--json]`: expires proposals older than the configured age
 * (`VE_PROPOSAL_MAX_AGE_DAYS`, default 7), then lists the pending ones (or all with `--all`).
 */
export function registerProposals(program: Command, io: CliIo, deps: () => StoreCommandDeps = defaultStoreDeps): void {
  program
    .command('proposals')
    .description('list pending proposals (old ones are expired first)')
    .option('--case <id>', 'only proposals on this business case')
    .option('--all', 'every proposal, decided ones too')
    .option('--json', 'print them as JSON')
    .action((opts: { case?: string; all?: boolean; json?: boolean }) => {
      withStore(deps(), io, (ctx) => {
        if (opts.case !== undefined) {
          const found = findCase(ctx.store, opts.case);
          if (!found.ok) throw proposalFailure(found.error);
        }
        const expired = expireProposals(ctx);
        const filter = opts.case !== undefined ? { caseId: opts.case } : {};
        const list = opts.all ? ctx.store.listProposals(filter) : listPending(ctx, filter);
        if (opts.json) {
          io.stdout(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        if (expired.length) io.stdout(`expired ${expired.length} proposal(s) nobody decided in time\n`);
        io.stdout(list.length ? `${list.map((p) => formatProposal(p, false)).join('\n')}\n` : `no ${opts.all ? '' : 'pending '}proposals\n`);
      });
    });
}
