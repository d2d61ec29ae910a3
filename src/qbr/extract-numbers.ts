/**
 * Finding the numbers a text states, the way a reader would: money (`$44.1k`, `USD 44,107`,
 * `44,106.67 USD`), percentages (`22%`, `-15.1 %`, `22 percent`, `2 percentage points`),
 * multiples (`3.7x`) and plain numbers (`158 tickets/day`), each with the precision it was
 * written to. Numbers that are not claims are skipped: years, dates (`2026-03`, `03/2026`),
 * quarter and period names (`Q1`, `FY26`, `H2`), list and section numbering, ordinals,
 * times, and digits inside identifiers or file names (`zendesk-tickets-2026-03.csv`).
 */

/** How a number is written. */
export type MentionKind = 'money' | 'percent' | 'multiple' | 'plain';

/** One number stated in a text. */
export interface NumberMention {
  /** Exactly as written (sign, currency, suffix included), e.g. `$44.1k`, `-15.1%`. */
  text: string;
  /** Where `text` starts and ends in the input. */
  start: number;
  end: number;
  kind: MentionKind;
  /** The value in plain units: `$44.1k` is 44100, `22%` is 22 (percent points), `3.7x` is 3.7. */
  value: number;
  /** Half the last written digit's place, in the units of `value`: the rounding the text allows. */
  tolerance: number;
  /** True when the text wrote a sign (`-15%`, `+4.2%`): then the sign must match too. */
  signed: boolean;
}

/** ISO codes recognised next to a number as currency, besides the case's own. */
export const COMMON_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CHF',
  'JPY',
  'CAD',
  'AUD',
  'NZD',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'INR',
  'CNY',
  'SGD',
  'HKD',
  'BRL',
  'MXN',
  'ZAR',
];

