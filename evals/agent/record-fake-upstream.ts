/**
 * Re-records the committed recordings of the scripted fake upstream:
 *
 *     node --import tsx evals/agent/record-fake-upstream.ts
 *
 * Starts the scripted OpenAI-compatible upstream (`fake-upstream.ts`) on 127.0.0.1 and runs
 * the cases it covers exactly as `npm run evals -- --suite agent-flow --live --record` would
 * with `OPENAI_BASE_URL` pointing at it: each request goes through the recording proxy,
 * which forwards it and writes `evals/agent/recordings/<case>.json`. Every `npm run evals`
 * then replays those files (`<case>@replay`). Deterministic: re-running writes the same files.
 */
import { main } from '../runner.ts';
import { createAgentSuite } from './agent-suite.ts';
import { FAKE_UPSTREAM_CASES, FAKE_UPSTREAM_LABEL, FAKE_UPSTREAM_MODEL, startFakeUpstream } from './fake-upstream.ts';

const upstream = await startFakeUpstream();
try {
  const suite = createAgentSuite({ env: { OPENAI_BASE_URL: upstream.baseURL, VE_MODEL: FAKE_UPSTREAM_MODEL }, recordedWith: FAKE_UPSTREAM_LABEL });
  process.exitCode = await main(['--live', '--record', '--case', FAKE_UPSTREAM_CASES.map((id) => `${id}@live`).join(',')], [suite], {
    write: (text) => process.stdout.write(text),
    error: (text) => process.stderr.write(text),
    isTTY: false,
    reportPath: null,
  });
} finally {
  await upstream.close();
}
