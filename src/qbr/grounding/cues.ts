/**
 * The words by which a sentence says what a figure is ("measured", "ROI", "paid back",
 * "22% below the estimate"), and what they make of a figure of each kind: "measured" before
 * money is the measured value, before a percentage the measured share, before a month a
 * month measured. Earlier entries win where matches overlap ("not measured" over "measured").
 */
import type { ClaimType, Period, ValueKind } from './fact-claims.ts';

/** A cue: what it claims of a figure of each kind, and a direction (+1 above / up, -1 below / down). */
export interface Cue {
  re: RegExp;
  claims: Partial<Record<ValueKind, ClaimType[]>>;
  /** The period the cue itself names ("projected ROI": the projection). */
  period?: Period;
  /** For generic words of value ("benefit", "value"): the sentence's modifiers decide. */
  generic?: boolean;
  /** Words that say little alone ("from", "to", "rose"): with no metric named, the figure is read as if no cue claimed it. */
  weak?: boolean;
  direction?: (match: string) => number;
}

const DOWN = /^(?:worse|below|behind|short|under|less|fell|fallen|down|decreased?|dropped|declined|reduced|lower)/i;
const UP = /^(?:better|above|ahead|over|beyond|exceed|beat|rose|rise|up|increased?|grew|grown|jumped|climbed|gained|higher)/i;
const direction = (m: string): number => (DOWN.test(m) ? -1 : UP.test(m) ? 1 : 0);
const METRIC_VALUE: ClaimType[] = ['end', 'evidence'];

