/**
 * Slack's message text as a person wrote it (issue 14). Slack sends text with its markup:
 * `&`, `<` and `>` as `&amp;`, `&lt;`, `&gt;`; links as `<https://…|label>` or `<https://…>`;
 * mentions as `<@U123>` or `<@U123|name>`; channels as `<#C123|name>` or `<#C123>`; user
 * groups and special mentions as `<!subteam^S123|@team>` and `<!here>`. Everything that reads
 * Slack text (the agent, `/ve`, a case name, a note or source) gets it decoded once, here:
 *
 * - a link with a label becomes `label (url)` (the URL is kept: it is evidence), a bare link
 *   its URL, a `mailto:` link its address;
 * - a user mention `@name` when Slack gave the name, else `@U123`; a channel `#name`, else `#C123`;
 * - `<!here>`, `<!channel>`, `<!everyone>` become `@here`... and a user group its label;
 * - then the three entities, `&amp;` last, so `&amp;lt;` stays the text `&lt;`.
 *
 * Bot mentions are stripped before this (`stripMention`), where the bot's id is known.
 */
export function decodeSlackText(text: string): string {
  const marked = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar >= 0 ? inner.slice(0, bar) : inner;
    const label = bar >= 0 ? inner.slice(bar + 1) : '';
    if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
    if (target.startsWith('#')) return label ? `#${label.replace(/^#/, '')}` : target;
    if (target.startsWith('!')) {
      const special = target.slice(1);
      if (label) return label;
      return special.startsWith('subteam^') ? `@${special.slice('subteam^'.length)}` : `@${special.split('^')[0]}`;
    }
    if (target.startsWith('mailto:')) return label || target.slice('mailto:'.length);
    if (!label || label === target) return target;
    return `${label} (${target})`;
  });
  return marked.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
