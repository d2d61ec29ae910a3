import { z } from 'zod';
import { businessCaseSchema } from '../engine/index.ts';
import { badRowSchema, measurementImportQuerySchema, measurementImportReplySchema } from './measurement-routes.ts';
import {
  approveRequestSchema,
  chatRequestSchema,
  proposalsQuerySchema,
  qbrCheckRequestSchema,
  qbrDraftRequestSchema,
  qbrQuerySchema,
  rejectRequestSchema,
  summaryQuerySchema,
  uiChatRequestSchema,
} from './request-schemas.ts';
import {
  approveReplySchema,
  caseListSchema,
  caseSchema,
  chatReplySchema,
  errorResponseSchema,
  healthSchema,
  proposalListSchema,
  qbrCheckReplySchema,
  qbrDraftReplySchema,
  rejectReplySchema,
  summarySchema,
} from './response-schemas.ts';

type Json = Record<string, unknown>;

/** One route as `openapi.json` describes it. */
export interface RouteDoc {
  method: 'get' | 'post';
  operationId: string;
  /** OpenAPI path, `{id}` for parameters. */
  path: string;
  summary: string;
  description?: string;
  /** False for the public routes (`/healthz`, `/openapi.json`). */
  auth: boolean;
  query?: z.ZodObject;
  /** Request body schemas (several: `oneOf`); `optional` when an empty body is accepted; `media` other content types than JSON (by media type). */
  body?: { schemas: z.ZodType[]; optional?: boolean; media?: Record<string, Json> };
  /**
   * Success status and body; `stream` adds the `text/event-stream` alternative, `media` other
   * content types (by media type: its schema), `also` a second success status with the same content.
   */
  ok: {
    status: number;
    description: string;
    schema?: z.ZodType;
    stream?: boolean;
    media?: Record<string, Json>;
    also?: { status: number; description: string };
  };
  /** Failure statuses this route can answer (401, 500 and 503 are added for authenticated routes, 413 and 429 for those with a body). */
  errors: number[];
}

const ID = '{id}';

