/**
 * `npm run bench`: the engine benchmark (`bench/engine.ts`), the store benchmark
 * (`bench/store.ts`), the prompt and per-task token counts with the o200k tokenizer
 * (`bench/prompt-tokens.ts`), the chat-turn benchmark (`bench/chat.ts`) and the start-up
 * benchmark (`bench/startup.ts`).
 *
 * Options (after `npm run bench --`):
 *   --quick            1,000 cases only, 3 runs, 1 HyperFormula run
 *   --sizes 1000,10000 portfolio sizes
 *   --runs N           timed runs of parsing; rounds of engine + floor in alternation (default 7)
 *   --hf-runs N        HyperFormula runs of a portfolio that fits one workbook (default 3)
 *   --hf-chunk N       business cases per HyperFormula workbook (default 1000)
 *   --hf-sample N      chunks of a bigger portfolio to run, the rest extrapolated (default 3)
 *   --hf-full          run every chunk of a bigger portfolio (10,000 cases: ~4 more minutes)
 *   --no-engine        skip the engine benchmark
 *   --no-store         skip the store benchmark
 *   --no-chat          skip the chat-turn benchmark
 *   --no-tokens        skip the token counts
 *   --no-startup       skip the start-up benchmark
 *   --startup-rounds N rounds of the start-up benchmark (default 7; 3 with --quick)
 *   --no-web           skip the web workspace benchmark (`bench/web.ts`: a 36 x 20 case page, the JS shipped)
 *   --no-csv           skip the measurement CSV benchmark (`bench/import-measurements.ts`)
 * Writes the figures to `bench/results/engine.json` (ignored by git).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { formatReport, runEngineBench } from './engine.ts';
import { runStoreBench } from './store.ts';
import { runChatBench } from './chat.ts';
import { runTokenBench } from './prompt-tokens.ts';
import { runStartupBench } from './startup.ts';
import { runWebBench } from './web.ts';
import { runCsvBench } from './import-measurements.ts';

interface Args {
  sizes: number[];
  runs: number;
  hfRuns: number;
  hfChunk: number;
  hfSample: number | null;
  engine: boolean;
  store: boolean;
  chat: boolean;
  tokens: boolean;
  startup: boolean;
  startupRounds: number;
  csv: boolean;
  web: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    sizes: [1000, 10_000],
    runs: 7,
    hfRuns: 3,
    hfChunk: 1000,
    hfSample: 3,
    engine: true,
    store: true,
    chat: true,
    tokens: true,
    startup: true,
    startupRounds: 7,
    csv: true,
    web: true,
  };
  const num = (i: number): number => {
    const v = Number(argv[i + 1]);
    if (!Number.isInteger(v) || v < 1) throw new Error(`${argv[i]} needs a positive whole number`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    switch (argv[i]) {
      case '--quick':
        args.sizes = [1000];
        args.runs = 3;
        args.hfRuns = 1;
        args.startupRounds = 3;
        break;
      case '--sizes':
        args.sizes = (argv[i + 1] ?? '').split(',').map(Number);
        if (args.sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error('--sizes needs e.g. 1000,10000');
        i++;
        break;
      case '--runs':
        args.runs = num(i++);
        break;
      case '--hf-runs':
        args.hfRuns = num(i++);
        break;
      case '--hf-chunk':
        args.hfChunk = num(i++);
        break;
      case '--hf-sample':
        args.hfSample = num(i++);
        break;
      case '--hf-full':
        args.hfSample = null;
        break;
      case '--no-engine':
        args.engine = false;
        break;
      case '--no-store':
        args.store = false;
        break;
      case '--no-chat':
        args.chat = false;
        break;
      case '--no-tokens':
        args.tokens = false;
        break;
      case '--no-startup':
        args.startup = false;
        break;
      case '--no-csv':
        args.csv = false;
        break;
      case '--no-web':
        args.web = false;
        break;
      case '--startup-rounds':
        args.startupRounds = num(i++);
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
    console.warn('note: run with node --expose-gc (npm run bench does) for memory figures between phases');
  }
  const started = performance.now();
  if (args.engine) {
    console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
    const results = await runEngineBench({
      sizes: args.sizes,
      runs: args.runs,
      hfRuns: args.hfRuns,
      hfChunk: args.hfChunk,
      hfSampleChunks: args.hfSample,
      log: (line) => console.log(line),
    });
    console.log('');
    console.log(formatReport(results));
    const dir = new URL('./results/', import.meta.url);
    mkdirSync(dir, { recursive: true });
    writeFileSync(new URL('engine.json', dir), `${JSON.stringify({ node: process.version, at: new Date().toISOString(), results }, null, 2)}\n`);
  }
  if (args.store) console.log(`\n${await runStoreBench()}`);
  if (args.tokens) console.log(`\n${await runTokenBench()}`);
  if (args.chat) console.log(`\n${await runChatBench()}`);
  if (args.startup) console.log(`\n${await runStartupBench({ rounds: args.startupRounds })}`);
  if (args.web) console.log(`\n${await runWebBench()}`);
  if (args.csv) console.log(`\n${await runCsvBench({ rounds: args.runs })}`);
  console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
