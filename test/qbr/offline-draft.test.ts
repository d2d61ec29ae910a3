import { describe, expect, it } from 'vitest';
import { qbrFacts, type BusinessCase, type QbrOptions } from '../../src/engine/index.ts';
import {
  missingSections,
  QBR_AUDIENCES,
  QBR_SECTIONS,
  renderQbrTemplate,
  sectionBody,
  withStory,
  writeOfflineQbr,
  writeOfflineQbrTemplate,
  type QbrAudience,
} from '../../src/qbr/index.ts';
import { sampleCase } from '../support/sample-case.ts';
import { demoDoc, demoFacts } from './qbr-fixtures.ts';

const meta = { reportDate: '2026-04-07', preparedBy: 'Dana Reyes' };
const facts = demoFacts();
const draft = (audience: QbrAudience, f = facts): string => writeOfflineQbr(f, audience, meta);
const section = (audience: QbrAudience, title: string, f = facts): string => sectionBody(draft(audience, f), title)!;

function factsOf(doc: BusinessCase, options: QbrOptions) {
  const r = qbrFacts(doc, options);
  if (!r.ok) throw new Error(r.error.message);
  return withStory(doc, r.value);
}

const headings = (markdown: string): string[] =>
  markdown
    .split('\n')
    .filter((l) => l.startsWith('## '))
    .map((l) => l.slice(3));

