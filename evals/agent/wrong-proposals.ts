/**
 * The dangerous class of agent-flow failure (issue 11): a proposal whose operation matches no
 * operation the case expects in that turn (a wrong input, month, value or calculation, or a
 * proposal where none was expected). A missing or imprecise proposal lowers the pass rate; a
 * wrong one fails `npm run evals` (the agent suite's `conclude`). Pure.
 */
import type { Failure } from '../suite.ts';
import type { AgentCase } from './agent-case.ts';
import { matchSubset } from './match.ts';
import type { AgentCaseObservation } from './run-agent-case.ts';

/** Every proposed operation of the conversation that no expected operation of its turn matches, as failures. */
export function wrongProposals(c: AgentCase, o: AgentCaseObservation): Failure[] {
  const out: Failure[] = [];
  o.turns.forEach((turn, i) => {
    const want = c.turns[i]?.expect?.operations ?? [];
    for (const op of turn.proposals.flatMap((p) => p.operations)) {
      const fits = want.some((w) => {
        const f: Failure[] = [];
        matchSubset(f, 'op', w, op);
        return f.length === 0;
      });
      if (!fits)
        out.push({ field: 'wrong proposal', expected: `turn ${i + 1}: ${want.length === 0 ? 'no proposal' : 'one of the expected operations'}`, actual: op });
    }
  });
  return out;
}
