import type { Command } from 'commander';
import { isMonth, summarize } from '../../engine/index.ts';
import { cliFailure } from '../cli-failure.ts';
import { CliError, EXIT, type CliIo } from '../cli-io.ts';
import { formatSummary } from '../format-summary.ts';
import { loadDocument } from '../load-document.ts';

/** `ve summary <document.json>`: the value summary, as JSON or a readable table. */
export function registerSummary(program: Command, io: CliIo): void {
  program
    .command('summary')
    .description('print the value summary of a business-case document')
    .argument('<document>', 'business-case document (JSON)')
    .option('--scenario <id>', 'scenario (default: the realization scenario, else the first)')
    .option('--compare <id>', "future scenario to compare with (default: the realization scenario's basedOn)")
    .option('--no-compare', 'no comparison')
    .option('--as-of <month>', 'YYYY-MM; months after it are not realized (default: this month)')
    .option('--json', "print JSON (the contract's summary shape)")
    .action((path: string, opts: { scenario?: string; compare?: string | boolean; asOf?: string; json?: boolean }) => {
      const asOf = opts.asOf ?? io.currentMonth();
      if (!isMonth(asOf)) throw new CliError(`--as-of '${asOf}' is not a month YYYY-MM`, EXIT.usage);
      const doc = loadDocument(path);
      const compare = opts.compare === false ? null : typeof opts.compare === 'string' ? opts.compare : undefined;
      const result = summarize(doc, {
        asOf,
        ...(opts.scenario !== undefined ? { scenario: opts.scenario } : {}),
        ...(compare !== undefined ? { compare } : {}),
      });
      // An unknown scenario or argument exits 2, an evaluation error 1 (the catalogue's codes).
      if (!result.ok) throw cliFailure({ code: result.error.code, message: result.error.message });
      io.stdout(opts.json ? `${JSON.stringify(result.value, null, 2)}\n` : formatSummary(result.value));
    });
}
