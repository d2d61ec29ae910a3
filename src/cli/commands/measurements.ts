import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { proposeMeasurementsFromCsv, type ImportedMeasurements } from '../../app/import-measurements.ts';
import { cliFailure } from '../cli-failure.ts';
import { CliError, EXIT, type CliIo } from '../cli-io.ts';
import { formatFigures } from './format-store.ts';
import { currentUser, defaultStoreDeps, withStore, type StoreCommandDeps } from './store-command.ts';

/** The proposal a file became, as the terminal shows it: what it is, every change, the figures, the warnings, how to approve. */
export function formatImported(v: ImportedMeasurements, file: string): string {
  const head = v.existing
    ? `proposal ${v.proposalId} [${v.status}] on ${v.caseId}: the same ${v.measurements} measurement(s) of ${file} are already pending (no twin proposed)`
    : `proposal ${v.proposalId} [${v.status}] on ${v.caseId}: ${v.measurements} measurement(s) from ${file} (${v.layout} layout), figures as of ${v.asOf}`;
  return [
    head,
    ...v.changes.map((c) => `  ${c}`),
    ...formatFigures(v.before, v.after, '  '),
    ...v.warnings.map((w) => `  warning: ${w}`),
    `approve with: ve approve ${v.proposalId} --by NAME`,
  ].join('\n');
}

/**
 * `ve measurements import FILE.csv --case ID [--by NAME] [--json]`: proposes the file's
 * measurements as one proposal (nothing changes until it is approved). A file with any bad
 * row proposes nothing: every bad row is printed with its line, and the exit code is 2.
 */
export function registerMeasurements(program: Command, io: CliIo, deps: () => StoreCommandDeps = defaultStoreDeps): void {
  const measurements = program.command('measurements').description('measurements in bulk: import a CSV file of them as one proposal');
  measurements
    .command('import')
    .description(
      'propose the measurements of a CSV file (month, input, value[, note, evidence, source], or a month column and one column per metric) as one proposal',
    )
    .argument('<file>', 'the CSV file (UTF-8; "," or ";" separated; a ";" file reads decimal commas)')
    .requiredOption('--case <id>', 'business case id')
    .option('--by <name>', 'who proposes it (default: the current user)')
    .option('--json', 'print the proposal view as JSON')
    .action((file: string, opts: { case: string; by?: string; json?: boolean }) => {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new CliError(`cannot read CSV file ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(e))}`, EXIT.usage);
      }
      withStore(deps(), io, (ctx) => {
        const result = proposeMeasurementsFromCsv(ctx, {
          caseId: opts.case,
          csv: bytes,
          actor: opts.by ?? currentUser(),
          source: basename(file),
          channel: 'cli',
        });
        if (!result.ok) throw cliFailure(result.error);
        io.stdout(opts.json ? `${JSON.stringify(result.value, null, 2)}\n` : `${formatImported(result.value, basename(file))}\n`);
      });
    });
}
