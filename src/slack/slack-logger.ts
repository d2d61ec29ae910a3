import { LogLevel, type Logger } from '@slack/bolt';
import { describeError, redactSecrets } from '../errors/index.ts';

const RANK: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

function text(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return describeError(part);
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}

/**
 * The Slack door's logger (also given to Bolt and its Web API client): one line per entry,
 * `[slack] <level>: <message>`, anything shaped like a token redacted, INFO and above unless
 * set otherwise. `write` defaults to standard error (`ve serve` passes its own).
 */
export function slackLogger(write: (line: string) => void = (line) => console.error(line), initial: LogLevel = LogLevel.INFO): Logger {
  let level = initial;
  const at =
    (l: LogLevel) =>
    (...msg: unknown[]): void => {
      if (RANK[l] >= RANK[level]) write(redactSecrets(`[slack] ${l}: ${msg.map(text).join(' ')}`));
    };
  return {
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
