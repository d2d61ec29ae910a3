/** The QBR draft's Markdown as the web page shows it: structure kept, every piece of text escaped. */
import { describe, expect, it } from 'vitest';
import { markdownHtml } from '../../src/web/work-pages.ts';

describe('markdownHtml', () => {
  it('draws headings, paragraphs with bold and italics, tables without their separator line, and bullets', () => {
    const md = '# Title\n\nSome **bold** and _it_ <x>\n\n| A | B |\n|---|:---:|\n| 1 | **2** |\n- one\n- two\nafter';
    expect(markdownHtml(md).value).toBe(
      '<h2>Title</h2><p>Some <strong>bold</strong> and <em>it</em> &lt;x&gt;</p>' +
        '<div class="table-wrap"><table class="data"><thead><tr><th scope="col">A</th><th scope="col">B</th></tr></thead><tbody><tr><td>1</td><td><strong>2</strong></td></tr></tbody></table></div>' +
        '<ul><li>one</li><li>two</li></ul><p>after</p>',
    );
  });

  it('starts a new table where a second head and separator follow a table without a blank line', () => {
    const html = markdownHtml('| A |\n|---|\n| 1 |\n| B |\n|---|\n| 2 |').value;
    expect(html.match(/<table/g)).toHaveLength(2);
    expect(html).toContain('<thead><tr><th scope="col">B</th></tr></thead><tbody><tr><td>2</td></tr></tbody>');
  });

  it('leaves snake_case words alone and escapes markup inside bold', () => {
    expect(markdownHtml('tickets_per_day and **<b>**').value).toBe('<p>tickets_per_day and <strong>&lt;b&gt;</strong></p>');
  });
});
