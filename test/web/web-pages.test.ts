/**
 * The web workspace's pages over `app.request` (no browser): sign-in and sessions, CSRF, the
 * workspace boundary, the summary's figures, the measurement table's cells, proposals made
 * from cells and from the Measurements tab, approving and rejecting, QBR downloads, the chat
 * stream's forwarding, and the CSV upload. The browser suite (`npm run test:browser`) drives
 * the same pages in Chromium.
 */
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { selectModel } from '../../src/agent/select-model.ts';
import { readTypedValue } from '../../src/app/read-typed-value.ts';
import { escapeHtml, html } from '../../src/web/html.ts';
import { DEMO } from '../http/http-harness.ts';
import { cell, figureText, money, webHarness } from './web-client.ts';

const offline = () => selectModel({ VE_PROVIDER: 'offline' }).model;
const unused = () =>
  new MockLanguageModelV3({
    doGenerate: async () => {
      throw new Error('no model in this test');
    },
  });

describe('sign-in, sessions and sign-out', () => {
  it('sends a visitor without a session to the sign-in form, and / to it too', async () => {
    const h = webHarness(unused());
    const b = h.browser();
    for (const path of ['/', '/cases', `/cases/${DEMO}`, `/cases/${DEMO}/table`]) {
      const res = await b.request('GET', path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location'), path).toBe('/sign-in');
    }
  });

  it('signs in with a workspace token into an HttpOnly, SameSite=Strict cookie, under a new session id', async () => {
    const h = webHarness(unused());
    const b = h.browser();
    const form = await b.page('/sign-in');
    expect(form.html).toContain('id="sign-in-form"');
    const before = b.cookie;
    expect(before).toMatch(/^ve_session=/);
    const res = await b.post('/sign-in', { token: h.tokens.dana });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/cases');
    const set = res.headers.get('set-cookie')!;
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    expect(set).toContain('Path=/');
    expect(b.cookie).not.toBe(before);
    const cases = await b.page('/cases');
    expect(cases.status).toBe(200);
    expect(cases.html).toContain('dana');
    // The token is never written into a page.
    expect(cases.html).not.toContain(h.tokens.dana);
  });

  it('refuses an unknown token with 401 and says so, and a sign-in without the form token with 403', async () => {
    const h = webHarness(unused());
    const b = h.browser();
    await b.page('/sign-in');
    const bad = await b.post('/sign-in', { token: 've_not-a-token' });
    expect(bad.status).toBe(401);
    expect(await bad.text()).toContain('Not signed in: that token is unknown or revoked');
    const forged = await b.post('/sign-in', { token: h.tokens.dana, _csrf: 'forged' });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('CSRF check failed');
    expect((await b.request('GET', '/cases')).status).toBe(303);
  });

  it('signing out ends the session on the server: the old cookie and the old form token are worth nothing', async () => {
    const h = webHarness(unused());
    const b = h.browser();
    await b.signIn(h.tokens.dana);
    await b.page('/cases');
    const oldCookie = b.cookie;
    const oldCsrf = b.csrf;
    expect(h.sessions.size).toBe(1);
    const out = await b.post('/sign-out');
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/sign-in?out=1');
    expect(h.sessions.size).toBe(0);
    b.cookie = oldCookie;
    expect((await b.request('GET', '/cases')).status).toBe(303);
    const replay = await b.post(`/cases/${DEMO}/cells`, {
      _csrf: oldCsrf,
      useCase: 'support-efficiency',
      input: 'tickets_per_day',
      month: '2026-11',
      value: '1',
    });
    expect(replay.status).toBe(401);
    expect(h.store.listProposals({ caseId: DEMO })).toEqual([]);
  });

  it('a revoked token ends its sessions at the next request', async () => {
    const h = webHarness(unused());
    const b = h.browser();
    await b.signIn(h.tokens.dana);
    expect((await b.page('/cases')).status).toBe(200);
    const record = h.store.findApiToken(h.tokens.dana)!;
    h.store.revokeApiToken(record.id, h.clock.now().toISOString());
    expect((await b.request('GET', '/cases')).status).toBe(303);
  });
});

describe('CSRF and the workspace boundary', () => {
  it('refuses a state-changing form without the session token, with another session’s token, or from another origin (403, nothing proposed)', async () => {
    const h = webHarness(unused());
    const a = h.browser();
    const other = h.browser();
    await a.signIn(h.tokens.dana);
    await other.signIn(h.tokens.dana);
    await a.page('/cases');
    await other.page('/cases');
    const form = { useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-11', value: '180' };
    const none = await a.request('POST', `/cases/${DEMO}/cells`, { form });
    expect(none.status).toBe(403);
    expect(await none.text()).toContain('CSRF token');
    expect((await a.post(`/cases/${DEMO}/cells`, { ...form, _csrf: other.csrf })).status).toBe(403);
    expect((await a.post(`/cases/${DEMO}/cells`, form, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await a.request('POST', '/web/api/chat', { body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(403);
    expect(h.store.listProposals({ caseId: DEMO })).toEqual([]);
  });

  it('another workspace’s case and proposals are not found, exactly like ones that do not exist', async () => {
    const h = webHarness(unused());
    const b = h.browser();
    await b.signIn(h.tokens.dana);
    const cases = await b.page('/cases');
    expect(cases.html).toContain(DEMO);
    expect(cases.html).not.toContain('acme-helpdesk');
    for (const suffix of ['', '/table', '/measurements', '/proposals', '/qbr', '/chat']) {
      const p = await b.page(`/cases/acme-helpdesk${suffix}`);
      expect(p.status, suffix).toBe(404);
      expect(p.html, suffix).toContain('Not found: no business case &#39;acme-helpdesk&#39;');
    }
    // olga proposes on acme's case; dana can neither see nor approve it.
    const olga = h.browser();
    await olga.signIn(h.tokens.olga);
    await olga.page('/cases/acme-helpdesk/table');
    expect((await olga.post('/cases/acme-helpdesk/cells', { useCase: 'support', input: 'gain', month: '2025-03', value: '12%' })).status).toBe(303);
    const [p] = h.store.listProposals({ caseId: 'acme-helpdesk' });
    expect(p!.status).toBe('pending');
    const res = await b.post(`/proposals/${p!.id}/approve`, { back: '/cases' });
    expect(res.status).toBe(303);
    expect((await b.page('/cases')).html).toContain(`Not found: no proposal &#39;${p!.id}&#39;`);
    expect(h.store.getProposal(p!.id)!.status).toBe('pending');
    expect((await b.request('GET', `/proposals/${p!.id}/card`)).status).toBe(404);
  });
});

describe('the Value Summary', () => {
  it('shows the figures GET /api/.../summary gives, with realized split into measured, carried forward and assumed', async () => {
    const h = webHarness(unused());
    const b = h.browser();
    await b.signIn(h.tokens.dana);
    const page = await b.page(`/cases/${DEMO}`);
    expect(page.status).toBe(200);
    const api = (await h.json('GET', `/api/business-cases/${DEMO}/summary`)).body;
    const realized = money(figureText(page.html, 'realizedToDate'));
    const fresh = money(figureText(page.html, 'measuredFresh'));
    const carried = money(figureText(page.html, 'carriedForwardToDate'));
    const assumed = money(figureText(page.html, 'assumedToDate'));
    expect(realized).toBe(api.realizedToDate);
    expect(carried).toBe(api.carriedForwardToDate);
    expect(assumed).toBe(api.assumedToDate);
    expect(fresh).toBeCloseTo(api.measuredToDate - api.carriedForwardToDate, 2);
    // The three parts add up to the headline (to the cent).
    expect(Math.abs(fresh + carried + assumed - realized)).toBeLessThan(0.011);
    expect(money(figureText(page.html, 'investmentTotal'))).toBe(api.investmentTotal);
    // The chart is inline SVG with the estimate marked, and the toggle controls it.
    expect(page.html).toContain('id="toggle-estimate"');
    expect(page.html).toContain('data-series="estimate"');
    // Milestones from the document: two achieved, one still open.
    expect(page.html).toContain('All Teams Onboarded</strong>: achieved Oct 2025 (target Sep 2025)');
    expect(page.html).toContain('Self-Service Portal Relaunch</strong>: not achieved yet (target Dec 2026)');
    // Per use case, with status: the legacy licences are assumed, nothing measured.
    expect(page.html).toMatch(/data-use-case="legacy-tools"[\s\S]*?Assumed \(nothing measured\)/);
    expect(page.res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('the measurement table', () => {
  it('shows measured, carried-forward, empty and locked cells as the document has them', async () => {
    const h = webHarness(unused());
    const b = h.browser();
    await b.signIn(h.tokens.dana);
    const { html } = await b.page(`/cases/${DEMO}/table?useCase=support-efficiency`);
    // tickets_per_day: entries 2025-08 = 88 (with a note), 2025-10 = 115, 2026-03 = 158; locked through 2025-12.
    expect(cell(html, 'tickets_per_day', '2025-07')!.cls).toContain('cell-empty');
    const aug = cell(html, 'tickets_per_day', '2025-08')!;
    expect(aug.cls).toContain('cell-measured');
    expect(aug.cls).toContain('cell-locked');
    expect(aug.shown).toBe('88');
    expect(aug.attrs).toContain('data-note="Ramp-up: reps still learning the new workflows"');
    expect(aug.attrs).toContain('data-evidence="zendesk-tickets-2025-08.csv"');
    expect(aug.attrs).toContain('data-source="Zendesk export"');
    const sep = cell(html, 'tickets_per_day', '2025-09')!;
    expect(sep.cls).toContain('cell-carried');
    expect(sep.shown).toBe('88');
    const jan = cell(html, 'tickets_per_day', '2026-01')!;
    expect(jan.cls).toContain('cell-carried');
    expect(jan.cls).not.toContain('cell-locked');
    expect(jan.shown).toBe('115');
    // reps: a changing assumption, 10 until May 2026, 15 from June.
    expect(cell(html, 'reps', '2026-05')!.shown).toBe('10');
    expect(cell(html, 'reps', '2026-05')!.cls).toContain('cell-base');
    expect(cell(html, 'reps', '2026-06')!.cls).toContain('cell-measured');
    // 24 months of the window, two rows.
    expect(html.match(/data-input="tickets_per_day" data-month=/g)).toHaveLength(24);
    const self = await b.page(`/cases/${DEMO}/table?useCase=self-service`);
    expect(cell(self.html, 'deflection_rate', '2026-01')!.shown).toBe('18%');
  });

  it('editing a cell proposes; nothing changes until approval; approving changes the table and the summary', async () => {
    const h = webHarness(unused());
    const b = h.browser();
    await b.signIn(h.tokens.dana);
    const before = await b.page(`/cases/${DEMO}`);
    const realizedBefore = money(figureText(before.html, 'realizedToDate'));
    await b.page(`/cases/${DEMO}/table?useCase=support-efficiency`);
    const res = await b.post(`/cases/${DEMO}/cells`, {
      useCase: 'support-efficiency',
      input: 'tickets_per_day',
      month: '2026-11',
      value: '180',
      note: 'November export',
    });
    expect(res.status).toBe(303);
    const [p] = h.store.listProposals({ caseId: DEMO });
    expect(p!.status).toBe('pending');
    expect(p!.operations).toEqual([
      {
        op: 'recordMeasurement',
        scenario: 'realization',
        useCase: 'support-efficiency',
        input: 'tickets_per_day',
        month: '2026-11',
        value: 180,
        note: 'November export',
      },
    ]);
    expect(p!.channel).toBe('web');
    const table = await b.page(`/cases/${DEMO}/table?useCase=support-efficiency`);
    expect(table.html).toContain(`Proposal ${p!.id}`);
    expect(table.html).toContain('waits for approval');
    expect(cell(table.html, 'tickets_per_day', '2026-11')!.cls).toContain('cell-carried');
    // Nov 2026: 15 reps x $20,000 x (180 - 100) / 100 / 12 = $20,000 instead of (158 - 100) / 100: $14,500, so +$5,500.00.
    expect(table.html).toMatch(
      /Realized to date<\/th><td class="num">[^<]*<\/td><td class="num" data-after="realizedToDate">[^<]*<\/td><td class="num">\+\$5,500\.00</,
    );
    const approved = await b.post(`/proposals/${p!.id}/approve`, { back: `/cases/${DEMO}/table?useCase=support-efficiency` });
    expect(approved.status).toBe(303);
    const after = await b.page(`/cases/${DEMO}/table?useCase=support-efficiency`);
    expect(after.html).toContain(`Approved proposal ${p!.id}: applied as version 2.`);
    const nov = cell(after.html, 'tickets_per_day', '2026-11')!;
    expect(nov.cls).toContain('cell-measured');
    expect(nov.shown).toBe('180');
    const summary = await b.page(`/cases/${DEMO}`);
    expect(money(figureText(summary.html, 'realizedToDate'))).toBeCloseTo(realizedBefore + 5500, 2);
    // The history shows the new value with who proposed and approved it.
    const history = await b.page(`/cases/${DEMO}/history?useCase=support-efficiency&input=tickets_per_day`);
    expect(history.html).toMatch(/Nov 2026<\/td><td data-label="What">recorded<\/td><td class="num" data-label="Value">180</);
    // The decided proposal and the audit trail.
    const proposals = await b.page(`/cases/${DEMO}/proposals`);
    expect(proposals.html).toContain('Decided (1)');
    expect(proposals.html).toMatch(/<code>recordMeasurement<\/code>[\s\S]*?dana<\/td><td data-label="Approved by">dana/);
  });

  it('a value that is not a number proposes nothing and says which value', async () => {
    const h = webHarness(unused());
    const b = h.browser();
    await b.signIn(h.tokens.dana);
    await b.page(`/cases/${DEMO}/table`);
    await b.post(`/cases/${DEMO}/cells`, { useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-11', value: 'lots' });
    const page = await b.page(`/cases/${DEMO}/table?useCase=support-efficiency`);
    expect(page.html).toContain('Nothing was proposed: value &#39;lots&#39; for Avg. Tickets per Day is not a number');
    expect(h.store.listProposals({ caseId: DEMO })).toEqual([]);
  });

  it('a locked month is refused by the engine, with its reason shown', async () => {
    const h = webHarness(unused());
    const b = h.browser();
    await b.signIn(h.tokens.dana);
    await b.page(`/cases/${DEMO}/table`);
    await b.post(`/cases/${DEMO}/cells`, { useCase: 'support-efficiency', input: 'tickets_per_day', month: '2025-11', value: '120' });
    const page = await b.page(`/cases/${DEMO}/table?useCase=support-efficiency`);
    expect(page.html).toMatch(/Nothing was proposed: [^<]*2025-12/);
    expect(h.store.listProposals({ caseId: DEMO })).toEqual([]);
  });

  it('rejecting records the reason', async () => {
    const h = webHarness(unused());
    const b = h.browser();
    await b.signIn(h.tokens.dana);
    await b.page(`/cases/${DEMO}/table`);
    await b.post(`/cases/${DEMO}/cells`, { useCase: 'support-efficiency', input: 'reps', month: '2026-11', value: '20' });
    const [p] = h.store.listProposals({ caseId: DEMO });
    // A changing assumption is set from that month on.
    expect(p!.operations).toEqual([{ op: 'setInput', scenario: 'realization', useCase: 'support-efficiency', input: 'reps', value: 20, from: '2026-11' }]);
    await b.post(`/proposals/${p!.id}/reject`, { reason: 'still 15 reps', back: `/cases/${DEMO}/proposals` });
    expect(h.store.getProposal(p!.id)!.status).toBe('rejected');
    expect(h.store.getProposal(p!.id)!.reason).toBe('still 15 reps');
    expect((await b.page(`/cases/${DEMO}/proposals`)).html).toContain('Rejected by dana');
  });
});

describe('the Measurements tab', () => {
  it('shows every tracked metric for the month with its last value, and proposes the entered values as one proposal', async () => {
    const h = webHarness(unused());
    const b = h.browser();
    await b.signIn(h.tokens.dana);
    const page = await b.page(`/cases/${DEMO}/measurements?month=2026-11`);
    expect(page.html).toContain('Last value: <strong>158</strong> in Mar 2026');
    expect(page.html).toContain('Last value: <strong>22%</strong> in Jul 2026');
    const res = await b.post(`/cases/${DEMO}/measurements`, {
      month: '2026-11',
      key: ['support-efficiency/tickets_per_day', 'self-service/deflection_rate'],
      value: ['170', '25%'],
    });
    expect(res.status).toBe(303);
    const [p] = h.store.listProposals({ caseId: DEMO });
    expect(p!.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-11', value: 170 },
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2026-11', value: 0.25 },
    ]);
  });

  it('nothing entered proposes nothing', async () => {
    const h = webHarness(unused());
    const b = h.browser();
    await b.signIn(h.tokens.dana);
    await b.page(`/cases/${DEMO}/measurements?month=2026-11`);
    await b.post(`/cases/${DEMO}/measurements`, { month: '2026-11', key: ['support-efficiency/tickets_per_day'], value: [''] });
    expect((await b.page(`/cases/${DEMO}/measurements?month=2026-11`)).html).toContain('Nothing was proposed: no value was entered or changed');
    expect(h.store.listProposals({ caseId: DEMO })).toEqual([]);
    expect((await b.page(`/cases/${DEMO}/measurements?month=2031-01`)).status).toBe(400);
  });

  it('a CSV upload with a bad row proposes nothing and names the row; a good file becomes one proposal', async () => {
    const h = webHarness(unused());
    const b = h.browser();
    await b.signIn(h.tokens.dana);
    await b.page(`/cases/${DEMO}/measurements`);
    const upload = (name: string, text: string) => {
      const form = new FormData();
      form.set('_csrf', b.csrf);
      form.set('file', new File([text], name, { type: 'text/csv' }));
      return b.request('POST', `/cases/${DEMO}/import`, { body: form });
    };
    const bad = await upload('bad.csv', 'month,input,value\n2026-10,tickets_per_day,150\n2026-11,tickets_per_day,abc\n');
    expect(bad.status).toBe(303);
    const page = await b.page(`/cases/${DEMO}/measurements`);
    expect(page.html).toContain('bad.csv: nothing was proposed');
    expect(page.html).toMatch(/line 3/);
    expect(h.store.listProposals({ caseId: DEMO })).toEqual([]);
    await upload('good.csv', 'month,input,value\n2026-10,tickets_per_day,150\n2026-11,tickets_per_day,160\n');
    const [p] = h.store.listProposals({ caseId: DEMO });
    expect(p!.operations).toHaveLength(2);
    expect((await b.page(`/cases/${DEMO}/measurements`)).html).toContain(`good.csv: 2 measurements proposed as proposal ${p!.id}`);
  });
});

describe('QBR drafts', () => {
  it('drafts a version, shows it, and downloads it as Markdown and PPTX', async () => {
    const h = webHarness(unused());
    const b = h.browser();
    await b.signIn(h.tokens.dana);
    await b.page(`/cases/${DEMO}/qbr`);
    const res = await b.post(`/cases/${DEMO}/qbr`, { quarter: '2026-Q3', audience: 'finance' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/cases/${DEMO}/qbr/view?quarter=2026-Q3&audience=finance&version=1`);
    const view = await b.page(res.headers.get('location')!);
    expect(view.html).toContain('2026-Q3 · Finance · v1');
    const md = await b.request('GET', `/cases/${DEMO}/qbr/download?quarter=2026-Q3&audience=finance&version=1&format=md`);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(md.headers.get('content-disposition')).toMatch(/^attachment; filename=".*-2026-Q3-finance-v1\.md"$/);
    const pptx = await b.request('GET', `/cases/${DEMO}/qbr/download?quarter=2026-Q3&audience=finance&version=1&format=pptx`);
    const bytes = new Uint8Array(await pptx.arrayBuffer());
    // A PPTX is a zip: it starts with "PK".
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    const list = await b.page(`/cases/${DEMO}/qbr`);
    expect(list.html).toContain('v1');
    const missing = await b.page(`/cases/${DEMO}/qbr/view?quarter=2026-Q3&audience=finance&version=9`);
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('no QBR draft v9');
  });
});

describe('the chat panel', () => {
  it('forwards to the API’s UI message stream as the signed-in person; the offline model’s proposal comes as a card', async () => {
    const h = webHarness(offline());
    const b = h.browser();
    await b.signIn(h.tokens.dana);
    await b.page(`/cases/${DEMO}/chat`);
    const body = { id: 'web-test-1', messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'tickets per day were 180 in November 2026' }] }] };
    const res = await b.request('POST', '/web/api/chat', {
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-csrf-token': b.csrf },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    await res.text();
    const [p] = h.store.listProposals({ caseId: DEMO });
    expect(p!.proposedBy).toBe('dana');
    const card = await b.request('GET', `/proposals/${p!.id}/card`);
    const text = await card.text();
    expect(text).toContain('data-inline');
    const approved = await b.request('POST', `/proposals/${p!.id}/approve`, {
      form: { _csrf: b.csrf, back: `/cases/${DEMO}/chat` },
      headers: { 'x-fragment': '1' },
    });
    expect(approved.status).toBe(200);
    expect(await approved.text()).toContain('data-status="applied"');
  });
});

describe('building blocks', () => {
  it('reads typed numbers: grouping, percentages, signs; refuses words', () => {
    const read = (text: string): number | null => {
      const r = readTypedValue(text);
      return r.ok ? r.value : null;
    };
    expect(read('1,234.5')).toBe(1234.5);
    expect(read('42%')).toBe(0.42);
    expect(read(' -3 ')).toBe(-3);
    expect(read('0.25')).toBe(0.25);
    expect(read('abc')).toBeNull();
    expect(read('1.2.3')).toBeNull();
    expect(read('')).toBeNull();
  });

  it('escapes every interpolation of the HTML template', () => {
    const name = '<script>alert("x")</script>';
    expect(html`<p title="${name}">${name}</p>`.value).toBe(`<p title="${escapeHtml(name)}">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>`);
    expect(html`<ul>${['a&b', html`<li>ok</li>`]}</ul>`.value).toBe('<ul>a&amp;b<li>ok</li></ul>');
  });

  it('a page path that does not exist is an HTML 404 page; an unknown API path keeps its JSON 404', async () => {
    const h = webHarness(unused());
    const b = h.browser();
    await b.signIn(h.tokens.dana);
    const page = await b.page(`/cases/${DEMO}/nothing-here`);
    expect(page.status).toBe(404);
    expect(page.html).toContain(`Not found: there is no page /cases/${DEMO}/nothing-here`);
    const api = await h.json('GET', '/api/nothing-here');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('not_found');
  });

  it('serves its one script and style sheet, and the page loads nothing else', async () => {
    const h = webHarness(unused());
    const js = await h.app.request('/web/app.js');
    expect(js.headers.get('content-type')).toContain('javascript');
    const css = await h.app.request('/web/app.css');
    expect(css.headers.get('content-type')).toContain('text/css');
  });
});
