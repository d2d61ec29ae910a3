import { describe, expect, it } from 'vitest';
import { describeError, ERROR_CATALOGUE, ERROR_CODES, errorReference, failWith, redactSecrets } from '../../src/errors/index.ts';

describe('the one error catalogue', () => {
  it('maps every code to one HTTP status, CLI exit code and logging rule', () => {
    const table = Object.fromEntries(ERROR_CODES.map((code) => [code, [ERROR_CATALOGUE[code].http, ERROR_CATALOGUE[code].exit, ERROR_CATALOGUE[code].logged]]));
    expect(table).toEqual({
      not_found: [404, 2, false],
      invalid_argument: [400, 2, false],
      invalid_operation: [400, 2, false],
      invalid_document: [422, 2, false],
      invalid_request: [400, 2, false],
      invalid_json: [400, 2, false],
      conflict: [409, 1, false],
      refused: [409, 1, false],
      not_pending: [409, 1, false],
      expired: [410, 1, false],
      evaluation_error: [422, 1, false],
      unauthorized: [401, 2, false],
      forbidden: [403, 1, false],
      method_not_allowed: [405, 2, false],
      payload_too_large: [413, 2, false],
      rate_limited: [429, 1, false],
      unavailable: [503, 1, true],
      model_unavailable: [502, 1, true],
      internal: [500, 1, true],
    });
  });

  it('a logged failure shows people only a reference, never its message', () => {
    for (const code of ERROR_CODES.filter((c) => ERROR_CATALOGUE[c].logged)) {
      const hidden = ERROR_CATALOGUE[code].hidden!('abcd1234');
      expect(hidden, code).toContain('abcd1234');
      expect(ERROR_CATALOGUE[code].slack({ message: 'SQLITE_BUSY at /srv/x.ts', lead: 'Not applied', reference: 'abcd1234' }), code).not.toContain('SQLITE');
    }
    expect(ERROR_CATALOGUE.internal.hidden!('abcd1234')).toBe('internal error (reference abcd1234)');
  });

  it('words each failure for Slack', () => {
    const w = { message: 'proposal p1 was rejected by Sam', lead: 'Not applied', reference: 'abcd1234' };
    expect(ERROR_CATALOGUE.not_pending.slack(w)).toBe('Not applied: proposal p1 was rejected by Sam');
    expect(ERROR_CATALOGUE.not_found.slack({ ...w, message: "no proposal 'p9'", subject: 'proposal `p9`' })).toBe(
      'I cannot find proposal `p9` in this workspace.',
    );
    expect(ERROR_CATALOGUE.not_found.slack({ ...w, message: "no proposal 'p9'" })).toBe("Not applied: no proposal 'p9'");
    expect(ERROR_CATALOGUE.internal.slack(w)).toBe(
      'Sorry, something went wrong on my side and I could not finish that. Nothing was changed. (reference `abcd1234`)',
    );
    expect(ERROR_CATALOGUE.internal.slack({ ...w, nothingChanged: false })).toBe(
      'Sorry, something went wrong on my side and I could not finish that. (reference `abcd1234`)',
    );
  });
});

describe('the one result type', () => {
  it('keeps only the parts of an error that are given', () => {
    expect(failWith('refused', 'no')).toEqual({ ok: false, error: { code: 'refused', message: 'no' } });
    expect(failWith('invalid_operation', 'bad', { index: 1, path: '$.op', field: undefined, candidates: [] })).toEqual({
      ok: false,
      error: { code: 'invalid_operation', message: 'bad', index: 1, path: '$.op' },
    });
    expect(failWith('not_found', 'which?', { candidates: ['A (a)'] })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'which?', candidates: ['A (a)'] },
    });
  });
});

describe('one redaction and one reference for every door', () => {
  it('hides Slack tokens, OpenAI keys, project tokens, bearer credentials and given secrets', () => {
    const token = `ve_${'A'.repeat(43)}`;
    expect(redactSecrets(`xoxb-123-abc xapp-1-A-b sk-proj-abcdefghijkl Bearer abc.def ${token} my-api-key-42`, ['my-api-key-42'])).toBe(
      '[redacted] [redacted] [redacted] [redacted] [redacted] [redacted]',
    );
    // Identifiers that merely start like a token stay readable.
    expect(redactSecrets('action ve_reject_modal and ve_approve')).toBe('action ve_reject_modal and ve_approve');
    // Secrets shorter than 6 characters are not searched for (they would match ordinary words).
    expect(redactSecrets('abc', ['abc'])).toBe('abc');
  });

  it('describes an error on one redacted line, cut to 500 characters', () => {
    expect(describeError(new TypeError('bad\n  token xoxb-1-2'))).toBe('TypeError: bad token [redacted]');
    expect(describeError('x'.repeat(600))).toHaveLength(500);
    expect(errorReference()).toMatch(/^[0-9a-f]{8}$/);
  });
});
