import { describe, expect, it } from 'vitest';
import { qbrFacts, type BusinessCase } from '../../src/engine/index.ts';
import { checkGrounding, missingSections, QBR_AUDIENCES, QBR_SECTIONS, sectionBody, writeOfflineQbr, type QbrAudience } from '../../src/qbr/index.ts';
import { sampleCase } from '../support/sample-case.ts';
import { demoDoc, demoFacts } from './qbr-fixtures.ts';

const facts = demoFacts();

function headings(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((l) => l.startsWith('## '))
    .map((l) => l.slice(3));
}

describe('the offline QBR writer on the demo, 2026-Q1', () => {
  it.each(QBR_AUDIENCES)('writes a fully grounded draft with every section for %s', (audience) => {
    const md = writeOfflineQbr(facts, audience);
    const report = checkGrounding(md, facts);
    expect(report.unverified.map((m) => m.text)).toEqual([]);
    expect(report.grounded).toBe(true);
    // Not vacuous: the draft is full of numbers, and each one matched a fact.
    expect(report.numbers.length).toBeGreaterThan(60);
    expect(missingSections(md)).toEqual([]);
    expect(headings(md)).toEqual([...QBR_SECTIONS]);
    expect(md).toMatch(/^# Quarterly Business Review: Delta Corp – Support Automation, Q1 2026\n/);
  });

  it('keeps realized and estimated apart, and measured and assumed apart', () => {
    for (const audience of QBR_AUDIENCES) {
      const md = writeOfflineQbr(facts, audience);
      const summary = sectionBody(md, 'Executive summary')!;
      expect(summary).toContain('$44,107 of value, 22% below the quarter’s estimate of $56,600; $34,107 measured and $10,000 resting on assumptions');
      expect(sectionBody(md, 'Financial summary')).toContain(
        'This is a projection: the value realized to date plus the months after March 2026 at their projected value; months up to March 2026 that were not measured claim nothing.',
      );
    }
  });

  it('changes the emphasis with the audience', () => {
    const first = (audience: QbrAudience) => sectionBody(writeOfflineQbr(facts, audience), 'Executive summary')!.split('\n\n')[0];
    // Finance: ROI, payback and investment first.
    expect(first('finance')).toBe('The investment to date of $63,000 paid back in February 2026, and the return on investment to date is 41%.');
    // Executive sponsor: the outcome of the quarter first.
    expect(first('executive-sponsor')).toBe(
      'In Q1 2026, Delta Corp – Support Automation realized $44,107 of value, 22% below the quarter’s estimate of $56,600; $34,107 measured and $10,000 resting on assumptions.',
    );
    // Champion: the tracked metrics first (158 = 100 x 1.58; deflection 20% -> 18% is 2 points).
    expect(first('champion')).toBe(
      'The tracked metrics this quarter: **Avg. Tickets per Day** rose from 115 tickets/day to 158 tickets/day in the quarter, 58% above its baseline of 100 tickets/day; **Ticket Deflection Rate** rose from 12% to 18% in the quarter, 2 percentage points below its baseline of 20%.',
    );

    const finance = writeOfflineQbr(facts, 'finance');
    // 88,886.67 - 63,000 = 25,886.67; 88,886.67 / 63,000 = 1.41; 58,886.67 / 88,886.67 = 66%.
    expect(finance).toContain('- Net benefit to date: $25,887; realized value is 1.4x the investment to date.');
    expect(finance).toContain('- Measured share of realized value to date: 66%; assumed share: 34%.');
    expect(finance).toContain('Method: the benefit engine computes every figure');
    const champion = writeOfflineQbr(facts, 'champion');
    expect(champion).toContain('### Evidence behind the numbers');
    expect(champion).toContain(
      '- Avg. Tickets per Day, March 2026: 158 tickets/day. Automation macros live for all queues; source: Zendesk export; evidence: zendesk-tickets-2026-03.csv.',
    );
    const sponsor = writeOfflineQbr(facts, 'executive-sponsor');
    expect(sponsor).not.toContain('### Evidence behind the numbers');
    expect(sponsor).toContain('The measured figures rest on two measurements recorded this quarter, from Zendesk export and Help center analytics.');
    // The risks come in the order each audience cares about.
    const risks = (audience: QbrAudience) => sectionBody(writeOfflineQbr(facts, audience), 'Risks and what we do about them')!.split('\n')[0];
    expect(risks('executive-sponsor')).toMatch(/^- \*\*Increase Support Team Efficiency is 31% behind its estimate to date\*\* \(\$17,758 short\)/);
    expect(risks('finance')).toMatch(/^- \*\*Retire the Legacy Help Desk rests entirely on assumptions\*\*/);
    expect(risks('champion')).toMatch(/^- \*\*Avg. Tickets per Day has no measurement for January and February 2026\*\*/);
  });

  it('writes the outcomes table from the use cases (a worked example)', () => {
    const table = sectionBody(writeOfflineQbr(facts, 'executive-sponsor'), 'Promised outcomes vs actual results')!
      .split('\n')
      .filter((l) => l.startsWith('|'));
    expect(table).toEqual([
      '| Use case | Realized in Q1 2026 | Estimated in Q1 2026 | Realized to date | Estimated to date | Variance to date | Status |',
      '|---|---:|---:|---:|---:|---:|---|',
      // 38,666.67 / 56,425 - 1 = -31.5%; 36,720 / 39,960 - 1 = -8.1%; 13,500 / 8,325 - 1 = +62.2%.
      '| Increase Support Team Efficiency | $20,167 | $30,500 | $38,667 | $56,425 | -31% | Behind |',
      '| Deflect Tickets with Self-Service | $19,440 | $21,600 | $36,720 | $39,960 | -8.1% | Behind |',
      '| Retire the Legacy Help Desk | $4,500 | $4,500 | $13,500 | $8,325 | +62% | Ahead |',
      '| Metric | Baseline | Start of quarter | End of quarter | Measured in | Not measured in |',
      '|---|---:|---:|---:|---|---|',
      '| Avg. Tickets per Day | 100 tickets/day | 115 tickets/day | 158 tickets/day | March 2026 | January and February 2026 |',
      '| Ticket Deflection Rate | 20% | 12% | 18% | January 2026 | February and March 2026 |',
    ]);
  });

  it('is deterministic', () => {
    expect(writeOfflineQbr(demoFacts(), 'finance')).toBe(writeOfflineQbr(demoFacts(), 'finance'));
  });
});

describe('the offline QBR writer on other quarters and cases', () => {
  const quarters = ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2'];

  it('is grounded and complete for every quarter of the demo, with and without the estimate, and mid-quarter', () => {
    const doc = demoDoc();
    for (const quarter of quarters) {
      for (const options of [{}, { compare: null }, { asOf: `${quarter.slice(0, 4)}-${String((Number(quarter.slice(-1)) - 1) * 3 + 2).padStart(2, '0')}` }]) {
        const r = qbrFacts(doc, { quarter, ...options });
        if (!r.ok) throw new Error(r.error.message);
        for (const audience of QBR_AUDIENCES) {
          const md = writeOfflineQbr(r.value, audience);
          expect({ quarter, options, audience, unverified: checkGrounding(md, r.value).unverified.map((m) => m.text) }).toEqual({
            quarter,
            options,
            audience,
            unverified: [],
          });
          expect(missingSections(md)).toEqual([]);
        }
      }
    }
  });

  it('handles overdue and upcoming milestones, another currency, and a case without investment', () => {
    const doc: BusinessCase = structuredClone(demoDoc());
    doc.currency = 'EUR';
    const realization = doc.scenarios.find((s) => s.kind === 'realization')!;
    realization.milestones = [
      ...(realization.milestones ?? []),
      { id: 'sso', name: 'SSO for 2 regions', targetMonth: '2026-02' },
      { id: 'phase-2', name: 'Phase 2 go-live', targetMonth: '2026-05', note: 'Needs 3 more agents trained' },
    ];
    const r = qbrFacts(doc, { quarter: '2026-Q1' });
    if (!r.ok) throw new Error(r.error.message);
    for (const audience of QBR_AUDIENCES) {
      const md = writeOfflineQbr(r.value, audience);
      expect(checkGrounding(md, r.value).unverified.map((m) => m.text)).toEqual([]);
      expect(md).toContain('€44,107');
      expect(md).toContain('- SSO for 2 regions: target February 2026.');
      expect(md).toContain('**SSO for 2 regions is overdue**: its target was February 2026 and it is not achieved yet.');
      expect(md).toContain('- Phase 2 go-live: target May 2026. Needs 3 more agents trained.');
    }

    const sample = qbrFacts(sampleCase(), { quarter: '2025-Q1' });
    if (!sample.ok) throw new Error(sample.error.message);
    for (const audience of QBR_AUDIENCES) {
      const md = writeOfflineQbr(sample.value, audience);
      expect(checkGrounding(md, sample.value).unverified.map((m) => m.text)).toEqual([]);
      expect(missingSections(md)).toEqual([]);
      expect(md).toContain('- Investment to date: $0.');
      expect(md).not.toContain('Payback:');
    }
  });
});
