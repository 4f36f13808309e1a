import { describe, expect, it } from 'vitest';
import { bodyHtml } from '../../../../src/lib/validate/rules/body-html';
import { brief, file, runRule } from './helpers';

// The body starts on line 4 (after `---`, `title: x`, `---`).
const check = (body: string) => brief(runRule(bodyHtml, file('title: x', body)).problems);

describe('rule: body-html', () => {
  it('reports any raw HTML node at its line in the FILE', () => {
    expect(check('Intro.\n\n<script>alert(1)</script>\n')).toEqual([
      '6:1 - raw HTML is not allowed in the body: <script>alert(1)</script> (write Markdown instead (e.g. [text](https://…) for a link); HTML is never rendered)',
    ]);
    expect(check('<iframe src="https://x.example"></iframe>')[0]).toMatch(/^4:1 .*<iframe/);
    expect(check('a <img src=x onerror=alert(1)> b')[0]).toMatch(/^4:3 .*onerror/);
    expect(check('<!-- note -->')[0]).toContain('(delete the HTML comment)');
  });

  it('one problem per element, not one more for its closing tag', () => {
    expect(check('Some <b>bold</b> text')).toHaveLength(1);
  });

  it('code is text, not HTML', () => {
    expect(check('```html\n<script>alert(1)</script>\n```\n\nand `<iframe>` inline\n\n    <img onerror=x>\n')).toEqual([]);
  });
});
