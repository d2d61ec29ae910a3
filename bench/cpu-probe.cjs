// Preloaded by the start-up benchmark (`node --require bench/cpu-probe.cjs ...`): when the
// process exits, writes its CPU time (user + system, all threads, microseconds) and peak RSS
// (kilobytes) to the file named by VE_BENCH_CPU_FILE. CommonJS, so preloading it costs the
// measured process next to nothing (no ES module loader is started for it).
'use strict';
const file = process.env.VE_BENCH_CPU_FILE;
if (file) {
  delete process.env.VE_BENCH_CPU_FILE;
  process.on('exit', () => {
    const r = process.resourceUsage();
    require('node:fs').writeFileSync(file, JSON.stringify({ user: r.userCPUTime, system: r.systemCPUTime, maxRss: r.maxRSS }));
  });
}