/** Every route of the app, as documented. `test/http/openapi.test.ts` checks it against the app's routes. */
export const ROUTES: readonly RouteDoc[] = [
  {
    method: 'post',
    operationId: 'chat',
    path: '/api/chat',
    summary: 'One chat turn with the value engineer',
    description:
      'Plain body `{ message, threadId? }` answers JSON. The useChat body `{ id, messages }`, or any body sent with `Accept: text/event-stream`, answers an ai SDK UI message stream (SSE; header `X-Thread-Id`). The conversation is kept per thread id on the server; from a useChat body only the last user message is read. Proposals made in the turn are pending until approved.',
    auth: true,
    body: { schemas: [chatRequestSchema, uiChatRequestSchema] },
    ok: { status: 200, description: 'The answer and the proposals made in this turn', schema: chatReplySchema, stream: true },
    errors: [400, 502],
  },
  {
    method: 'get',
    operationId: 'listProposals',
    path: '/api/proposals',
    summary: "The workspace's pending proposals",
    auth: true,
    query: proposalsQuerySchema,
    ok: { status: 200, description: 'Pending proposals, oldest first', schema: proposalListSchema },
    errors: [400, 404],
  },
  {
    method: 'post',
    operationId: 'approveProposal',
    path: `/api/proposals/${ID}/approve`,
    summary: 'Approve a proposal and apply it (approving twice applies once)',
    description:
      "The approver recorded is the bearer token's name. A proposal made against an older version (or previewed under an earlier engine contract) is re-checked by the engine and refused (409) if it no longer does what was previewed, e.g. when it would change a locked month.",
    auth: true,
    body: { schemas: [approveRequestSchema], optional: true },
    ok: { status: 200, description: 'Applied (or already applied: `alreadyApplied`)', schema: approveReplySchema },
    errors: [400, 404, 409, 410],
  },
  {
    method: 'post',
    operationId: 'rejectProposal',
    path: `/api/proposals/${ID}/reject`,
    summary: 'Reject a pending proposal (nothing is applied)',
    auth: true,
    body: { schemas: [rejectRequestSchema], optional: true },
    ok: { status: 200, description: 'Rejected (or already rejected: `alreadyRejected`)', schema: rejectReplySchema },
    errors: [400, 404, 409],
  },
  {
    method: 'get',
    operationId: 'listBusinessCases',
    path: '/api/business-cases',
    summary: "The workspace's business cases",
    auth: true,
    ok: { status: 200, description: 'The listing (without documents)', schema: caseListSchema },
    errors: [],
  },
  {
    method: 'post',
    operationId: 'importBusinessCase',
    path: '/api/business-cases',
    summary: 'Import a business-case document as a new case (version 1)',
    description: 'Never overwrites: an id already taken is 409; later changes go through proposals.',
    auth: true,
    body: { schemas: [businessCaseSchema] },
    ok: { status: 201, description: 'Stored', schema: caseSchema },
    errors: [400, 409, 422],
  },
  {
    method: 'get',
    operationId: 'getBusinessCase',
    path: `/api/business-cases/${ID}`,
    summary: 'A business case with its document',
    auth: true,
    ok: { status: 200, description: 'The case', schema: caseSchema },
    errors: [404],
  },
  {
    method: 'get',
    operationId: 'getSummary',
    path: `/api/business-cases/${ID}/summary`,
    summary: "The engine's value summary of a business case",
    auth: true,
    query: summaryQuerySchema,
    ok: { status: 200, description: 'The summary', schema: summarySchema },
    errors: [400, 404, 422],
  },
  {
    method: 'get',
    operationId: 'getQbrDraft',
    path: `/api/business-cases/${ID}/qbr`,
    summary: 'The QBR draft of a business case for a quarter and audience (drafted and saved when there is none)',
    description:
      "The latest saved draft for the quarter and audience; when there is none, one is drafted from the engine's facts (with the server's language model, or the offline template), every number checked against the facts, and saved as version 1. `format=md` answers the Markdown, `format=pptx` the slide deck (the chart and the outcomes table) as an attachment; both carry `X-QBR-Version`, `X-QBR-Grounded`, `X-QBR-Stale` and `X-QBR-Created` headers. A quarter with no realized month is a 400 naming `quarter`.",
    auth: true,
    query: qbrQuerySchema,
    ok: {
      status: 200,
      description: 'The draft (JSON, Markdown or PPTX, as `format` asks)',
      schema: qbrDraftReplySchema,
      media: {
        'text/markdown': { schema: { type: 'string', description: 'The draft in Markdown' } },
        'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
          schema: {
            type: 'string',
            contentMediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
            description: 'The slide deck',
          },
        },
      },
    },
    errors: [400, 404, 409, 502],
  },
  {
    method: 'post',
    operationId: 'draftQbr',
    path: `/api/business-cases/${ID}/qbr`,
    summary: 'Draft and save a new version of the QBR for a quarter and audience',
    description:
      "Drafts from the engine's current facts, checks every number against them and saves the next version (201, `Location` names it). With `redraft: false` the latest saved draft is returned when there is one (200). Saving a draft changes no business data: no approval is involved.",
    auth: true,
    body: { schemas: [qbrDraftRequestSchema], optional: true },
    ok: {
      status: 201,
      description: 'Drafted and saved',
      schema: qbrDraftReplySchema,
      also: { status: 200, description: 'The saved latest draft (`redraft: false`)' },
    },
    errors: [400, 404, 409, 502],
  },
  {
    method: 'post',
    operationId: 'checkQbrDraft',
    path: `/api/business-cases/${ID}/qbr/check`,
    summary: "Check a QBR draft's figures, dates and status words against the engine's facts",
    description:
      'The independent claim check (`ve qbr check`): reads the markdown back and traces every number (digits or words, at its rounding), month, quarter, percentage and status word to the fact its sentence claims. 200 whether or not it finds problems; nothing is saved.',
    auth: true,
    body: { schemas: [qbrCheckRequestSchema] },
    ok: { status: 200, description: 'The problems found (empty: clean)', schema: qbrCheckReplySchema },
    errors: [400, 404],
  },
  {
    method: 'post',
    operationId: 'importMeasurements',
    path: `/api/business-cases/${ID}/measurements`,
    summary: 'Propose the measurements of a CSV file as one proposal (nothing changes until it is approved)',
    description:
      'The body is the file itself (`Content-Type: text/csv`, UTF-8, a BOM allowed): columns `month`, `input` (label or key), `value` and optionally `note`, `evidence`, `source`, `use case`; or a `month` column and one column per metric. A `;`-separated file reads decimal commas (`1.234,5`). Every measurement becomes one `recordMeasurement` of ONE pending proposal (201); the same file already pending on the case returns that proposal (200, `existing: true`). A file with any bad row proposes nothing: 422 with `error.rows` (an array of `BadRow`), every bad row with its `line`, `column`, `reason` and `candidates` (docs/measurements-csv.md).',
    auth: true,
    query: measurementImportQuerySchema,
    body: {
      schemas: [],
      media: { 'text/csv': { schema: { type: 'string', description: 'The CSV file' } } },
    },
    ok: {
      status: 201,
      description: 'Proposed: the proposal view (every change, the figures before and after, the warnings) with `existing`, `measurements` and `layout`',
      schema: measurementImportReplySchema,
      also: { status: 200, description: 'The same file was already pending: that proposal (`existing: true`)' },
    },
    errors: [400, 404, 422],
  },
  {
    method: 'get',
    operationId: 'health',
    path: '/healthz',
    summary: 'Liveness: the server answers and its database is readable',
    auth: false,
    ok: { status: 200, description: 'Healthy', schema: healthSchema },
    errors: [503],
  },
  {
    method: 'get',
    operationId: 'openApi',
    path: '/openapi.json',
    summary: 'This document',
    auth: false,
    ok: { status: 200, description: 'The OpenAPI 3.1 document' },
    errors: [],
  },
];

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request: `error.field` names the field',
  401: 'Missing, malformed, unknown or revoked bearer token',
  404: 'No such resource in this workspace',
  409: 'Conflicts with the current state (id taken, proposal refused or already decided)',
  410: 'The proposal expired; propose it again',
  413: 'Request body too large',
  429: 'Too many chat turns or request bodies from this token in the last minute; `Retry-After` says how many seconds to wait',
  422: 'Well-formed but not acceptable (invalid document, evaluation error; a refused CSV file lists its bad rows in `error.rows`)',
  500: 'Internal error (a reference to quote; details are only in the server log)',
  502: 'The language model did not answer',
  503: 'The database is not readable, or busy (another process holds its write lock); `Retry-After` says when to try again',
};

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

