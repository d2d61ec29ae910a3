import type { Command } from 'commander';
import { caseActivity } from '../../app/case-activity.ts';
import { cliFailure } from '../cli-failure.ts';
import type { CliIo } from '../cli-io.ts';
import { formatAuditEntry } from './format-store.ts';
import { defaultStoreDeps, withStore, type StoreCommandDeps } from './store-command.ts';

/** `ve audit <case> [--json]`: every applied operation, oldest first, with who proposed and approved it. */
export function registerAudit(program: Command, io: CliIo, deps: () => StoreCommandDeps = defaultStoreDeps): void {
  program
    .command('audit')
    .description("a business case's audit log: every applied operation, who proposed and approved it, figures before and after")
    .argument('<case>', 'business case id')
    .option('--json', 'print the entries as JSON')
    .action((caseId: string, opts: { json?: boolean }) => {
      withStore(deps(), io, (ctx) => {
        const activity = caseActivity(ctx, caseId);
        if (!activity.ok) throw cliFailure(activity.error);
        // The activity lists the newest first; the log reads oldest first.
        const entries = [...activity.value.audit].reverse();
        if (opts.json) io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
        else
          io.stdout(
            entries.length
              ? `${entries.map(formatAuditEntry).join('\n')}\n`
              : `no changes to ${caseId} since it was imported (version ${activity.value.record.version})\n`,
          );
      });
    });
}
