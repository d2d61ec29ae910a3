/**
 * The registry of eval suites `npm run evals` runs, in order. Add a suite by adding one entry:
 * calculation correctness, agent flows, the tool layer's rules with scripted models, and the
 * phrasings of issue 11.
 */
import type { Suite } from './suite.ts';
import { calculationSuite } from './calculation/calculation-suite.ts';
import { agentSuite } from './agent/agent-suite.ts';
import { docPhrasingsSuite, phrasingsSuite, unseenPhrasingsSuite } from './phrasings/phrasings-suite.ts';
import { toolLayerSuite } from './tool-layer/tool-layer-suite.ts';
import { qbrFactsSuite } from './qbr-facts/qbr-facts-suite.ts';
import { qbrGroundingSuite } from './qbr-grounding/qbr-grounding-suite.ts';
import { qbrOverclaimSuite } from './qbr-overclaim/qbr-overclaim-suite.ts';

export const suites: readonly Suite[] = [
  calculationSuite,
  agentSuite,
  toolLayerSuite,
  phrasingsSuite,
  unseenPhrasingsSuite,
  docPhrasingsSuite,
  qbrFactsSuite,
  qbrGroundingSuite,
  qbrOverclaimSuite,
];