function operation(route: RouteDoc): Json {
  const parameters: Json[] = [];
  if (route.path.includes(ID)) parameters.push({ name: 'id', in: 'path', required: true, schema: { type: 'string' } });
  for (const [name, field] of Object.entries(route.query?.shape ?? {})) {
    const schema = schemaOf(field as z.ZodType, 'input');
    parameters.push({ name, in: 'query', required: false, ...(schema.description ? { description: schema.description } : {}), schema });
  }
  const content: Json = {};
  if (route.ok.schema) content['application/json'] = { schema: schemaOf(route.ok.schema, 'output') };
  if (route.ok.stream) {
    content['text/event-stream'] = { schema: { type: 'string', description: 'ai SDK UI message stream (`data: {...}` events, `data: [DONE]`)' } };
  }
  for (const [type, media] of Object.entries(route.ok.media ?? {})) content[type] = media;
  const withContent = Object.keys(content).length ? { content } : {};
  const responses: Json = { [String(route.ok.status)]: { description: route.ok.description, ...withContent } };
  if (route.ok.also) responses[String(route.ok.also.status)] = { description: route.ok.also.description, ...withContent };
  const statuses = new Set(route.errors);
  if (route.auth) [401, 500, 503].forEach((s) => statuses.add(s));
  if (route.auth && route.body) [413, 429].forEach((s) => statuses.add(s));
  for (const status of [...statuses].sort((a, b) => a - b)) {
    responses[String(status)] = {
      description: ERROR_TEXT[status] ?? 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  const op: Json = { summary: route.summary, ...(route.description ? { description: route.description } : {}), operationId: route.operationId };
  if (parameters.length) op.parameters = parameters;
  if (route.body) {
    const schemas = route.body.schemas.map((s) => schemaOf(s, 'input'));
    const json = schemas.length ? { 'application/json': { schema: schemas.length === 1 ? schemas[0] : { oneOf: schemas } } } : {};
    op.requestBody = { required: !route.body.optional, content: { ...json, ...route.body.media } };
  }
  op.security = route.auth ? [{ bearerAuth: [] }] : [];
  op.responses = responses;
  return op;
}

/**
 * The OpenAPI 3.1 document of the HTTP door, generated from the same zod schemas the routes
 * validate with (`z.toJSONSchema`, JSON Schema 2020-12 as OpenAPI 3.1 uses).
 */
export function openApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const route of ROUTES) {
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, Json>)[route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'value-engineer',
      version: '0.1.0',
      description:
        'The conversational value engineer over a deterministic benefit engine. Every change is a proposal a person approves. Authenticate with `Authorization: Bearer <token>` (`ve token create`); a token sees only its workspace.',
    },
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'A workspace token from `ve token create` (or the one `ve serve` prints)' },
      },
      schemas: { Error: schemaOf(errorResponseSchema, 'output'), BadRow: schemaOf(badRowSchema, 'output') },
    },
  };
}
