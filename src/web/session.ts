import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TokenHolder } from '../app/authenticate-token.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 've_session';
/** A session unused for this long is gone (ms): 12 hours. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** Most sessions kept at once; the least recently used goes first. */
export const MAX_SESSIONS = 10_000;

/** A one-shot message shown on the next page (after a redirect). */
export interface Flash {
  kind: 'ok' | 'error';
  text: string;
}

/**
 * A browser's session, kept in the server's memory only: the CSRF token every state-changing
 * request must carry, and once signed in, who it is and the workspace token it signed in with
 * (to call the API's own routes, such as the chat stream, as that token; never written to disk
 * or a log, never sent back to the browser).
 */
export interface WebSession {
  id: string;
  csrf: string;
  holder: TokenHolder | null;
  token: string | null;
  lastSeen: number;
  flash: Flash | null;
}

const randomId = (): string => randomBytes(32).toString('base64url');

/**
 * The sessions of one server process, in memory (a restart signs everyone out; a second
 * process does not share them). Ids are 256 random bits; the cookie holds only the id.
 */
export class SessionStore {
  private readonly sessions = new Map<string, WebSession>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A new session, anonymous (for the sign-in form) or signed in. */
  create(holder: TokenHolder | null = null, token: string | null = null): WebSession {
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    const session: WebSession = { id: randomId(), csrf: randomId(), holder, token, lastSeen: this.now(), flash: null };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id (its idle clock restarts), or null. */
  get(id: string | undefined): WebSession | null {
    if (!id) return null;
    const session = this.sessions.get(id);
    if (!session) return null;
    if (this.now() - session.lastSeen > SESSION_IDLE_MS) {
      this.sessions.delete(id);
      return null;
    }
    session.lastSeen = this.now();
    // Re-inserted so the map's order is least recently used first.
    this.sessions.delete(id);
    this.sessions.set(id, session);
    return session;
  }

  /** Ends a session (sign-out): its id and CSRF token are worthless from now on. */
  end(id: string): void {
    this.sessions.delete(id);
  }

  /** Ends every session signed in with a token (by its id), e.g. when it turns out revoked. */
  endForToken(tokenId: string): void {
    for (const [id, s] of this.sessions) if (s.holder?.tokenId === tokenId) this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }
}

/** Whether a submitted CSRF token is the session's (constant time). */
export function csrfMatches(session: WebSession, submitted: string | undefined | null): boolean {
  if (!submitted) return false;
  const a = createHash('sha256').update(session.csrf).digest();
  const b = createHash('sha256').update(submitted).digest();
  return timingSafeEqual(a, b);
}
