import { describe, expect, it } from 'vitest';
import { bodyLinks } from '../../../../src/lib/validate/rules/body-links';
import { brief, file, runRule } from './helpers';

const check = (body: string) => brief(runRule(bodyLinks, file('title: x', body)).problems);

describe('rule: body-links', () => {
  it('accepts https:// targets and in-page anchors', () => {
    expect(check('[a](https://x.example) ![i](https://x.example/i.png) [top](#top)\n\n[r]: https://x.example\n')).toEqual([]);
  });

  it('refuses other link, image and definition targets, at their line in the file', () => {
    expect(check('Click [here](javascript:alert(1)).')).toEqual([
      '4:7 - link target "javascript:alert(1)" is not an https:// URL (javascript: links are not allowed; use an https:// address)',
    ]);
    expect(check('x\n\n![c](http://x.example/c.png)')[0]).toBe(
      '6:1 - image target "http://x.example/c.png" is not an https:// URL (use https://x.example/c.png)',
    );
    expect(check('[r]: data:text/html,x')[0]).toMatch(/^4:1 - link definition target "data:text\/html,x"/);
    expect(check('<javascript:alert(1)>')[0]).toContain('javascript:');
    expect(check('[rel](../other.md)')[0]).toContain('(use a full https:// address)');
  });
});