describe('the offline QBR writer on the demo, 2026-Q1 (figures worked from examples/delta-corp.json)', () => {
  it.each(QBR_AUDIENCES)('writes every section of the seed report for %s, with not one figure typed by hand', (audience) => {
    const template = writeOfflineQbrTemplate(facts, audience);
    // The writer's own text: every digit, month and status word is inside a reference (list numbering aside).
    const outside = template.replace(/\{\{[^}]*\}\}/g, '').replace(/^\d+\. /gm, '');
    expect(outside).not.toMatch(/\d/);
    expect(outside).not.toMatch(/\b(?:January|February|March|April|June|July|August|September|October|November|December)\b/);
    expect(outside).not.toMatch(/\b(?:ahead|behind|on track|at risk|overdue|proof point)\b/i);
    const rendered = renderQbrTemplate(template, facts, meta);
    expect(rendered.problems).toEqual([]);
    expect(rendered.claims.length).toBeGreaterThan(40);
    expect(headings(rendered.markdown)).toEqual([...QBR_SECTIONS]);
    expect(rendered.markdown).toMatch(/^# Quarterly Business Review: Delta Corp – Support Automation, Q1 2026\n/);
    expect(rendered.markdown).toContain('**Report date:** 2026-04-07 · **Prepared by:** Dana Reyes');
  });

  it('tells the payback with the investment at the payback month, not the investment to date', () => {
    // Investment: $15,000 one-time + $48,000 a year, both charged in July 2025 (month 1); the next annual charge is July 2026 (month 13).
    // Payback: February 2026 = month 8 of the 24-month window (July 2025 = 1), with $63,000 invested by then.
    expect(section('finance', 'Financial summary')).toContain(
      '- **Payback:** February 2026 (month 8 of 24): cumulative realized value of $69,407 passed the investment up to that month, $63,000.',
    );
    // In Q3 2026 the investment to date is 15,000 + 2 x 48,000 = $111,000, but payback still came with $63,000 invested.
    const q3 = demoFacts({ quarter: '2026-Q3' });
    const summary = section('finance', 'Executive summary', q3);
    expect(summary).toContain('against $111,000 invested');
    expect(summary).toContain('payback came in February 2026, when the investment up to that month was $63,000.');
    for (const audience of QBR_AUDIENCES) expect(draft(audience, q3)).not.toMatch(/\$111,000[^.]*paid back/);
  });

  it('reads the deflection target as a target, and the conversion target from the baseline', () => {
    const rows = section('champion', 'Outcomes per objective')
      .split('\n')
      .filter((l) => l.startsWith('| Increase') || l.startsWith('| Deflect'))
      .slice(0, 2);
    expect(rows).toEqual([
      // Target: baseline 100 tickets/day x (1 + 50%) = 150. After: 158 (March 2026). 158 / 150 - 1 = +5.3%: above +5%, ahead.
      '| Increase Support Team Efficiency | Avg. Tickets per Day | 100 tickets/day (baseline) | 158 tickets/day (March 2026) | 150 tickets/day | +5.3% | ✅ ahead |',
      // deflection_rate_target = 20% is the target; the first recording (12%, September 2025) is the before. 18% - 20% = -2 points,
      // 10% short of the target relative to it: between -5% and -15%, at risk.
      '| Deflect Tickets with Self-Service | Ticket Deflection Rate | 12% (first measured, September 2025) | 18% (January 2026) | 20% | -2 pts | ⚠️ at risk |',
    ]);
    for (const audience of QBR_AUDIENCES) expect(draft(audience)).not.toMatch(/baseline of 20%/);
  });

  it('never calls the use case that rests on assumptions ahead, nor a proof point', () => {
    for (const audience of QBR_AUDIENCES) {
      const md = draft(audience);
      // Legacy licences: $18,000 / 12 = $1,500 a month, assumed, x 9 months (July 2025 to March 2026) = $13,500. The plan ramps
      // (25% for three months, 60% for three, then 100%): 1,500 x (0.75 + 1.8 + 3) = $8,325, so +62% "ahead" would rest on a ramp.
      expect(md).toContain('Retire the Legacy Help Desk');
      expect(md).not.toMatch(/Retire the Legacy Help Desk[^\n]*\bahead\b/);
      expect(md).not.toMatch(/proof point/i);
    }
    expect(section('finance', 'Outcomes per objective')).toContain(
      '| Retire the Legacy Help Desk | $13,500 | $0 | $0 | $13,500 | $8,325 | +62% assumed | — not measured |',
    );
    expect(section('executive-sponsor', 'Outcomes per objective')).toContain(
      '| Retire the Legacy Help Desk | $4,500 | $13,500 | $8,325 | — | — not measured |',
    );
  });

  it('shows measured, carried forward and assumed apart; "measured" excludes carried-forward months', () => {
    // To date: measured 58,886.67 of which carried forward 35,920, so measured in its own month 22,966.67; assumed 30,000.
    // In the quarter: 34,106.67 - 17,960 = 16,146.67 measured in its own month; 17,960 carried forward; 10,000 assumed.
    const table = section('champion', 'Financial summary').split('\n').slice(0, 6);
    expect(table).toEqual([
      '| | This quarter | To date |',
      '|---|---:|---:|',
      '| Measured in its own month | $16,147 | $22,967 |',
      '| Carried forward | $17,960 | $35,920 |',
      '| Assumed | $10,000 | $30,000 |',
      '| Realized | $44,107 | $88,887 |',
    ]);
    // Shares of 88,886.67: 22,966.67 -> 25.8%, 35,920 -> 40.4%, 30,000 -> 33.8%.
    expect(section('finance', 'Confidence')).toContain(
      'Confidence in the figures to date: **medium**. 26% of the realized value was measured in its own month, 40% is carried forward from an earlier measurement and 34% rests on assumptions.',
    );
  });

  it('projects only the months after the as-of month', () => {
    // Window July 2025 to June 2027 (24 months); as of March 2026 the projection runs April 2026 to June 2027:
    // projected total 473,116.67 - realized to date 88,886.67 = 384,230.
    expect(section('finance', 'Financial summary')).toContain(
      '- **Projected** for April 2026 to June 2027: $384,230 more, so $473,117 projected over the window for $111,000 of investment (projected ROI 326%).',
    );
  });

  it('tells the cause and effect: the macros went live late, then tickets per day beat the target', () => {
    expect(section('champion', 'What drove the results')).toContain(
      '- Automation Macros Live was achieved in March 2026 (two months late against its target month January 2026); Avg. Tickets per Day rose from 115 tickets/day to 158 tickets/day in March 2026, 5.3% better than its target of 150 tickets/day (Automation macros live for all queues).',
    );
    // The headcount change of June 2026 (10 -> 15 reps) is after the as-of month: not in the realized figures, only the projection.
    expect(section('finance', 'What drove the results')).toContain(
      '- Assumption to come: # of Reps goes from 10 reps to 15 reps in June 2026. It is not in the realized figures; it raises the projection from then on, so it is worth confirming.',
    );
    expect(section('finance', 'Success stories')).toContain(
      '- **Ticket Deflection Rate, January 2026:** New self-service articles for billing questions. The metric reached 18% (source: Help center analytics).',
    );
  });

  it('lists milestones to the contract end, not just the next quarter', () => {
    // Self-Service Portal Relaunch is due December 2026, three quarters after Q1 2026.
    expect(section('executive-sponsor', 'Milestones')).toContain("- Self-Service Portal Relaunch: due December 2026. Depends on Delta's web team.");
  });

  it('gives each use case the step its own cause calls for, each with an owner placeholder', () => {
    const steps = section('finance', 'Next steps').split('\n');
    expect(steps.every((s) => /^\d+\. .*Owner: \[name\]\. Due: \[date\]\.$/.test(s))).toBe(true);
    const actions = steps.map((s) =>
      s
        .replace(/^\d+\. /, '')
        .replace(/ Owner:.*$/, '')
        .replace(
          /Increase Support Team Efficiency|Deflect Tickets with Self-Service|Retire the Legacy Help Desk|Avg\. Tickets per Day|Ticket Deflection Rate/g,
          'X',
        ),
    );
    expect(new Set(actions).size).toBe(actions.length);
    expect(steps[0]).toContain('Keep Avg. Tickets per Day at or above 150 tickets/day');
    // Deflection was last recorded in January 2026 (February and March carried forward): record it again, then close the gap.
    expect(steps[1]).toContain(
      'Record Ticket Deflection Rate again (the last recording is from January 2026), then agree the actions that lift it to its target of 20%.',
    );
    // ... and no second step asks for its missing months.
    expect(steps.filter((x) => x.includes('Record Ticket Deflection Rate'))).toHaveLength(1);
    expect(steps).toContainEqual(expect.stringContaining('Agree with the customer how Retire the Legacy Help Desk is measured'));
  });

  it('is deterministic', () => {
    expect(draft('finance', demoFacts())).toBe(draft('finance', demoFacts()));
  });
});

