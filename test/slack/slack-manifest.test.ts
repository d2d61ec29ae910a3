import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../src/slack/mount-slack.ts';
import { VE_COMMAND } from '../../src/slack/ve-command.ts';

const read = (name: string) => JSON.parse(readFileSync(new URL(`../../slack/${name}`, import.meta.url), 'utf8'));

/** The Web API methods the Slack door calls, and the bot scope each needs. */
const SCOPES_NEEDED: Record<string, string> = {
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
  // A CSV file shared with the bot: looked up (files.info) and downloaded (url_private_download).
  'files.info': 'files:read',
  'assistant.threads.setStatus': 'assistant:write',
  'assistant.threads.setSuggestedPrompts': 'assistant:write',
  'users.info': 'users:read',
};

describe('the Slack app manifests', () => {
  for (const [name, socket] of [
    ['manifest.json', false],
    ['manifest.socket-mode.json', true],
  ] as const) {
    it(`${name} declares what the code uses`, () => {
      const m = read(name);
      expect(m.settings.socket_mode_enabled).toBe(socket);
      expect(m.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([VE_COMMAND]);
      expect(m.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_mention', 'message.im', 'app_home_opened']));
      expect(m.settings.interactivity.is_enabled).toBe(true);
      expect(m.features.agent_view.agent_description).toBeTruthy();
      expect(m.features.assistant_view).toBeUndefined();
      const scopes: string[] = m.oauth_config.scopes.bot;
      for (const scope of new Set([...Object.values(SCOPES_NEEDED), 'app_mentions:read', 'im:history', 'commands'])) expect(scopes).toContain(scope);
      const urls = [m.settings.event_subscriptions.request_url, m.settings.interactivity.request_url, m.features.slash_commands[0].url];
      if (socket) expect(urls).toEqual([undefined, undefined, undefined]);
      else for (const url of urls) expect(url).toBe(`https://YOUR-HOST${SLACK_EVENTS_PATH}`);
      expect(m.display_information.long_description.length).toBeGreaterThanOrEqual(174);
    });
  }
});
