import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub, formatProblems, formatText, summary } from '../../../src/lib/validate/format';
import type { Problem } from '../../../src/lib/validate/problem';

const P: Problem = {
  file: 'content/publications/a.md',
  line: 7,
  col: 5,
  field: 'region[0]',
  severity: 'error',
  message: '"Carribean" is not a region',
  suggestion: 'did you mean "Central and North America and the Caribbean"?',
};

describe('formatters', () => {
  it('text: one compiler-style line per problem', () => {
    expect(formatText(P)).toMatchInlineSnapshot(
      `"content/publications/a.md:7:5  error  region[0]  "Carribean" is not a region  (did you mean "Central and North America and the Caribbean"?)"`,
    );
    expect(formatText({ file: 'a.md', severity: 'warning', message: 'm\nn' })).toBe('a.md  warning  m n');
  });

  it('github: workflow commands with GitHub escaping', () => {
    expect(formatGithub(P)).toMatchInlineSnapshot(
      `"::error file=content/publications/a.md,line=7,col=5,title=region[0]::"Carribean" is not a region (did you mean "Central and North America and the Caribbean"?)"`,
    );
    expect(formatGithub({ file: 'a,b:c.md', severity: 'warning', message: '100% sure\r\nnext', field: 'x' })).toBe(
      '::warning file=a%2Cb%3Ac.md,title=x::100%25 sure%0D%0Anext',
    );
    expect(escapeData('%\r\n')).toBe('%25%0D%0A');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });

  it('json: an array of problems', () => {
    expect(JSON.parse(formatProblems([P], 'json'))).toEqual([P]);
    expect(formatProblems([], 'text')).toBe('');
    expect(formatProblems([], 'json')).toBe('[]\n');
  });

  it('summary', () => {
    expect(summary([], 3)).toBe('3 files checked, no problems');
    expect(summary([P, { ...P, severity: 'warning' }], 3)).toBe('1 error, 1 warning in 1 file (3 checked)');
  });
});