const SCALES: Array<[RegExp, number]> = [
  [/^\s?(?:billion|bn)(?![\p{L}\p{N}])/iu, 1e9],
  [/^\s?(?:million|mn|mm)(?![\p{L}\p{N}])/iu, 1e6],
  [/^\s?thousand(?![\p{L}\p{N}])/iu, 1e3],
  [/^[kK](?![\p{L}\p{N}])/u, 1e3],
  [/^M(?![\p{L}\p{N}])/u, 1e6],
  [/^B(?![\p{L}\p{N}])/u, 1e9],
];
const PERCENT = /^\s?(?:%|percent(?!\p{L})|per cent(?!\p{L})|percentage points?(?!\p{L})|pp(?!\p{L})|pts?(?!\p{L})|points(?!\p{L}))/iu;
const MULTIPLE = /^(?:\s?×|x(?![\p{L}\p{N}]))/u;
/** Words whose following number is a label, not a figure ("Section 2", "Slide 3"). */
const LABEL_BEFORE = /(?:^|[^\p{L}])(?:section|slide|step|item|page|chapter|appendix|part|table|figure|fig\.|no\.|#)\s*$/iu;
const LETTER = /[\p{L}_]/u;
const DIGIT = /\d/;
const WORD = /[\p{L}\p{N}_]/u;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Options: currency codes to recognise beside the common ones (the case's currency). */
export interface ExtractOptions {
  currencies?: readonly string[];
}

/** Every number a text states, in order, with how it was written. */
export function extractNumbers(text: string, options: ExtractOptions = {}): NumberMention[] {
  const codes = [...new Set([...(options.currencies ?? []), ...COMMON_CURRENCIES])]
    .filter((c) => c !== '')
    .map(escapeRegExp)
    .join('|');
  const core = new RegExp(
    String.raw`(?<sign1>[-+−])?(?<cur1>US\$|[$€£¥]|(?:${codes})\s?)?(?<sign2>[-+−])?(?<int>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?<frac>\.\d+)?`,
    'gu',
  );
  const currencyAfter = new RegExp(String.raw`^\s?(?:${codes})(?![\p{L}\p{N}])`, 'u');
  const out: NumberMention[] = [];
  for (const m of text.matchAll(core)) {
    const g = m.groups!;
    let start = m.index;
    let end = start + m[0].length;
    const before = text.slice(0, start);
    const prev = before.slice(-1);
    const prev2 = before.slice(-2, -1);
    let sign = (g.sign1 ?? g.sign2 ?? '').replace('−', '-');

    // Glued to a word on the left: "Q1", "FY26", "v2", "tickets-2026".
    if (prev !== '' && LETTER.test(prev)) continue;
    if (prev !== '' && DIGIT.test(prev)) {
      // Only a leading sign or currency can follow a digit directly.
      if (g.sign1 !== undefined && sign === '-' && /\d{4}(?:-\d{2})?$/.test(before) && /^\d{2}$/.test(g.int!) && !g.frac) continue; // 2026-03(-15)
      if (g.sign1 !== undefined && sign === '-' && !g.cur1) {
        // A range "100-158": the hyphen is not a minus.
        start += 1;
        sign = g.sign2 ?? '';
      } else continue;
    }
    if (!g.sign1 && !g.cur1 && /[/:.]/.test(prev) && prev2 !== '' && WORD.test(prev2)) continue; // 03/2026's year, 10:30, 1.2.3
    const rest = text.slice(end);
    if (/^\d{4}$/.test(g.int!) && !g.frac && /^-\d{2}(?!\d)/.test(rest)) continue; // 2026-03
    if (/^[/:]\d/.test(rest) || /^\.\d/.test(rest)) continue; // 03/2026, 24/7, 10:30, 1.2.3
    if (/^(?:st|nd|rd|th)(?!\p{L})/iu.test(rest)) continue; // ordinals

    const intText = g.int!;
    const frac = g.frac ?? '';
    const decimals = frac.length > 0 ? frac.length - 1 : 0;
    let value = Number(intText.replace(/,/g, '') + frac);
    let scale = 1;
    let kind: MentionKind = g.cur1 ? 'money' : 'plain';

    const pct = PERCENT.exec(rest);
    const mult = pct ? null : MULTIPLE.exec(rest);
    if (pct) {
      kind = 'percent';
      end += pct[0].length;
    } else if (mult) {
      kind = 'multiple';
      end += mult[0].length;
    } else {
      for (const [re, s] of SCALES) {
        const sm = re.exec(rest);
        if (sm) {
          scale = s;
          end += sm[0].length;
          break;
        }
      }
      const ca = currencyAfter.exec(text.slice(end));
      if (ca) {
        kind = 'money';
        end += ca[0].length;
      }
    }
    // Glued to a word on the right: "24h", "3D", "2FA".
    if (WORD.test(text.slice(end, end + 1))) continue;

    const plainInteger = kind === 'plain' && scale === 1 && sign === '' && frac === '' && !intText.includes(',');
    if (plainInteger) {
      const n = Number(intText);
      if (intText.length === 4 && n >= 1900 && n <= 2100) continue; // a year
      const lineStart = before.slice(before.lastIndexOf('\n') + 1);
      // List or section numbering: "1. ", "2) ", "## 3. Risks", "**4.** ", "## 2 Outcomes".
      if (/^\s*(?:#{1,6}\s*)?(?:\*\*|__)?$/.test(lineStart) && /^(?:[.)](?:\*\*|__)?|(?:\*\*|__)[.)]?)(?:\s|$)/.test(rest)) continue;
      if (/^\s*#{1,6}\s+(?:\*\*|__)?$/.test(lineStart) && /^\s+\p{L}/u.test(rest)) continue;
      if (LABEL_BEFORE.test(before)) continue;
    }
    if (sign === '-') value = -value;
    out.push({ text: text.slice(start, end), start, end, kind, value: value * scale, tolerance: 0.5 * 10 ** -decimals * scale, signed: sign !== '' });
  }
  return out;
}
