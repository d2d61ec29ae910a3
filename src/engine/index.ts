/**
 * The benefit engine's public surface (contract: `shared/docs/engine.md`). Pure: no I/O,
 * no clock, no randomness; `asOf` and ids are passed in.
 */
export * from './engine-error.ts';
export * from './document-schema.ts';
export { parseDocument, checkDocument } from './validate-document.ts';
export { summarize, defaultScenario, investmentByMonth } from './summarize.ts';
export type { Summary, SummaryMonth, SummaryUseCase, SummaryCalculation, SummaryOptions } from './summarize.ts';
export { evaluateScenario } from './evaluate-scenario.ts';
export type { ScenarioEvaluation, UseCaseEvaluation, CalculationEvaluation } from './evaluate-scenario.ts';
export { parseFormula } from './formula/parse-formula.ts';
export type { FormulaSyntaxError } from './formula/parse-formula.ts';
export { compileFormula } from './formula/compile-formula.ts';
export type { FormulaNode } from './formula/ast.ts';
export { references } from './formula/ast.ts';
export * from './operations/operation-schema.ts';
export { applyOperation, applyOperations, parseOperation, figuresOf } from './operations/apply-operation.ts';
export type { Applied, Figures, OperationContext, OperationPreview } from './operations/apply-operation.ts';
export { suggestConversions } from './suggest-conversion.ts';
export type { ConversionSuggestion } from './suggest-conversion.ts';
export { isMonth, monthIndex, monthText, addMonths, windowEnd, monthLabel } from './month.ts';
export { roundMoney, roundHalfAwayFromZero, equalToTheCent } from './round.ts';
export { qbrFacts, quarterMonths, QUARTER_PATTERN } from './qbr-facts.ts';
export type { QbrFacts, QbrOptions, UseCaseFacts, MetricFacts, EvidenceFact, MilestoneFact, ValueFigures } from './qbr-facts.ts';