describe('the three audiences differ in what they lead with and what they show', () => {
  const md = Object.fromEntries(QBR_AUDIENCES.map((a) => [a, draft(a)])) as Record<QbrAudience, string>;
  const figures = (a: QbrAudience) => renderQbrTemplate(writeOfflineQbrTemplate(facts, a), facts, meta).claims.filter((c) => c.claim !== 'text').length;

  it('leads with the outcome and the ask, the ROI, or the metrics', () => {
    const first = (a: QbrAudience) => sectionBody(md[a], 'Executive summary')!.split('. ')[0];
    // Q1 2026 realized: efficiency 2,500 + 2,500 + 9,666.67 (10 reps x 20,000 x 58% / 12 in March) + handle time 3 x 1,833.33
    // + deflection 19,440 (3,000 x 18% x 12 = 6,480 a month) + licences 3 x 1,500 = 44,106.67.
    // Plan, Q1 2026 (no ramp left): (8,333.33 + 1,833.33 + 7,200 + 1,500) x 3 = 56,600; 44,106.67 / 56,600 - 1 = -22%.
    // To date (July 2025 to March 2026): 88,886.67 realized.
    expect(first('executive-sponsor')).toBe(
      'In Q1 2026, Delta Corp – Support Automation realized $44,107 (22% below the plan of $56,600), bringing the total since July 2025 to $88,887; the investment paid back in February 2026',
    );
    expect(sectionBody(md['executive-sponsor'], 'Executive summary')).toContain('We ask for your support on Self-Service Portal Relaunch');
    // 88,886.67 - 63,000 = 25,886.67; / 63,000 = 41%.
    expect(first('finance')).toBe(
      'Realized value to date is $88,887 against $63,000 invested, a return on investment of 41%; payback came in February 2026, when the investment up to that month was $63,000',
    );
    expect(first('champion')).toBe('Avg');
    expect(sectionBody(md.champion, 'Executive summary')).toMatch(
      /^Avg\. Tickets per Day stands at 158 tickets\/day \(ahead; target 150 tickets\/day\) and Ticket Deflection Rate stands at 18% \(at risk; target 20%\)\./,
    );
  });

  it('shows the sponsor the fewest figures, finance the ROI worksheet, the champion every recording', () => {
    expect(figures('executive-sponsor')).toBeLessThan(figures('champion'));
    expect(figures('executive-sponsor')).toBeLessThan(figures('finance'));
    expect(md.finance).toContain('### ROI worksheet');
    expect(md.finance).toContain('| Platform subscription | annual | $48,000 | $48,000 | $96,000 |');
    expect(md.finance).toContain('Investment schedule by contract year: July 2025 to June 2026, $63,000 and July 2026 to June 2027, $48,000.');
    expect(md.finance).toContain('- **Net value to date:** $88,887 realized less $63,000 invested = $25,887 net benefit.');
    for (const a of ['executive-sponsor', 'champion'] as const) expect(md[a]).not.toContain('ROI worksheet');
    expect(md.champion).toContain(
      '- Avg. Tickets per Day, August 2025: 88 tickets/day. Ramp-up: reps still learning the new workflows; source: Zendesk export; evidence: zendesk-tickets-2025-08.csv.',
    );
    expect(md.finance).not.toContain('August 2025: 88 tickets/day');
    expect(md['executive-sponsor']).not.toContain('| Annual Cost per Rep |');
    expect(md.finance).toContain('| Increase Support Team Efficiency | Annual Cost per Rep | $20,000 |');
    expect(sectionBody(md['executive-sponsor'], 'Next steps')).toMatch(/^1\. \*\*The ask:\*\*/);
    expect(sectionBody(md.finance, 'Next steps')).toContain('Review this ROI worksheet with the customer’s finance team');
    // The risks come in the order each audience cares about.
    const risk = (a: QbrAudience) => sectionBody(md[a], 'Risks and their causes')!.split('\n')[0];
    expect(risk('executive-sponsor')).toMatch(/^- \*\*Increase Support Team Efficiency: behind\*\*, \$17,758 below the plan to date/);
    expect(risk('finance')).toMatch(/^- \*\*Retire the Legacy Help Desk rests on assumptions only\*\*/);
    expect(risk('champion')).toMatch(/^- \*\*Avg\. Tickets per Day not recorded for January and February 2026\.\*\*/);
  });
});

