/** The web door's in-memory sessions: idle expiry, ending one or all of a token's, CSRF comparison. */
import { describe, expect, it } from 'vitest';
import { csrfMatches, SESSION_IDLE_MS, SessionStore } from '../../src/web/session.ts';
import { plotFrame } from '../../src/web/summary-page.ts';

const holder = { workspaceId: 'default', tokenId: 't1', name: 'dana' };

describe('SessionStore', () => {
  it('forgets a session idle for longer than 12 hours, and keeps one in use', () => {
    let now = 0;
    const sessions = new SessionStore(() => now);
    const used = sessions.create(holder, 've_x');
    const idle = sessions.create(holder, 've_x');
    now = SESSION_IDLE_MS - 1;
    expect(sessions.get(used.id)).toBe(used);
    now = SESSION_IDLE_MS + 1;
    // `used` was seen 2 ms ago; `idle` 12 hours and 1 ms ago.
    expect(sessions.get(used.id)).toBe(used);
    expect(sessions.get(idle.id)).toBeNull();
  });

  it('ends one session, or every session of a token', () => {
    const sessions = new SessionStore();
    const a = sessions.create(holder, 've_x');
    const b = sessions.create(holder, 've_x');
    const other = sessions.create({ ...holder, tokenId: 't2' }, 've_y');
    sessions.end(a.id);
    expect(sessions.get(a.id)).toBeNull();
    sessions.endForToken('t1');
    expect(sessions.get(b.id)).toBeNull();
    expect(sessions.get(other.id)).toBe(other);
  });

  it('gives every session its own random id and CSRF token, and compares tokens exactly', () => {
    const sessions = new SessionStore();
    const a = sessions.create();
    const b = sessions.create();
    expect(a.id).not.toBe(b.id);
    expect(a.csrf).not.toBe(b.csrf);
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrfMatches(a, a.csrf)).toBe(true);
    expect(csrfMatches(a, b.csrf)).toBe(false);
    expect(csrfMatches(a, `${a.csrf}x`)).toBe(false);
    expect(csrfMatches(a, '')).toBe(false);
    expect(csrfMatches(a, undefined)).toBe(false);
  });
});

describe('plotFrame', () => {
  it('reads where the chart’s plot starts and ends from its y-axis gridlines', () => {
    const svg =
      '<svg><g data-axis="y" data-min="0"><line x1="80" y1="595.0" x2="1160" y2="595.0"/></g><g data-axis="x"><line x1="80.0" y1="595" x2="80.0" y2="601"/></g></svg>';
    expect(plotFrame(svg)).toEqual({ left: 80, right: 1160, axisY: 595 });
  });
});
