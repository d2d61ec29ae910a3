import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * hono's `bodyLimit`, without its cost on the common request: that middleware reads
 * `c.req.raw.body`, which makes @hono/node-server build a full web `Request` for every
 * request (a measurable share of a chat turn, see docs/benchmarks.md). Here a declared
 * `Content-Length` (without `Transfer-Encoding`) is compared from the headers, exactly as
 * `bodyLimit` does (Node's parser never hands on more bytes than declared), and a GET or
 * HEAD passes, as with `bodyLimit` (the web Request @hono/node-server builds for one has no
 * body, so no route can read one). Anything else, a chunked body or a stream with
 * no declared length, is counted as it is read, by `bodyLimit` itself.
 */
export function requestBodyLimit(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(declared, 10) > maxSize ? onError(c) : next();
    }
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return streamed(c, next);
  };
}
