import type { Command } from 'commander';
import { findCase } from '../../app/find-case.ts';
import { cliFailure } from '../cli-failure.ts';
import type { CliIo } from '../cli-io.ts';
import { defaultStoreDeps, withStore, type StoreCommandDeps } from './store-command.ts';

/** `ve export <case>`: prints a business case's current document (JSON). */
export function registerExport(program: Command, io: CliIo, deps: () => StoreCommandDeps = defaultStoreDeps): void {
  program
    .command('export')
    .description("print a business case's current document as JSON")
    .argument('<case>', 'business case id')
    .action((caseId: string) => {
      withStore(deps(), io, (ctx) => {
        const found = findCase(ctx.store, caseId);
        if (!found.ok) throw cliFailure(found.error);
        io.stdout(`${JSON.stringify(found.value.document, null, 2)}\n`);
      });
    });
}
