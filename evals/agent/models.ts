/**
 * The model a case runs against, in one of three modes:
 *
 * - `offline`: the built-in offline model (`selectModel` with `VE_PROVIDER=offline`);
 * - `replay`: the case's recording (`evals/agent/recordings/<id>.json`) served by a local
 *   replay server and reached through `selectModel({ OPENAI_BASE_URL: <replay server>,
 *   VE_MODEL: <recorded model id> })`, i.e. the real `@ai-sdk/openai-compatible` client;
 * - `live`: the configured model (`selectModel(env)`); with `record`, through a local
 *   recording proxy that forwards to the configured server and writes the case's recording.
 */
import { relative } from 'node:path';
import type { LanguageModel } from 'ai';
import { selectModel } from '../../src/agent/select-model.ts';
import type { Failure } from '../suite.ts';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy.ts';
import { loadRecording, recordingPath, saveRecording } from './recordings.ts';
import { startReplayServer, type ReplayServer } from './replay-server.ts';

export type AgentMode = 'offline' | 'replay' | 'live';

/** Where OpenAI's API is when only `OPENAI_API_KEY` is set. */
export const OPENAI_API_BASE = 'https://api.openai.com/v1';

/** Why `--live` cannot run without a configured model. */
export const LIVE_NEEDS_A_MODEL =
  '--live needs a configured model: set OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (any OpenAI-compatible server), and VE_MODEL (VE_PROVIDER must not be offline)';

/** What a mode needs besides the case. */
export interface ModelSettings {
  /** The environment `--live` reads (default `process.env`). */
  env: NodeJS.ProcessEnv;
  /** `--live --record`: write the case's recording. */
  record: boolean;
  /** Where recordings are read and written (default `evals/agent/recordings/`). */
  recordingsDir: URL;
  /** How a recording describes its source (default: provider and model id, never the URL or key). */
  recordedWith?: string;
}

/** A model opened for one case; `finish` closes what it started and reports. */
export interface ModelSession {
  model: LanguageModel;
  /** A line for the report: which model answered. */
  label: string;
  finish(): Promise<{ failures: Failure[]; notes: string[] }>;
}

const shown = (path: string): string => relative(process.cwd(), path) || path;

/** The command that records a case with a real model (for "not recorded" messages). */
export function recordCommand(caseId: string): string {
  return `OPENAI_API_KEY=… [OPENAI_BASE_URL=…] [VE_MODEL=…] npm run evals -- --suite agent-flow --case ${caseId}@live --live --record`;
}

/** Opens the model for a case, or says why it cannot (a replay without a recording). */
export async function openModel(mode: AgentMode, caseId: string, settings: ModelSettings): Promise<ModelSession | { failure: Failure }> {
  if (mode === 'offline') {
    const selected = selectModel({ VE_PROVIDER: 'offline' });
    return { model: selected.model, label: `model: ${selected.description}`, finish: async () => ({ failures: [], notes: [] }) };
  }

  if (mode === 'replay') {
    const recording = await loadRecording(caseId, settings.recordingsDir);
    const path = shown(recordingPath(caseId, settings.recordingsDir));
    if (!recording) {
      return {
        failure: {
          field: 'replay',
          expected: `a recording at ${path}`,
          actual: `not recorded: there is no recording of this case; record it with: ${recordCommand(caseId)}`,
        },
      };
    }
    const server: ReplayServer = await startReplayServer(recording.exchanges, `case ${caseId}`);
    const selected = selectModel({ OPENAI_BASE_URL: server.baseURL, VE_MODEL: recording.model });
    return {
      model: selected.model,
      label: `model: replay of ${path} (${recording.recordedWith}, model ${recording.model}) through @ai-sdk/openai-compatible`,
      finish: async () => {
        await server.close();
        return {
          failures: server.misses.map((m) => ({ field: 'replay', expected: `request ${m.key.slice(0, 12)} recorded`, actual: m.message })),
          notes: [
            `replay: ${server.served.length} of ${recording.exchanges.length} recorded response(s) served, ${server.misses.length} request(s) not recorded`,
          ],
        };
      },
    };
  }

  const configured = selectModel(settings.env);
  if (configured.provider === 'offline') throw new Error(LIVE_NEEDS_A_MODEL);
  if (!settings.record) return { model: configured.model, label: `model: ${configured.description} (live)`, finish: async () => ({ failures: [], notes: [] }) };

  const upstream = settings.env.OPENAI_BASE_URL?.trim() || OPENAI_API_BASE;
  const apiKey = settings.env.OPENAI_API_KEY?.trim();
  const proxy: RecordingProxy = await startRecordingProxy({ baseURL: upstream, ...(apiKey ? { apiKey } : {}) });
  // The same client path replay uses: @ai-sdk/openai-compatible against a local server.
  const selected = selectModel({ OPENAI_BASE_URL: proxy.baseURL, VE_MODEL: configured.modelId });
  return {
    model: selected.model,
    label: `model: ${configured.description} (live, recording)`,
    finish: async () => {
      await proxy.close();
      const notes = proxy.failures.map((f) => `upstream failure (not recorded): ${f}`);
      if (proxy.exchanges.length === 0) return { failures: [], notes: [...notes, 'record: nothing to record (no successful model response)'] };
      const path = await saveRecording(
        {
          version: 1,
          case: caseId,
          model: configured.modelId,
          recordedWith: settings.recordedWith ?? `${configured.provider} ${configured.modelId}`,
          exchanges: proxy.exchanges,
        },
        settings.recordingsDir,
      );
      return { failures: [], notes: [...notes, `record: ${proxy.exchanges.length} exchange(s) written to ${shown(path)}`] };
    },
  };
}
