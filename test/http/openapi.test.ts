/** `GET /openapi.json` describes exactly the routes the app serves, generated from the zod schemas. */
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/http/index.ts';
import { scriptedModel } from '../support/scripted-model.ts';
import { httpHarness } from './http-harness.ts';

const harness = () => httpHarness(scriptedModel(() => ({ text: 'ok' })));

describe('openapi.json', () => {
  it('lists every route the app serves, and only those', async () => {
    const h = harness();
    const served = h.app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    const doc = (await h.json('GET', '/openapi.json', { token: null })).body;
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`))
      .sort();
    expect(documented).toEqual(served);
    expect(documented).toEqual([
      'get /api/business-cases',
      'get /api/business-cases/{id}',
      'get /api/business-cases/{id}/qbr',
      'get /api/business-cases/{id}/summary',
      'get /api/proposals',
      'get /healthz',
      'get /openapi.json',
      'post /api/business-cases',
      'post /api/business-cases/{id}/measurements',
      'post /api/business-cases/{id}/qbr',
      'post /api/business-cases/{id}/qbr/check',
      'post /api/chat',
      'post /api/proposals/{id}/approve',
      'post /api/proposals/{id}/reject',
    ]);
    expect(ROUTES).toHaveLength(documented.length);
  });

  it('is an OpenAPI 3.1 document with bearer auth on /api routes and the schemas from zod', async () => {
    const h = harness();
    const doc = (await h.json('GET', '/openapi.json', { token: null })).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearerAuth).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const op of Object.values(ops)) {
        expect(op.security, path).toEqual(path.startsWith('/api/') ? [{ bearerAuth: [] }] : []);
        if (path.startsWith('/api/'))
          expect(Object.keys(op.responses), path).toEqual(expect.arrayContaining(op.requestBody ? ['401', '413', '500'] : ['401', '500']));
        if (path.includes('{id}')) expect(op.parameters.find((p: any) => p.in === 'path')).toMatchObject({ name: 'id', required: true });
      }
    }
    const chat = doc.paths['/api/chat'].post;
    const [plain, ui] = chat.requestBody.content['application/json'].schema.oneOf;
    expect(plain.required).toEqual(['message']);
    expect(plain.properties.message).toMatchObject({ type: 'string', maxLength: 8000, description: 'What the person says' });
    expect(plain.additionalProperties).toBe(false);
    expect(ui.required).toEqual(['id', 'messages']);
    expect(Object.keys(chat.responses['200'].content)).toEqual(['application/json', 'text/event-stream']);
    expect(chat.responses['200'].content['application/json'].schema.properties.proposals.items.properties.proposalId.type).toBe('string');
    const summary = doc.paths['/api/business-cases/{id}/summary'].get;
    expect(summary.parameters.map((p: any) => p.name)).toEqual(['id', 'asOf', 'scenario', 'compare']);
    const importCase = doc.paths['/api/business-cases'].post;
    expect(importCase.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['id', 'name', 'scenarios']));
    expect(Object.keys(importCase.responses)).toEqual(expect.arrayContaining(['201', '409', '422']));
    const ids = Object.values(doc.paths as Record<string, Record<string, any>>).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
