/**
 * Numbers as people type them, read exactly or not at all: `115`, `1,250`, `3.2k`, `550k`,
 * `2e3`, `$14`, `€32`, `-50`, `22%`, `12,5%` (a decimal comma), `22 percent`. Part of the one
 * lexicon of numbers and dates (`docs/offline-model.md`, "The lexicon"): the offline model
 * reads every number through it, so no number is ever truncated into another one ("3.2k"
 * is 3200, never 3.2; "0x10" is refused, never 0).
 *
 * The value is built from the digits as written (`Number("32e2")`), so it is the double
 * nearest the decimal the person wrote, never the result of a float multiplication
 * (`1.005 * 1000` is 1004.9999999999999; "1.005k" reads as 1005).
 */

/** A number that reads as exactly one value, or one refused with the reason. */
export type NumberReading =
  | {
      ok: true;
      /** The value; a percentage as a fraction (22% is 0.22), as every tool takes it. */
      value: number;
      /** Whether it was written as a percentage ("22%", "22 percent"). */
      percent: boolean;
      /** Whether it was written as a whole number without separators, sign, unit or suffix ("26", "2026"). */
      plain: boolean;
      /** The text read, trimmed. */
      text: string;
    }
  | { ok: false; text: string; reason: string };

/**
 * The largest magnitude read (exclusive). Beyond it a figure is no business value, and past
 * 2^53 (about 9e15) whole numbers stop being exact in a double.
 */
export const MAX_MAGNITUDE = 1e15;

/** Significant digits a double holds exactly (15, `Number.MAX_SAFE_INTEGER` has 16). */
const MAX_DIGITS = 15;

const MULTIPLIERS: Record<string, number> = { k: 3, thousand: 3, mn: 6, million: 6, bn: 9, billion: 9 };

/**
 * A regular-expression source matching one number-like token as a whole, so that a number
 * is never cut short by a pattern that stops at its first non-digit: digits with `,` and
 * `.` inside, an exponent, a `k`/`mn`/`bn`/`thousand`/`million`/`billion` suffix, a
 * percent sign or word, a currency sign, a sign (written next to the digits: "150 - 160" is
 * no negative number); and what only looks like a number (`0x10`) so it can be refused. Use
 * it with the `i` flag; it needs no `u`.
 */
export const NUMBER_TOKEN = String.raw`(?<![\w.,])(?:[-+\u2212])?(?:[$€£]\s?)?(?:[-\u2212])?(?:0[xob][0-9a-f]+(?![\w])|(?:\d[\d,.]*\d|\d|\.\d+)(?:e[-+]?\d+(?![\w]))?(?:\s?(?:k|thousand|mn|million|bn|billion)(?![a-z]))?(?:\s?(?:%|percent\b|per\s?cent\b|pct\b))?)`;

const WHOLE =
  /^\s*(?:([-+\u2212])\s?)?(?:([$€£])\s?)?(?:([-\u2212])\s?)?(?:(0[xob][0-9a-f]+)|(\d[\d,.]*\d|\d|\.\d+)(?:e([-+]?\d+))?)\s?(k|thousand|mn|million|bn|billion)?\s?(%|percent|per\s?cent|pct)?\s*$/i;

/**
 * Digits of other scripts read as the ASCII digits they are: Arabic-Indic (٠–٩), Extended
 * Arabic-Indic (۰–۹), Devanagari (०–९) and fullwidth (０–９), and the Arabic decimal and
 * thousands separators (٫ ٬). "٣٢" is 32, exactly. Digits of any other script are left as
 * they are, and `unreadDigits` finds them so they are refused.
 */
export function normalizeDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\uff10-\uff19\u066b\u066c]/g, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\u066b') return '.';
    if (c === '\u066c') return ',';
    for (const zero of [0x0660, 0x06f0, 0x0966, 0xff10]) if (code >= zero && code <= zero + 9) return String(code - zero);
    return c;
  });
}

/** Runs of digits `normalizeDigits` does not read (another script's), as written, for a refusal. */
export function unreadDigits(text: string): string[] {
  return (text.match(/\p{Nd}+/gu) ?? []).filter((run) => /[^0-9]/.test(normalizeDigits(run)));
}

