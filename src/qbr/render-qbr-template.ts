import { formatReference, qbrReferences, REF_STYLES, type ClaimType, type QbrMeta, type QbrReference, type RefStyle } from './qbr-references.ts';
import type { QbrDraftFacts } from './qbr-story.ts';

/**
 * Renders a QBR written with references (`{{roiToDate}}`) into the Markdown a person reads,
 * and refuses what a writer may not do: a reference not in the table, a reference with no
 * value for this case, a figure, month or status word typed by hand, or a reference placed
 * next to a word that claims something else ("{{assumedToDate}} measured").
 */

/** One problem, where it is in the writer's text (1-based line and column). */
export interface TemplateProblem {
  kind: 'unknown-reference' | 'no-value' | 'bad-style' | 'free-number' | 'free-month' | 'free-status' | 'wrong-claim';
  line: number;
  column: number;
  text: string;
  message: string;
}

/** Where each figure of the rendered text came from. */
export interface RenderedClaim {
  reference: string;
  claim: ClaimType;
  text: string;
}

export interface RenderedQbr {
  markdown: string;
  problems: TemplateProblem[];
  claims: RenderedClaim[];
}

const REF = /\{\{\s*([A-Za-z0-9_.-]+)\s*(?:\|\s*([a-z]+)\s*)?\}\}/g;

const NUMBER_WORDS =
  /\b(?:zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|double|doubled|twice|triple|tripled|halved|one (?:month|year|quarter|percent|point|dollar|week|day)s?|(?:first|second|third|fourth) (?:quarter|half))\b/gi;