describe('the offline QBR writer on other quarters and cases', () => {
  const quarters = ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2'];

  it('keeps every rule for every quarter of the demo, with and without the plan, and mid-quarter', () => {
    const doc = demoDoc();
    for (const quarter of quarters) {
      for (const options of [{}, { compare: null }, { asOf: `${quarter.slice(0, 4)}-${String((Number(quarter.slice(-1)) - 1) * 3 + 2).padStart(2, '0')}` }]) {
        const f = factsOf(doc, { quarter, ...options });
        for (const audience of QBR_AUDIENCES) {
          const r = renderQbrTemplate(writeOfflineQbrTemplate(f, audience), f, meta);
          expect({ quarter, options, audience, problems: r.problems }).toEqual({ quarter, options, audience, problems: [] });
          expect(missingSections(r.markdown)).toEqual([]);
        }
      }
    }
  });

  it('handles overdue and upcoming milestones, names with digits, another currency, and a case without investment', () => {
    const doc: BusinessCase = structuredClone(demoDoc());
    doc.currency = 'EUR';
    const realization = doc.scenarios.find((s) => s.kind === 'realization')!;
    realization.milestones = [
      ...(realization.milestones ?? []),
      { id: 'sso', name: 'SSO for 2 regions', targetMonth: '2026-02' },
      { id: 'phase-2', name: 'Phase 2 go-live', targetMonth: '2026-05', note: 'Needs 3 more agents trained' },
    ];
    const f = factsOf(doc, { quarter: '2026-Q1' });
    for (const audience of QBR_AUDIENCES) {
      const md = draft(audience, f);
      expect(md).toContain('€44,107');
      expect(md).toContain('- Phase 2 go-live: due May 2026. Needs 3 more agents trained.');
      expect(md).toContain('- SSO for 2 regions: overdue, its target month February 2026 has passed.');
    }
    expect(section('executive-sponsor', 'Risks and their causes', f)).toContain('- **SSO for 2 regions: overdue** (target February 2026).');

    const sample = factsOf(sampleCase(), { quarter: '2025-Q1' });
    for (const audience of QBR_AUDIENCES) {
      const md = draft(audience, sample);
      expect(missingSections(md)).toEqual([]);
      expect(md).not.toContain('Payback');
      // Deflection is tracked but has no recording: the use case claims nothing, and is not called assumed.
      expect(md).toContain(
        'Self Service is tracked through Deflection rate, which has no recording yet: until it has one, the use case claims no value and gets no status.',
      );
      expect(md).not.toContain('Agree with the customer how Self Service is measured');
    }
    expect(section('executive-sponsor', 'Risks and their causes', sample)).toContain(
      '- **Deflection rate has no recording yet** (none for January, February and March 2025). Cause: tracking started but nothing was recorded, so Self Service claims no value.',
    );
  });

  it('refuses facts without their story, naming what to pass', () => {
    const r = qbrFacts(demoDoc(), { quarter: '2026-Q1' });
    if (!r.ok) throw new Error(r.error.message);
    expect(() => writeOfflineQbr(r.value as never, 'finance')).toThrow('writeOfflineQbr needs the facts with their story (factsForQuarter or withStory)');
  });
});
