import type { Command } from 'commander';
import { findCase } from '../../app/find-case.ts';
import { pendingProposals, shownProposal } from '../../app/pending-proposals.ts';
import { expireProposals } from '../../proposals/expire-proposals.ts';
import { cliFailure } from '../cli-failure.ts';
import type { CliIo } from '../cli-io.ts';
import { formatProposal } from './format-store.ts';
import { defaultStoreDeps, withStore, type StoreCommandDeps } from './store-command.ts';

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
        // A case that isn't there is refused before anything is expired.
        if (opts.case !== undefined) {
          const found = findCase(ctx.store, opts.case);
          if (!found.ok) throw cliFailure(found.error);
        }
        const expired = expireProposals(ctx);
        const listed = pendingProposals(ctx, { ...(opts.case !== undefined ? { caseId: opts.case } : {}), decidedToo: opts.all === true });
        if (!listed.ok) throw cliFailure(listed.error);
        // Shown with the case's id, not its storage key (which differs for an id two workspaces share).
        const list = listed.value.map(({ case: listedCase, ...p }) => shownProposal(p, listedCase.id));
        if (opts.json) {
          io.stdout(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        if (expired.length) io.stdout(`expired ${expired.length} proposal(s) nobody decided in time\n`);
        io.stdout(list.length ? `${list.map((p) => formatProposal(p, false)).join('\n')}\n` : `no ${opts.all ? '' : 'pending '}proposals\n`);
      });
    });
}
