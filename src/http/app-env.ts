/** Who a request comes from, as its bearer token says. */
export interface Caller {
  /** The workspace the token belongs to: the only one the request can see. */
  workspaceId: string;
  /** The token's id (never its secret). */
  tokenId: string;
  /**
   * The token's name: the person (or integration) the token was given to. Recorded as the
   * proposer of what they ask for in chat and as the approver or rejecter of proposals.
   */
  name: string;
}

/** The hono environment of the app: the authenticated caller is set on `/api/*`. */
export interface AppEnv {
  Variables: {
    caller: Caller;
  };
}
