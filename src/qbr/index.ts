/**
 * QBR narratives: drafts written from the engine's `qbrFacts` (by a language model with
 * `prompts/qbr.md`, or offline by a deterministic template), every number checked against the
 * facts, saved in versions, exported as Markdown or a slide deck. Doors call `getOrDraftQbr`
 * and, for a deck, `renderQbrChart` + `renderQbrPptx`.
 */
export { QBR_AUDIENCES, AUDIENCE_LABELS, isQbrAudience, parseQbrAudience } from './qbr-audience.ts';
export type { QbrAudience } from './qbr-audience.ts';
export { QBR_SECTIONS, missingSections, sectionBody } from './qbr-sections.ts';
export type { QbrSection } from './qbr-sections.ts';
export { extractNumbers, COMMON_CURRENCIES } from './extract-numbers.ts';
export type { NumberMention, MentionKind, ExtractOptions } from './extract-numbers.ts';
export { factNumbers } from './fact-numbers.ts';
export type { FactNumber, FactKind } from './fact-numbers.ts';
export { checkGrounding, markUnverified, mentionStates, mentionContext } from './check-grounding.ts';
export type { GroundingReport, CheckedNumber } from './check-grounding.ts';
export { writeOfflineQbr, writeOfflineQbrTemplate } from './write-offline-qbr.ts';
export { buildQbrStory, withStory } from './qbr-story.ts';
export type { QbrStory, QbrDraftFacts, MetricStory, UseCaseStory, StoryMilestone, AssumptionChange, InvestmentStory } from './qbr-story.ts';
export { useCaseStatus, metricStatus, confidenceLevel, STATUS_BANDS } from './qbr-status.ts';
export type { QbrStatus, ConfidenceLevel } from './qbr-status.ts';
export { qbrReferences, formatReference, CLAIM_TYPES, REF_STYLES } from './qbr-references.ts';
export type { QbrReference, ClaimType as ReferenceClaimType, QbrMeta } from './qbr-references.ts';
export { renderQbrTemplate, describeTemplateProblems } from './render-qbr-template.ts';
export type { RenderedQbr, TemplateProblem, RenderedClaim } from './render-qbr-template.ts';
export { qbrRequest } from './qbr-request.ts';
export { draftQbr, writerName, TEMPLATE_WRITER } from './draft-qbr.ts';
export type { DraftQbrInput, QbrDraftText } from './draft-qbr.ts';
export { draftGroundedQbr, describeDraftProblem } from './draft-grounded-qbr.ts';
export type { GroundedQbr } from './draft-grounded-qbr.ts';
export { resolveQuarter } from './resolve-quarter.ts';
export { getOrDraftQbr, factsForQuarter } from './get-or-draft-qbr.ts';
export type { GetOrDraftQbrInput, QbrDraftOutcome, QbrContext } from './get-or-draft-qbr.ts';
export { renderQbrChart } from './qbr-chart.ts';
export type { QbrChart } from './qbr-chart.ts';
export { renderQbrPptx } from './render-qbr-pptx.ts';
export type { QbrDeckInput } from './render-qbr-pptx.ts';
export { slideParagraphs } from './slide-text.ts';
export { formatMoney, formatPercent, formatSignedPercent, monthName, quarterName, nextQuarter, quarterOf } from './format-qbr-figures.ts';
