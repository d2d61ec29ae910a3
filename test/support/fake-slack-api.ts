import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake Slack received: a Web API method, a file upload or a `response_url` post. */
export interface FakeSlackCall {
  /** The Web API method (`chat.postMessage`), `upload` for a file's bytes, `response_url` for a respond(). */
  method: string;
  /** Form or JSON fields; fields that hold JSON (blocks, files, view) are parsed. */
  body: Record<string, any>;
  /** The uploaded bytes (`upload` only). */
  bytes?: Buffer;
  /** Whether an `Authorization: Bearer ...` header came with it (the token itself is not kept). */
  authorized: boolean;
  /** What the fake answered (Web API methods). */
  response?: Record<string, any>;
}

/** A reply the fake gives a method; `undefined` falls back to the default reply. */
export type FakeSlackResponder = (body: Record<string, any>) => Record<string, unknown> | undefined;

/** A local stand-in for the Slack Web API on 127.0.0.1, recording every call. */
export interface FakeSlackApi {
  /** Base URL for `clientOptions.slackApiUrl` (ends with `/api/`). */
  apiUrl: string;
  /** Base URL of the server, for `response_url` values in test payloads. */
  origin: string;
  calls: FakeSlackCall[];
  /** The recorded calls of one method, in order. */
  callsTo(method: string): FakeSlackCall[];
  /** Replaces the reply of one method (e.g. an error `{ ok: false, error: 'not_in_channel' }`). */
  on(method: string, responder: FakeSlackResponder): void;
  /** Display names users.info answers with. */
  users: Record<string, string>;
  /**
   * Files people shared, by id: `files.info` answers with each (its `url_private_download`
   * on this server), and `GET /files/<id>/<name>` serves the bytes to a bearer token only,
   * as Slack's file hosts do.
   */
  files: Record<string, { name: string; bytes: Buffer; filetype?: string; mimetype?: string }>;
  /** The URL a shared file is downloaded from. */
  fileUrl(id: string): string;
  clear(): void;
  close(): Promise<void>;
}

const JSON_FIELDS = new Set(['blocks', 'attachments', 'files', 'view', 'prompts', 'metadata', 'loading_messages']);

function decodeForm(text: string): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (JSON_FIELDS.has(key)) {
      try {
        out[key] = JSON.parse(value);
        continue;
      } catch {
        // keep it as text
      }
    }
    out[key] = value;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Starts the fake Slack Web API: answers every method `{ ok: true, ... }` with plausible
 * fields (message timestamps, upload URLs pointing back at itself, auth.test identity), keeps
 * the file bytes posted to upload URLs, and records everything for assertions.
 */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: FakeSlackCall[] = [];
  const responders = new Map<string, FakeSlackResponder>();
  const users: Record<string, string> = {};
  const files: FakeSlackApi['files'] = {};
  const fileUrl = (id: string) => `${origin}/files/${id}/${encodeURIComponent(files[id]?.name ?? 'file')}`;
  let seq = 0;
  let origin = '';

  const defaults = (method: string, body: Record<string, any>): Record<string, unknown> => {
    seq += 1;
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0TEST', team: 'Test', user: 've', url: `${origin}/` };
      case 'chat.postMessage':
        return { ok: true, channel: body.channel, ts: `1760000000.${String(seq).padStart(6, '0')}`, message: { text: body.text } };
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1760000000.${String(seq).padStart(6, '0')}` };
      case 'views.open':
        return { ok: true, view: { id: `V${seq}` } };
      case 'users.info': {
        const name = users[body.user] ?? `User ${body.user}`;
        return { ok: true, user: { id: body.user, name: name.toLowerCase(), real_name: name, profile: { real_name: name, display_name: name } } };
      }
      case 'files.getUploadURLExternal':
        return { ok: true, upload_url: `${origin}/upload/F${seq}`, file_id: `F${seq}` };
      case 'files.info': {
        const f = files[body.file];
        if (!f) return { ok: false, error: 'file_not_found' };
        const filetype = f.filetype ?? (f.name.endsWith('.csv') ? 'csv' : 'text');
        const shown = { id: body.file, name: f.name, title: f.name, filetype, mimetype: f.mimetype ?? 'text/csv', size: f.bytes.length };
        return { ok: true, file: { ...shown, url_private: fileUrl(body.file), url_private_download: fileUrl(body.file) } };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: (body.files ?? []).map((f: { id: string; title?: string }) => ({ id: f.id, title: f.title })) };
      default:
        return { ok: true };
    }
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const url = new URL(req.url ?? '/', origin);
      const authorized = /^Bearer \S+/.test(req.headers.authorization ?? '');
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (url.pathname.startsWith('/upload/')) {
        const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
        const file = form.get('body') ?? form.get('file');
        const bytes = file && typeof file !== 'string' ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
        calls.push({ method: 'upload', body: { fileId: url.pathname.slice('/upload/'.length) }, bytes, authorized });
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('OK - ' + bytes.length);
        return;
      }
      if (url.pathname.startsWith('/files/')) {
        const id = url.pathname.split('/')[2] ?? '';
        calls.push({ method: 'download', body: { fileId: id }, authorized });
        const f = files[id];
        if (!authorized || !f) {
          res.writeHead(authorized ? 404 : 302, authorized ? {} : { location: `${origin}/signin` });
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': f.mimetype ?? 'text/csv', 'content-length': String(f.bytes.length) });
        res.end(f.bytes);
        return;
      }
      if (url.pathname.startsWith('/response/')) {
        calls.push({ method: 'response_url', body: JSON.parse(raw.toString('utf8') || '{}'), authorized });
        reply(200, { ok: true });
        return;
      }
      if (!url.pathname.startsWith('/api/')) {
        reply(404, { ok: false, error: 'unknown_path' });
        return;
      }
      const method = url.pathname.slice('/api/'.length);
      const type = req.headers['content-type'] ?? '';
      const text = raw.toString('utf8');
      const body = type.includes('application/json') ? (JSON.parse(text || '{}') as Record<string, any>) : decodeForm(text);
      const call: FakeSlackCall = { method, body, authorized };
      calls.push(call);
      call.response = responders.get(method)?.(body) ?? defaults(method, body);
      reply(200, call.response);
    })().catch((e) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${origin}/api/`,
    origin,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    on: (method, responder) => {
      responders.set(method, responder);
    },
    users,
    files,
    fileUrl,
    clear: () => {
      calls.length = 0;
      responders.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