/**
 * The digits of a number without its separators, and how many of them follow the decimal
 * point; or why the separators leave it ambiguous. "1,250" has thousands; "12,5" a decimal
 * comma (one or two digits after a single comma); "1,250.5" both; "1.250,5", "1,2345",
 * "1.250.000" could be read in two ways and are refused.
 */
function digitsOf(core: string): { digits: string; decimals: number } | { reason: string } {
  const commas = (core.match(/,/g) ?? []).length;
  const dots = (core.match(/\./g) ?? []).length;
  let plain: string;
  if (commas > 0 && dots > 0) {
    if (!/^\d{1,3}(?:,\d{3})+\.\d+$/.test(core)) return { reason: 'its separators can be read in more than one way' };
    plain = core.replace(/,/g, '');
  } else if (commas > 0) {
    if (/^\d{1,3}(?:,\d{3})+$/.test(core)) plain = core.replace(/,/g, '');
    else if (/^\d+,\d{1,2}$/.test(core)) plain = core.replace(',', '.');
    else return { reason: 'its commas are neither thousands separators nor one decimal comma' };
  } else if (dots > 1) {
    return { reason: 'it has more than one decimal point' };
  } else {
    plain = core;
  }
  const [whole, fraction = ''] = plain.split('.');
  return { digits: `${whole}${fraction}`, decimals: fraction.length };
}

/**
 * Reads one number as written. Returns null when the text is not a number at all; a
 * refusal (`ok: false`, with the reason) when it looks like one but cannot be read as
 * exactly one value: another base (`0x10`), ambiguous separators (`1.250,5`), more than 15
 * significant digits, a magnitude of 1e15 or more (`1e308`), or digits of a script it does
 * not know. Percentages become fractions ("12,5%" is 0.125); `k` is a thousand ("3.2k" is
 * 3200), `mn`/`million` a million, `bn`/`billion` a billion.
 */
export function readNumber(raw: string): NumberReading | null {
  const text = raw.trim();
  const foreign = unreadDigits(text);
  if (foreign.length > 0) return { ok: false, text, reason: `it is written with digits I cannot read exactly (${foreign.join(', ')})` };
  const normal = normalizeDigits(text);
  const m = WHOLE.exec(normal);
  if (!m) return null;
  const [, sign1, , sign2, other, core, exponent, suffix, percentSign] = m;
  if (sign1 && sign2) return { ok: false, text, reason: 'it has two signs' };
  if (other) return { ok: false, text, reason: 'it is not a decimal number (write it in ordinary digits)' };
  const parts = digitsOf(core!.startsWith('.') ? `0${core}` : core!);
  if ('reason' in parts) return { ok: false, text, reason: parts.reason };
  const significant = parts.digits.replace(/^0+/, '');
  const trimmed = significant.replace(/0+$/, '');
  if (trimmed.length > MAX_DIGITS) return { ok: false, text, reason: `it has more than ${MAX_DIGITS} significant digits, more than can be held exactly` };
  const shift =
    Number(exponent ?? 0) - parts.decimals + (suffix ? MULTIPLIERS[suffix.toLowerCase()]! : 0) - (percentSign ? 2 : 0) + (significant.length - trimmed.length);
  const negative = [sign1, sign2].some((s) => s === '-' || s === '\u2212');
  const magnitude = trimmed === '' ? 0 : Number(`${trimmed}e${shift}`);
  const shown = percentSign ? magnitude * 100 : magnitude;
  if (!Number.isFinite(magnitude) || shown >= MAX_MAGNITUDE)
    return { ok: false, text, reason: `it is too large (${MAX_MAGNITUDE.toExponential().replace('e+', 'e')} or more) to be a value here` };
  if (trimmed !== '' && magnitude === 0) return { ok: false, text, reason: 'it is too small to be held exactly' };
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  const plain = !sign1 && !sign2 && !m[2] && !exponent && !suffix && !percentSign && /^\d+$/.test(core!);
  return { ok: true, value, percent: Boolean(percentSign), plain, text };
}
