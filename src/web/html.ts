/**
 * The web door's one way to write HTML: a tagged template whose interpolations are escaped
 * unless they are already `SafeHtml` (another template's result, or `raw` text the door wrote
 * itself, such as the chart's SVG). Arrays are joined; `null`, `undefined` and `false` write
 * nothing. Synchronous and string-based, so a page is one string built in one pass.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function write(part: Part): string {
  if (part === null || part === undefined || part === false || part === true) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) {
    let out = '';
    for (const p of part) out += write(p);
    return out;
  }
  return escapeHtml(String(part));
}

/** `html\`<p>${text}</p>\``: escapes every interpolation that is not `SafeHtml`. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < parts.length; i++) out += write(parts[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Markup the door produced itself and trusts as it is (never text from a request or a document). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
