import type { Command } from 'commander';
import { findCase } from '../../app/find-case.ts';
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
        const found = findCase(ctx.store, caseId);
        if (!found.ok) throw cliFailure(found.error);
        const entries = ctx.store.listAudit(found.value.key);
        if (opts.json) io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
        else
          io.stdout(
            entries.length
              ? `${entries.map(formatAuditEntry).join('\n')}\n`
              : `no changes to ${caseId} since it was imported (version ${found.value.version})\n`,
          );
      });
    });
}
