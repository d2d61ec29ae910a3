/**
 * The registry of eval suites `npm run evals` runs, in order. Add a suite by adding one entry
 * (the agent-flow suite goes here next to the calculation suite).
 */
import type { Suite } from './suite.ts';
import { calculationSuite } from './calculation/calculation-suite.ts';
import { agentSuite } from './agent/agent-suite.ts';

export const suites: readonly Suite[] = [calculationSuite, agentSuite];
