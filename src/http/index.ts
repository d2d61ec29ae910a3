/** The HTTP door: the app factory and what a host (`ve serve`, tests, the benchmark) needs around it. */
export { createApp } from './create-app.ts';
export { DEFAULT_MAX_BODY_BYTES } from './app-options.ts';
export type { AppOptions } from './app-options.ts';
export type { AppEnv, Caller } from './app-env.ts';
export { openApiDocument, ROUTES } from './openapi.ts';
export type { RouteDoc } from './openapi.ts';
export { httpThreadKey } from './chat-route.ts';
export { DEFAULT_RATE_LIMITS, rateLimitsFromEnv } from './rate-limit.ts';
export type { RateLimits } from './rate-limit.ts';