export const CUES: readonly Cue[] = [
  {
    re: /\b(?:not (?:yet )?measured|no (?:new )?measurements?|without (?:a )?(?:new )?measurements?|unmeasured|missing|not recorded|none (?:of it )?measured)\b/gi,
    claims: { month: ['missingMonth'], count: ['count'] },
  },
  { re: /\bcarr(?:ied|y|ies|ying)[- ]forward\b/gi, claims: { money: ['carriedForward'], month: ['missingMonth'], ratio: ['carriedForward'] } },
  {
    re: /\b(?:freshly|newly) measured\b|\bmeasured in (?:its|their|the) own months?\b|\bfresh measurements?\b/gi,
    claims: { money: ['freshlyMeasured'], ratio: ['freshlyMeasured'] },
  },
  { re: /\bprojected (?:ROI|return on investment)\b/gi, claims: { ratio: ['roi'] }, period: 'projection' },
  { re: /\b(?:planned|plan['’]s|business case['’]s|contract) (?:ROI|return on investment)\b/gi, claims: { ratio: ['roi'] }, period: 'plan' },
  { re: /\bROI\b|\breturn on (?:the )?investment\b/g, claims: { ratio: ['roi'] } },
  {
    re: /\bpa(?:id|ys|y) (?:it(?:self)? |for itself |off )?back\b|\bpaid for itself\b|\bpayback\b|\bbr(?:oke|eaks?) even\b|\bbreak-?even\b/gi,
    claims: { month: ['payback'], count: ['paybackMonthNumber'], money: ['investment'] },
  },
  { re: /\bnet\b/gi, claims: { money: ['netBenefit'] } },
  { re: /\binvest(?:ment|ed|ing)?s?\b|\bspen[dt]\b/gi, claims: { money: ['investment'] } },
  { re: /\bproject(?:ed|ion|s|ing)?\b|\bforecast\b|\bon course for\b/gi, claims: { money: ['projected'], ratio: ['roi'] }, period: 'projection' },
  { re: /\bassum(?:ed|es|ing|ptions?)\b/gi, claims: { money: ['assumed'], ratio: ['assumedShare'] } },
  { re: /\bmeasured\b|\bmeasurements?\b/gi, claims: { money: ['measured'], ratio: ['measuredShare'], month: ['measuredMonth'], count: ['count'] } },
  {
    re: /\b(?:better|worse|below|above|short|ahead|behind|beyond|under|over)(?:\s+(?:than|of))?(?=\s+(?:its|the|their)\s+target)/gi,
    claims: { ratio: ['targetVariance'], points: ['targetVariance'] },
    direction,
  },
  {
    re: /\b(?:below|behind|short(?: of)?|under|less than|above|ahead(?: of)?|over|beyond|exceed(?:ed|ing|s)?|beat(?:ing|s)?)(?=\s+(?:the\s+|its\s+|their\s+|our\s+|this\s+)?(?:quarter['’]s\s+|to-date\s+|original\s+)?(?:estimate|plan|forecast|business case))/gi,
    claims: { ratio: ['variance'], money: ['gap'] },
    direction,
  },
  { re: /\bshort\b|\bshortfall\b/gi, claims: { money: ['gap'], ratio: ['variance'], points: ['targetVariance'] }, direction: () => -1 },
  { re: /\bvariance\b|\bgap\b|\bvs\.? (?:target|plan)\b/gi, claims: { ratio: ['variance'], money: ['gap'], points: ['targetVariance'] } },
  { re: /\bof (?:the |its |their )?(?:estimate|plan)\b/gi, claims: { ratio: ['attainment'] } },
  { re: /\bestimate[ds]?\b|\bplan(?:ned)?\b|\bpromised\b|\bbusiness case\b/gi, claims: { money: ['estimated'] } },
  { re: /\btargets?(?:ed)?\b|\bgoal\b/gi, claims: { measure: ['target'], ratio: ['target'], money: ['target'], month: ['milestoneTarget'] } },
  { re: /\bbaseline\b/gi, claims: { measure: ['baseline'], ratio: ['baseline'] } },
  { re: /\bbefore\b/gi, claims: { measure: ['baseline', 'start'], ratio: ['baseline', 'start'] }, weak: true },
  { re: /\bafter\b|\blatest\b|\bnow\b|\bcurrent\b/gi, claims: { measure: ['end', 'evidence'], ratio: ['end', 'evidence'] }, weak: true },
  {
    re: /\bstart of (?:the )?quarter\b|\bquarter['’]s start\b|\bfrom\b(?=\s+[$€£]?\d)/gi,
    claims: { measure: ['start', 'baseline'], ratio: ['start', 'baseline'] },
    weak: true,
  },
  {
    re: /\bend of (?:the )?quarter\b|\bquarter['’]s end\b|\b(?:reached|reaching|now at|stood at|stands at|ended at|ending at|at)\b(?=\s+[$€£]?\d)|\bto\b(?=\s+[$€£]?\d)/gi,
    claims: { measure: METRIC_VALUE, ratio: METRIC_VALUE },
    weak: true,
  },
  { re: /\bas of\b|\bas at\b|\bup to\b|\bthrough\b/gi, claims: { month: ['asOf'] } },
  {
    re: /\b(?:rose|rise[sn]?|up|increased?|grew|grown|improved|jumped|climbed|gained|fell|fallen|down|decreased?|dropped|declined|reduced)\b/gi,
    claims: { points: ['change'], ratio: ['relativeChange'], measure: ['change'], money: ['change'] },
    direction,
    weak: true,
  },
  { re: /\blate\b|\bafter (?:its|the) target\b|\bbehind schedule\b|\bdelayed\b|\boverdue\b/gi, claims: { count: ['late'] } },
  {
    re: /\b(?:achieved|went live|gone live|goes live|live since|live in|completed|launched|finished|done)\b/gi,
    claims: { month: ['achieved'] },
  },
  { re: /\b(?:due|scheduled|planned for|coming up|upcoming|expected)\b/gi, claims: { month: ['milestoneTarget'] } },
  { re: /\breali[sz](?:ed|e|es|ing|ation)\b|\bdeliver(?:ed|s|ing)?\b|\bgenerated\b/gi, claims: { money: ['realized'] } },
  { re: /\bbenefits?\b|\bvalue\b|\bsavings?\b|\bsaved\b|\bworth\b/gi, claims: { money: ['realized'] }, generic: true },
];

/** Words that name a period, in a clause or sentence. */
export const PERIOD_CUES: ReadonlyArray<[RegExp, Period]> = [
  [/\bin the quarter\b|\bthis quarter\b|\bthe quarter['’]s\b|\bquarterly\b|\bduring the quarter\b|\bfor the quarter\b|\bin-quarter\b/i, 'quarter'],
  [
    /\bto date\b|\bto-date\b|\bsince (?:the )?(?:start|launch|go-live|beginning|kick-?off)\b|\bso far\b|\bcumulative(?:ly)?\b|\bsince (?:[A-Z][a-z]+ )?\d{4}\b/i,
    'toDate',
  ],
  [
    /\bwhole (?:window|contract|term)\b|\bover the (?:window|contract|term)\b|\bfull (?:term|contract|window)\b|\bcontract (?:total|term|period)\b|\blifetime\b|\bover (?:the )?(?:\d+|three|two) years\b/i,
    'plan',
  ],
];

/** Words that mark a sentence as about the projection, net figures or the plan. */
export const PROJECTION = /\bproject(?:ed|ion|s|ing)?\b|\bforecast\b|\bon course for\b/i;
export const NET = /\bnet\b/i;
export const PLAN =
  /\bwhole (?:window|contract|term)\b|\bover the (?:window|term)\b|\bfull (?:term|contract|window)\b|\bover the contract\b|\bcontract total\b|\blifetime\b|\bbusiness case\b/i;
/** Words that allow a quarter after the review's own. */
export const FORWARD =
  /\bnext\b|\bcoming\b|\bupcoming\b|\bdue\b|\bby\b|\bpriorit|\bplanned for\b|\bwill\b|\bahead\b|\blater\b|\bscheduled\b|\broadmap\b|\bcontract['’]s end\b/i;

/** Status words a sentence may give a use case or a milestone. */
export const STATUS_WORDS: ReadonlyArray<[RegExp, 'ahead' | 'behind' | 'on-track' | 'no-estimate' | 'at-risk' | 'proof']> = [
  [/\bahead\b(?! of schedule)|\boutperform(?:s|ing|ed)?\b|\b(?:exceed|beat)(?:s|ing|ed)? (?:its|the|their) (?:plan|estimate)\b/gi, 'ahead'],
  [/\bbehind\b(?! schedule)|\bunderperform(?:s|ing|ed)?\b|\blag(?:s|ging|ged)? (?:behind )?(?:its|the|their) (?:plan|estimate)\b/gi, 'behind'],
  [/\bon[- ]track\b|\bon plan\b|\bin line with (?:the )?(?:plan|estimate)\b/gi, 'on-track'],
  [/\bno estimate\b/gi, 'no-estimate'],
  [/\bat[- ]risk\b/gi, 'at-risk'],
  [/\bproof points?\b|\bproves?\b|\bproven\b/gi, 'proof'],
];