const MONTH_WORDS = /\b(?:January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b/g;
const STATUS_WORDS =
  /\b(?:ahead|behind|on[ -]track|at[ -]risk|proof[ -]points?|overdue|late|early|on time|on schedule|exceed(?:s|ed|ing)?|beat(?:s|ing)?|surpass\w*|outperform\w*|underperform\w*|fell short|falls short|shortfall|missed|regress\w*)\b/gi;

/** Claim words and the family each one names; longer phrases first so "return on investment" is not "investment". */
const CLAIM_WORDS: [RegExp, string][] = [
  [/\breturn on investment\b|\bROI\b|\bnet benefit\b|\bnet value\b/gi, 'roi'],
  [/\bpa(?:id|ys?) (?:itself )?back\b|\bpayback\b/gi, 'payback'],
  [/\bcarried forward\b/gi, 'carried'],
  [/\bmeasur(?:ed|ement|ements)\b/gi, 'measured'],
  [/\bassum(?:ed|ption|ptions)\b/gi, 'assumed'],
  [/\breali[sz](?:ed|ation)\b/gi, 'realized'],
  [/\bproject(?:ed|ion|ions)\b/gi, 'projected'],
  [/\bestimat(?:e|ed|es)\b|\bplan(?:ned)?\b/gi, 'estimated'],
  [/\binvest(?:ed|ment|ments)\b/gi, 'investment'],
  [/\btargets?\b/gi, 'target'],
  [/\bbaselines?\b/gi, 'baseline'],
];

/** The claim words a reference of each type may stand next to (none listed: not checked). */
const COMPATIBLE: Partial<Record<ClaimType, string[]>> = {
  realized: ['realized', 'payback'],
  measured: ['measured', 'realized'],
  'carried forward': ['carried', 'measured', 'realized'],
  assumed: ['assumed', 'realized'],
  estimated: ['estimated'],
  projected: ['projected'],
  investment: ['investment', 'payback'],
  ROI: ['roi', 'realized', 'investment'],
  payback: ['payback'],
  target: ['target'],
  baseline: ['baseline'],
};

const FAMILY_NAME: Record<string, string> = {
  roi: 'ROI',
  payback: 'payback',
  carried: 'carried forward',
  measured: 'measured',
  assumed: 'assumed',
  realized: 'realized',
  projected: 'projected',
  estimated: 'estimated',
  investment: 'investment',
  target: 'target',
  baseline: 'baseline',
};

/** Investment figures that are not the investment at the payback month: "paid back" next to them overclaims. */
const NOT_AT_PAYBACK = new Set(['investmentToDate', 'investmentTotal']);

const article = (word: string): string => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/** Line and column (1-based) of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The claim families named in a stretch of text. */
function familiesIn(text: string): { family: string; start: number; end: number }[] {
  const out: { family: string; start: number; end: number }[] = [];
  const taken: boolean[] = [];
  for (const [re, family] of CLAIM_WORDS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (taken[m.index]) continue;
      for (let i = m.index; i < m.index + m[0].length; i++) taken[i] = true;
      out.push({ family, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

/** Up to three words on each side of a reference, within its clause and not across another reference. */
function neighbourhood(text: string, start: number, end: number): { left: string; right: string } {
  const before = text.slice(0, start);
  let l = Math.max(0, before.lastIndexOf('}}') + 2);
  for (const c of '.,;:!?()|\n') l = Math.max(l, before.lastIndexOf(c) + 1);
  const after = text.slice(end);
  let r = after.indexOf('{{') < 0 ? after.length : after.indexOf('{{');
  for (const c of '.,;:!?()|\n') if (after.indexOf(c) >= 0) r = Math.min(r, after.indexOf(c));
  const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);
  return { left: words(text.slice(l, start)).slice(-3).join(' '), right: words(after.slice(0, r)).slice(0, 3).join(' ') };
}

function scanFree(source: string, masked: string, problems: TemplateProblem[]): void {
  const lines = masked.split('\n');
  let offset = 0;
  for (const line of lines) {
    // Markdown list numbering and table rules are structure, not figures.
    const body = line.replace(/^(\s*)\d{1,2}[.)](\s)/, '$1  $2').replace(/^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/, '');
    const report = (re: RegExp, kind: TemplateProblem['kind'], what: string): void => {
      re.lastIndex = 0;
      for (let m = re.exec(body); m; m = re.exec(body)) {
        const p = position(source, offset + m.index);
        problems.push({
          kind,
          ...p,
          text: m[0],
          message: `${what} '${m[0]}' typed by hand at line ${p.line}, column ${p.column}: use a reference from the list`,
        });
      }
    };
    report(/[$€£¥]?\d(?:[\d,.]*\d)?(?:%|\s?(?:k|K|M|bn|B)\b)?/g, 'free-number', 'number');
    // Digits of other scripts (fullwidth, Arabic-Indic, ...) are figures too.
    report(/(?![0-9])\p{Nd}+/gu, 'free-number', 'number');
    report(NUMBER_WORDS, 'free-number', 'number in words');
    report(MONTH_WORDS, 'free-month', 'month');
    report(STATUS_WORDS, 'free-status', 'status word');
    // A status mark typed by hand (a bold label line, like the seed's "Achieved this quarter ✅", aside): use {{...status|mark}}.
    if (!/^\s*\*\*[^*]+\*\*\s*$/.test(body)) report(/✅|❌|⚠️?/gu, 'free-status', 'status mark');
    offset += line.length + 1;
  }
}

/**
 * Renders the writer's text. `problems` is empty when the draft may be kept; the Markdown is
 * rendered either way (an unknown or empty reference is left as written).
 */
export function renderQbrTemplate(template: string, facts: QbrDraftFacts, meta: QbrMeta = {}): RenderedQbr {
  const table = qbrReferences(facts, meta);
  const currency = facts.businessCase.currency;
  const problems: TemplateProblem[] = [];
  const claims: RenderedClaim[] = [];
  // Text with every reference replaced by spaces of the same length, for the free-text scan.
  const masked = template.replace(REF, (m) => ' '.repeat(m.length));
  scanFree(template, masked, problems);

  const markdown = template.replace(REF, (whole, name: string, style: string | undefined, offset: number) => {
    const at = position(template, offset);
    const ref: QbrReference | undefined = table.get(name);
    if (!ref) {
      problems.push({
        kind: 'unknown-reference',
        ...at,
        text: whole,
        message: `unknown reference ${whole} at line ${at.line}, column ${at.column}: not in the list of facts`,
      });
      return whole;
    }
    if (style !== undefined && !(REF_STYLES as readonly string[]).includes(style)) {
      problems.push({ kind: 'bad-style', ...at, text: whole, message: `${whole} at line ${at.line}: style '${style}' is not one of ${REF_STYLES.join(', ')}` });
      return whole;
    }
    if (ref.value === null) {
      problems.push({
        kind: 'no-value',
        ...at,
        text: whole,
        message: `${whole} at line ${at.line}, column ${at.column} has no value for this case (${ref.about}): leave the sentence out`,
      });
      return whole;
    }
    const allowed = COMPATIBLE[ref.claim];
    const { left, right } = neighbourhood(template, offset, offset + whole.length);
    const near = [...familiesIn(left), ...familiesIn(right)].map((x) => x.family);
    if (near.includes('payback') && ref.claim !== 'payback' && (ref.format === 'month' || NOT_AT_PAYBACK.has(name))) {
      problems.push({
        kind: 'wrong-claim',
        ...at,
        text: whole,
        message:
          ref.format === 'month'
            ? `${whole} at line ${at.line}, column ${at.column} is not the payback month: only {{paybackMonth}} may stand next to "paid back"`
            : `${whole} at line ${at.line}, column ${at.column} is ${article(ref.claim)} ${ref.claim} figure ${name === 'investmentTotal' ? 'for the whole window' : 'to date'}, not the investment at the payback month ({{investmentAtPayback}})`,
      });
    } else if (ref.assumedOnly && !near.includes('assumed')) {
      problems.push({
        kind: 'wrong-claim',
        ...at,
        text: whole,
        message: `${whole} at line ${at.line}, column ${at.column} compares value that rests only on assumptions with the plan: say "assumed" beside it, or leave it out`,
      });
    } else if (allowed) {
      if (near.length > 0 && !near.some((f) => allowed.includes(f))) {
        const said = [...new Set(near.map((f) => FAMILY_NAME[f]))].join(', ');
        problems.push({
          kind: 'wrong-claim',
          ...at,
          text: whole,
          message: `${whole} at line ${at.line}, column ${at.column} is ${article(ref.claim)} ${ref.claim} figure but the words next to it say ${said}`,
        });
      }
    }
    const text =
      ref.format === 'text' && ref.claim === 'text' ? escapeMarkdown(String(ref.value)) : formatReference(ref, currency, style as RefStyle | undefined);
    claims.push({ reference: name, claim: ref.claim, text });
    return text;
  });
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { markdown, problems, claims };
}

/** Escapes what Markdown would read as table or emphasis syntax in text taken from the document. */
export function escapeMarkdown(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/([*_`])/g, '\\$1');
}

/** The problems in words the writer can act on. */
export function describeTemplateProblems(problems: readonly TemplateProblem[]): string {
  return problems.map((p) => `- line ${p.line}, column ${p.column}: ${p.message}`).join('\n');
}
