/**
 * Timing and memory helpers for the benchmark: medians of repeated runs, garbage
 * collection between phases (`node --expose-gc`), peak heap and RSS deltas.
 */

/** Collects garbage if the process was started with `--expose-gc` (twice, to settle weak refs). */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

/** Peak memory observed during a run, relative to the baseline taken just before it. */
export interface MemoryPeak {
  /** Peak `heapUsed` minus baseline, bytes. */
  heap: number;
  /** Peak `rss` minus baseline, bytes (RSS rarely shrinks, so later phases may under-report). */
  rss: number;
}

/** Tracks the peak of `process.memoryUsage()` against a baseline. */
export class MemoryProbe {
  private readonly heap0: number;
  private readonly rss0: number;
  private heapMax: number;
  private rssMax: number;

  /** Takes the baseline (collect garbage first for a meaningful one). */
  constructor() {
    const m = process.memoryUsage();
    this.heap0 = this.heapMax = m.heapUsed;
    this.rss0 = this.rssMax = m.rss;
  }

  /** Records the current usage. Costs a few microseconds: call it sparingly in timed code. */
  sample(): void {
    const m = process.memoryUsage();
    if (m.heapUsed > this.heapMax) this.heapMax = m.heapUsed;
    if (m.rss > this.rssMax) this.rssMax = m.rss;
  }

  /** Peak deltas so far. */
  peak(): MemoryPeak {
    this.sample();
    return { heap: this.heapMax - this.heap0, rss: this.rssMax - this.rss0 };
  }
}

/**
 * Accumulates wall time and process CPU time (user + system, all threads: includes V8's
 * background GC and compiler threads) over the intervals between `start` and `stop`.
 * On a busy machine wall time includes waiting for a core; CPU time does not.
 */
export class Stopwatch {
  /** Accumulated wall time, ms. */
  wall = 0;
  /** Accumulated CPU time, ms. */
  cpu = 0;
  private t0 = 0;
  private c0: NodeJS.CpuUsage = { user: 0, system: 0 };

  /** Starts an interval. */
  start(): void {
    this.c0 = process.cpuUsage();
    this.t0 = performance.now();
  }

  /** Ends the interval started last. */
  stop(): void {
    this.wall += performance.now() - this.t0;
    const c = process.cpuUsage(this.c0);
    this.cpu += (c.user + c.system) / 1000;
  }
}

/** The outcome of a repeated, timed phase. */
export interface PhaseResult {
  name: string;
  /** Wall time of each timed run, milliseconds. */
  runs: number[];
  /** Median wall time. */
  median: number;
  /** CPU time of each timed run, milliseconds. */
  cpuRuns: number[];
  /** Median CPU time. */
  cpuMedian: number;
  /** Wall time of the untimed first run (warm-up, memory probe), if there was one. */
  first: number | null;
  memory: MemoryPeak;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * A run times itself with the stopwatch it is given (so it can leave untimed work such as
 * preparing chunks out of the figure); it receives a memory probe to sample sparingly.
 */
export type Run = (watch: Stopwatch, probe: MemoryProbe | null) => void;

/**
 * Runs `run` `times` times and takes the median. With `warmup`, a first run with a memory
 * probe comes before the timed runs (reported as `first`, not in the median); without it,
 * every timed run carries the probe (use that for runs that sample only between big steps).
 */
export function phase(name: string, times: number, run: Run, options: { warmup: boolean }): PhaseResult {
  let first: number | null = null;
  let memory: MemoryPeak = { heap: 0, rss: 0 };
  if (options.warmup) {
    collectGarbage();
    const probe = new MemoryProbe();
    const watch = new Stopwatch();
    run(watch, probe);
    first = watch.wall;
    memory = probe.peak();
  }
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  for (let i = 0; i < times; i++) {
    collectGarbage();
    const watch = new Stopwatch();
    if (options.warmup) run(watch, null);
    else {
      const probe = new MemoryProbe();
      run(watch, probe);
      const p = probe.peak();
      memory = { heap: Math.max(memory.heap, p.heap), rss: Math.max(memory.rss, p.rss) };
    }
    runs.push(watch.wall);
    cpuRuns.push(watch.cpu);
  }
  collectGarbage();
  return { name, runs, median: median(runs), cpuRuns, cpuMedian: median(cpuRuns), first, memory };
}

/** Milliseconds, human-readable. */
export function ms(x: number): string {
  return x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(2)} ms`;
}

/** Bytes as MB. */
export function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(0)} MB`;
}

/** One phase of an interleaved measurement. */
export interface PhaseSpec {
  name: string;
  run: Run;
}

/**
 * Like `phase` with a warm-up, for several phases at once, timed in alternation: after one
 * warm-up run each (with a memory probe), round r runs every phase once, starting with
 * phase r mod n. Load from other processes then hits all phases alike, so their ratios are
 * steadier than their absolute times on a busy machine.
 */
export function interleavedPhases(specs: readonly PhaseSpec[], times: number): PhaseResult[] {
  const results: PhaseResult[] = specs.map((spec) => {
    collectGarbage();
    const probe = new MemoryProbe();
    const watch = new Stopwatch();
    spec.run(watch, probe);
    return { name: spec.name, runs: [], median: 0, cpuRuns: [], cpuMedian: 0, first: watch.wall, memory: probe.peak() };
  });
  for (let r = 0; r < times; r++) {
    for (let i = 0; i < specs.length; i++) {
      const k = (r + i) % specs.length;
      collectGarbage();
      const watch = new Stopwatch();
      specs[k]!.run(watch, null);
      results[k]!.runs.push(watch.wall);
      results[k]!.cpuRuns.push(watch.cpu);
    }
  }
  collectGarbage();
  for (const res of results) {
    res.median = median(res.runs);
    res.cpuMedian = median(res.cpuRuns);
  }
  return results;
}
