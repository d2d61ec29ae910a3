/**
 * What the product's words mean, for "what does carried forward mean?": the offline model
 * answers from this glossary (the engine contract's meanings, in a sentence each) instead of
 * saying it did not understand.
 */
const TERMS: ReadonlyArray<{ words: RegExp; meaning: string }> = [
  {
    words: /carr(?:y|ied)[\s-]*forward/i,
    meaning:
      '**Carried forward**: a month without a new measurement uses the last measurement before it (the latest earlier value of the metric). Realized value in such a month is still measured, and the summary shows how much of it is carried forward.',
  },
  {
    words: /\bmeasured\b/i,
    meaning: "**Measured**: realized value that rests on measurements of a calculation's metric (recorded or carried forward), as opposed to assumed.",
  },
  {
    words: /\bassumed\b/i,
    meaning: "**Assumed**: realized value of calculations that are not measured yet: it rests on the business case's assumptions.",
  },
  {
    words: /\breali[sz](?:ed|ation)\b/i,
    meaning: '**Realized**: the value the realization scenario counts up to a month (measured plus assumed), against the estimate of the plan it is based on.',
  },
  {
    words: /\block(?:ed|ing)?\b/i,
    meaning: '**Locked**: months up to the lock are closed; no change may alter their figures (a lock only moves forward).',
  },
  {
    words: /\bbaseline\b/i,
    meaning:
      '**Baseline**: the value of a metric before the change (e.g. tickets per day before automation); a converted calculation measures the improvement against it.',
  },
  {
    words: /\bmetric\b/i,
    meaning: '**Metric**: the input a calculation is measured through; its monthly values are measurements.',
  },
  {
    words: /\bpayback\b/i,
    meaning: '**Payback month**: the first month in which cumulative realized value reaches the cumulative investment.',
  },
];

/**
 * The answer to "what does X mean?", "what is a X?", "what are X values?", "define X" for a
 * word of the glossary; null for any other question ("what's realized so far?" asks for figures).
 */
export function explainTerm(text: string): string | null {
  const asks =
    /^\s*(?:what\s+(?:does|do)\s+(.+?)\s+mean|what(?:'s|\s+is)\s+(?:a|an)\s+(.+?)|what\s+(?:is|are)\s+(.+?)\s+(?:values?|months?)\s*\?|define\s+(.+?)|explain\s+(?:what\s+)?(.+?)(?:\s+means?)?)\s*[?.!]*$/i.exec(
      text,
    );
  if (!asks) return null;
  const term = asks[1] ?? asks[2] ?? asks[3] ?? asks[4] ?? asks[5] ?? '';
  if (term.split(/\s+/).length > 4) return null;
  const found = TERMS.filter((t) => t.words.test(term));
  return found.length === 1 ? found[0]!.meaning : null;
}
