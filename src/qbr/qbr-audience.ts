/** The audiences a QBR draft is written for. */
export const QBR_AUDIENCES = ['executive-sponsor', 'finance', 'champion'] as const;

/** Who a QBR draft is written for. */
export type QbrAudience = (typeof QBR_AUDIENCES)[number];

/** How each audience is named in a draft's heading ("Prepared for ..."). */
export const AUDIENCE_LABELS: Record<QbrAudience, string> = {
  'executive-sponsor': 'Executive sponsor',
  finance: 'Finance',
  champion: 'Champion',
};

/** True when `value` is one of the QBR audiences. */
export function isQbrAudience(value: unknown): value is QbrAudience {
  return typeof value === 'string' && (QBR_AUDIENCES as readonly string[]).includes(value);
}

/**
 * Reads an audience the way people name it ("exec", "CFO", "sponsor", "finance", "champion",
 * "power user"); null when it is none of them.
 */
export function parseQbrAudience(text: string): QbrAudience | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (isQbrAudience(t)) return t;
  if (/^(exec|executive|sponsor|executive-sponsor|exec-sponsor|ceo|coo|cio|vp|leadership|c-level)$/.test(t)) return 'executive-sponsor';
  if (/^(cfo|fin|finance-team|procurement|controller|financial)$/.test(t)) return 'finance';
  if (/^(champ|champions|admin|power-user|team-lead|manager|operations|ops)$/.test(t)) return 'champion';
  return null;
}
