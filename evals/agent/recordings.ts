/**
 * Recorded model responses, committed under `evals/agent/recordings/`: one file per case,
 * `<case id>.json`, holding every chat-completions exchange of one run of that case against
 * one model, keyed by `requestKey` (a hash of the normalised request). Replay serves them
 * from a local OpenAI-compatible server (`replay-server.ts`); `--live --record` writes them
 * through the recording proxy (`recording-proxy.ts`).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { RequestParts } from './request-key.ts';

/** The directory of the committed recordings. */
export const RECORDINGS_DIR = new URL('./recordings/', import.meta.url);

/** One request and the response the model gave to it. */
export interface RecordedExchange {
  /** `requestKey` of the request. */
  key: string;
  /** The request in parts (for reading the file, and for saying why a request missed). */
  request: RequestParts;
  /** The chat-completions response body, served as is on replay. */
  response: unknown;
}

/** A recording file. */
export interface Recording {
  version: 1;
  /** The case it was recorded for. */
  case: string;
  /** The model id the requests were sent with; replay sends the same (`VE_MODEL`). */
  model: string;
  /** Where it came from, in words (e.g. "OpenAI gpt-5-mini", "the scripted fake upstream"); never a secret. */
  recordedWith: string;
  exchanges: RecordedExchange[];
}

const recordingSchema = z.strictObject({
  version: z.literal(1),
  case: z.string().min(1),
  model: z.string().min(1),
  recordedWith: z.string(),
  exchanges: z.array(
    z.strictObject({
      key: z.string().regex(/^[0-9a-f]{64}$/),
      request: z.strictObject({ model: z.string(), system: z.string(), tools: z.string(), messages: z.array(z.unknown()) }),
      response: z.unknown(),
    }),
  ),
});

/** The path of a case's recording in `dir`. */
export function recordingPath(caseId: string, dir: URL = RECORDINGS_DIR): string {
  return fileURLToPath(new URL(`${caseId}.json`, dir));
}

/** A case's recording, or null when there is none. Throws, naming the file, when it is malformed. */
export async function loadRecording(caseId: string, dir: URL = RECORDINGS_DIR): Promise<Recording | null> {
  const path = recordingPath(caseId, dir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const parsed = recordingSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.join('.') || '(recording)'}: ${issue.message}`);
  }
  if (parsed.data.case !== caseId) throw new Error(`${path}: recorded for case '${parsed.data.case}', not '${caseId}'`);
  return parsed.data as Recording;
}

/** Writes a case's recording (replacing an earlier one): pretty JSON, stable from run to run. */
export async function saveRecording(recording: Recording, dir: URL = RECORDINGS_DIR): Promise<string> {
  await mkdir(fileURLToPath(dir), { recursive: true });
  const path = recordingPath(recording.case, dir);
  await writeFile(path, `${JSON.stringify(recording, null, 2)}\n`);
  return path;
}
