/**
 * The web workspace in real headless Chromium (Debian's `chromium`, driven by playwright-core):
 * a person signs in, reads the Value Summary and checks it against the API, toggles the
 * estimate, edits a cell and approves the proposal, uploads CSV files, chats a measurement and
 * approves its card, downloads a deck, and is refused a forged form and another workspace's
 * case. Screenshots of the main pages (laptop and phone) go to docs/screenshots/.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/format/format-money.ts';
import { launchBrowser, startWebServer } from './browser-harness.ts';

const SHOTS = new URL('../../docs/screenshots/', import.meta.url);
const LAPTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

let server: Awaited<ReturnType<typeof startWebServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

/** The API's own answer, with dana's bearer token (what the page's figures must match). */
async function api(path: string, token = server.tokens.dana): Promise<any> {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, path).toBe(200);
  return res.json();
}

async function shot(name: string, viewport = LAPTOP): Promise<void> {
  await page.setViewportSize(viewport);
  await page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname, fullPage: true });
  await page.setViewportSize(LAPTOP);
}

const caseUrl = (suffix = '') => `${server.url}/cases/${server.demoId}${suffix}`;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startWebServer();
  browser = await launchBrowser(LAPTOP);
  context = browser.context;
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the web workspace in Chromium', () => {
  it('signs in with a workspace token and lists the workspace’s cases only', async () => {
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.url()).toBe(`${server.url}/sign-in`);
    await shot('sign-in');
    await page.getByLabel('Workspace token').fill('ve_wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('that token is unknown or revoked');
    await page.getByLabel('Workspace token').fill(server.tokens.dana);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/cases`);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 've_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Strict');
    expect(await page.getByRole('link', { name: 'Delta Corp – Support Automation' }).count()).toBe(1);
    expect(await page.content()).not.toContain('acme-helpdesk');
    await shot('cases');
  });

  it('shows the Value Summary with the figures GET .../summary gives', async () => {
    await page.getByRole('link', { name: 'Delta Corp – Support Automation' }).click();
    await page.waitForURL(caseUrl());
    const summary = await api(`/api/business-cases/${server.demoId}/summary`);
    const figure = (key: string) => page.locator(`[data-figure="${key}"]`).textContent();
    expect(await figure('realizedToDate')).toBe(formatMoney(summary.realizedToDate, 'USD'));
    expect(await figure('carriedForwardToDate')).toBe(formatMoney(summary.carriedForwardToDate, 'USD'));
    expect(await figure('assumedToDate')).toBe(formatMoney(summary.assumedToDate, 'USD'));
    expect(await figure('measuredFresh')).toBe(formatMoney(summary.measuredToDate - summary.carriedForwardToDate, 'USD'));
    expect(await figure('investmentTotal')).toBe(formatMoney(summary.investmentTotal, 'USD'));
    // Per use case: the realized figure of each row is the API's.
    for (const u of summary.useCases) {
      expect(await page.locator(`tr[data-use-case="${u.id}"] td[data-label="Realized"]`).textContent()).toBe(formatMoney(u.realizedToDate, 'USD'));
    }
    // Milestones are marked on the chart's axis (three in the demo).
    expect(await page.locator('#chart [data-milestones="3"]').count()).toBe(1);
    await shot('summary');
    await shot('summary-phone', PHONE);
  });

  it('toggles the estimate on the chart', async () => {
    const estimate = page.locator('#chart [data-series="estimate"]:not([data-legend])');
    await expect.poll(() => estimate.isVisible()).toBe(true);
    await page.getByLabel(/Show the estimate/).uncheck();
    await expect.poll(() => estimate.isVisible()).toBe(false);
    expect(await page.locator('#chart [data-legend="estimate"]').isVisible()).toBe(false);
    expect(await page.locator('#chart [data-series="realized"]:not([data-legend])').isVisible()).toBe(true);
    await page.getByLabel(/Show the estimate/).check();
    await expect.poll(() => estimate.isVisible()).toBe(true);
  });

  it('edits a cell: a pending proposal with its preview, nothing changed yet; approving changes the table and the chart', async () => {
    const realizedLine = async () => {
      await page.goto(caseUrl());
      return page.locator('#chart [data-series="realized"]:not([data-legend])').innerHTML();
    };
    const lineBefore = await realizedLine();
    await page.goto(caseUrl('/table?useCase=support-efficiency'));
    const nov = page.getByRole('button', { name: /^Avg\. Tickets per Day, Nov 2026: 158, carried forward/ });
    await nov.click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('#cell-note').textContent()).toBe('Automation macros live for all queues');
    expect(await dialog.locator('#cell-source').textContent()).toBe('Zendesk export');
    await shot('table-cell-dialog');
    await dialog.getByLabel('New value').fill('180');
    await dialog.getByLabel('Note').fill('November export');
    await dialog.getByRole('button', { name: 'Propose this value' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('status').first().textContent()).toContain('waits for approval');
    const card = page.locator('article.proposal[data-status="pending"]');
    expect(await card.count()).toBe(1);
    // Nov 2026: 15 reps x $20,000 x (180 - 100) / 100 / 12 = $20,000 instead of $14,500 (at 158): +$5,500.00.
    expect(await card.locator('tr', { hasText: 'Realized to date' }).locator('td').nth(2).textContent()).toBe('+$5,500.00');
    // Nothing changed yet: the cell is still carried forward.
    expect(await page.getByRole('button', { name: /^Avg\. Tickets per Day, Nov 2026: 158, carried forward/ }).count()).toBe(1);
    await shot('table');
    await shot('table-phone', PHONE);
    const before = await api(`/api/business-cases/${server.demoId}/summary`);
    await card.getByRole('button', { name: 'Approve' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('status').first().textContent()).toMatch(/Approved proposal .*: applied as version 2\./);
    expect(await page.getByRole('button', { name: /^Avg\. Tickets per Day, Nov 2026: 180, measured this month/ }).count()).toBe(1);
    const after = await api(`/api/business-cases/${server.demoId}/summary`);
    expect(after.realizedToDate - before.realizedToDate).toBeCloseTo(5500, 2);
    expect(await realizedLine()).not.toBe(lineBefore);
    expect(await page.locator('[data-figure="realizedToDate"]').textContent()).toBe(formatMoney(after.realizedToDate, 'USD'));
  });

  it('uploads a CSV with a bad row (nothing proposed, the row named), then a good one (one proposal)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 've-csv-'));
    const bad = join(dir, 'bad.csv');
    const good = join(dir, 'good.csv');
    writeFileSync(bad, 'month,input,value\n2026-09,Avg. Tickets per Day,150\n2026-10,Avg. Tickets per Day,many\n');
    writeFileSync(good, 'month;input;value\n2026-09;Avg. Tickets per Day;150\n2026-10;Avg. Tickets per Day;162,5\n');
    const pendingBefore = (await api(`/api/proposals?caseId=${server.demoId}`)).proposals.length;
    await page.goto(caseUrl('/measurements'));
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(bad);
    await page.getByRole('button', { name: /Propose the file.s measurements/ }).click();
    await page.waitForLoadState('load');
    const alert = await page.getByRole('alert').first().textContent();
    expect(alert).toContain('bad.csv: nothing was proposed');
    expect(alert).toContain('line 3');
    expect((await api(`/api/proposals?caseId=${server.demoId}`)).proposals.length).toBe(pendingBefore);
    await shot('measurements-csv-error');
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(good);
    await page.getByRole('button', { name: /Propose the file.s measurements/ }).click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('status').first().textContent()).toContain('good.csv: 2 measurements proposed');
    const pending = (await api(`/api/proposals?caseId=${server.demoId}`)).proposals;
    expect(pending.length).toBe(pendingBefore + 1);
    const values = pending.at(-1).operations.map((o: any) => [o.month, o.value]);
    // Decimal comma: 162,5 is 162.5.
    expect(values).toEqual([
      ['2026-09', 150],
      ['2026-10', 162.5],
    ]);
    await shot('measurements');
    await shot('measurements-phone', PHONE);
    rmSync(dir, { recursive: true, force: true });
  });

  it('chats a measurement with the built-in offline model and approves its card', async () => {
    await page.goto(caseUrl('/chat'));
    await page.getByLabel('Message').fill('deflection rate was 24% in October 2026');
    await page.getByRole('button', { name: 'Send' }).click();
    const card = page.locator('#chat-log article.proposal');
    await card.first().waitFor({ timeout: 30_000 });
    expect(await page.locator('#chat-log .msg-assistant').first().textContent()).not.toBe('…');
    expect(await card.first().getAttribute('data-status')).toBe('pending');
    expect(await card.first().textContent()).toContain('24%');
    await shot('chat');
    await card.first().getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.locator('#chat-log article.proposal').first().getAttribute('data-status')).toBe('applied');
    const doc = await api(`/api/business-cases/${server.demoId}`);
    const rate = doc.document.scenarios[1].useCases.find((u: any) => u.id === 'self-service').inputs.find((i: any) => i.key === 'deflection_rate');
    const entry = rate.series['2026-10'];
    expect(typeof entry === 'number' ? entry : entry.value).toBe(0.24);
    await shot('chat-phone', PHONE);
  });

  it('drafts a QBR and downloads the deck and the Markdown', async () => {
    await page.goto(caseUrl('/qbr'));
    await page.getByLabel('Quarter').fill('2026-Q3');
    await page.getByLabel('Audience').selectOption('executive-sponsor');
    await page.getByRole('button', { name: 'Draft a new version' }).click();
    await page.waitForURL(/\/qbr\/view\?/);
    expect(await page.locator('#qbr-text').textContent()).toMatch(/\$/);
    await shot('qbr');
    const href = await page.getByRole('link', { name: 'Download PPTX' }).getAttribute('href');
    const probe = await page.request.get(`${server.url}${href}`);
    expect(probe.status(), `${href}: ${(await probe.text()).slice(0, 2000)} ${server.logs.join('\n')}`).toBe(200);
    const [deck] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PPTX' }).click()]);
    expect(deck.suggestedFilename()).toMatch(/-2026-Q3-executive-sponsor-v1\.pptx$/);
    const bytes = readFileSync((await deck.path())!);
    // A PPTX is a zip file: "PK".
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download Markdown' }).click()]);
    expect(md.suggestedFilename()).toMatch(/\.md$/);
    expect(readFileSync((await md.path())!, 'utf8')).toMatch(/^#/);
  });

  it('shows the proposals with the audit trail', async () => {
    await page.goto(caseUrl('/proposals'));
    expect(await page.locator('#audit tbody tr').count()).toBeGreaterThanOrEqual(2);
    await shot('proposals');
    await shot('proposals-phone', PHONE);
  });

  it('refuses a state-changing request without the CSRF token, and a form posted from another site', async () => {
    const before = (await api(`/api/proposals?caseId=${server.demoId}`)).proposals.length;
    await page.goto(caseUrl('/table'));
    const status = await page.evaluate(async (url) => {
      const res = await fetch(url, {
        method: 'POST',
        body: new URLSearchParams({ useCase: 'support-efficiency', input: 'reps', month: '2026-12', value: '99' }),
      });
      return res.status;
    }, `${server.url}/cases/${server.demoId}/cells`);
    expect(status).toBe(403);
    // Another origin (another port) serves a form that posts to the workspace: the SameSite=Strict cookie stays home.
    const evil = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(
        `<form id="f" method="post" action="${server.url}/cases/${server.demoId}/cells"><input name="useCase" value="support-efficiency"><input name="input" value="reps"><input name="month" value="2026-12"><input name="value" value="99"><input name="_csrf" value="guess"></form><script>document.getElementById('f').submit()</script>`,
      );
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    const evilPort = (evil.address() as AddressInfo).port;
    const response = page.waitForResponse((r) => r.url().startsWith(`${server.url}/cases/`) && r.request().method() === 'POST');
    await page.goto(`http://localhost:${evilPort}/`, { waitUntil: 'commit' });
    const answer = await response;
    await page.waitForURL(`${server.url}/cases/${server.demoId}/cells`);
    await page.waitForLoadState('load');
    // 127.0.0.1 and localhost are different sites: the SameSite=Strict cookie is not sent, so there is no session to act in.
    expect(answer.status()).toBe(401);
    expect(await page.getByRole('alert').textContent()).toContain('your session has ended');
    evil.closeAllConnections();
    await new Promise<void>((resolve) => evil.close(() => resolve()));
    expect((await api(`/api/proposals?caseId=${server.demoId}`)).proposals.length).toBe(before);
  });

  it('does not reach another workspace’s case', async () => {
    const res = await page.goto(`${server.url}/cases/${server.acmeId}`);
    expect(res!.status()).toBe(404);
    expect(await page.getByRole('alert').textContent()).toContain(`no business case '${server.acmeId}'`);
  });

  it('works from the keyboard: the skip link first, a cell’s dialog opened with Enter and closed with Escape', async () => {
    await page.goto(caseUrl('/table?useCase=support-efficiency'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to content');
    const cell = page.getByRole('button', { name: /^# of Reps, Dec 2026: 15, carried forward/ });
    await cell.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    expect(await page.evaluate('document.activeElement?.id')).toBe('cell-value');
    // A changing assumption: the value field only, no note fields.
    expect(await page.getByRole('dialog').getByLabel('Note').isVisible()).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(false);
    expect(await page.evaluate("document.activeElement?.getAttribute('data-month')")).toBe('2026-12');
  });

  it('signs out: the session ends and the pages ask to sign in again', async () => {
    await page.goto(`${server.url}/cases`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.url}/sign-in?out=1`);
    expect(await page.getByRole('status').textContent()).toContain('You are signed out.');
    await page.goto(caseUrl());
    expect(page.url()).toBe(`${server.url}/sign-in`);
    expect(pageErrors).toEqual([]);
  });
});

describe('npm start: the banner’s sign-in link', () => {
  it('signs a browser in to a real `ve serve`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 've-serve-web-'));
    const env: NodeJS.ProcessEnv = { ...process.env, VE_DB: join(dir, 've.db') };
    for (const k of Object.keys(env)) if (/^(OPENAI_|SLACK_|VE_PROVIDER|VE_MODEL)/.test(k) || k === 'PORT' || k === 'HOST') delete env[k];
    const child = spawn(process.execPath, ['bin/ve.mjs', 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      const link = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no sign-in link in: ${out}`)), 60_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /web workspace: sign in at (\S+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.once('exit', (code) => reject(new Error(`ve serve exited ${code}: ${out}`)));
      });
      const second = await launchBrowser(LAPTOP);
      try {
        const p = second.context.pages()[0] ?? (await second.context.newPage());
        await p.goto(link);
        await p.waitForURL(/\/cases$/);
        expect(await p.getByRole('link', { name: /Delta Corp/ }).count()).toBe(1);
        // The token left the address bar before the form was sent.
        expect(p.url()).not.toContain('token');
      } finally {
        await second.close();
      }
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
