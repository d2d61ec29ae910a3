/**
 * `npm run evals`: runs every registered eval suite offline (see `docs/evals.md`), prints a
 * table of pass rates per suite and case, writes `evals/report.json`, and exits non-zero when
 * calculation correctness is below 100% or any case let data change without approval.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './runner.ts';
import { suites } from './suites.ts';

const reportPath = relative(process.cwd(), fileURLToPath(new URL('./report.json', import.meta.url))) || 'report.json';

process.exitCode = await main(process.argv.slice(2), suites, {
  write: (text) => process.stdout.write(text),
  error: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  reportPath,
});
