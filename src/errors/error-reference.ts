import { randomUUID } from 'node:crypto';

/** A short reference (8 hex digits) tying what a person is told to the log line with the details. */
export function errorReference(): string {
  return randomUUID().slice(0, 8);
}
