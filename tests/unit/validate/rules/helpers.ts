import { buildContext } from '../../../../src/lib/validate/index';
import type { Problem } from '../../../../src/lib/validate/problem';
import type { Rule } from '../../../../src/lib/validate/rules';

/** Frontmatter lines → a whole file (the YAML starts on line 2). */
export function file(frontmatter: string, body = 'Body.\n'): string {
  return `---\n${frontmatter.replace(/\n?$/, '\n')}---\n${body}`;
}

/** Runs ONE rule on a file's contents; returns its problems and the fields it claimed from the schema. */
export function runRule(rule: Rule, contents: string, fileName = 'entry.md'): { problems: Problem[]; claimed: string[] } {
  const { ctx, claimed } = buildContext(fileName, contents, { now: new Date('2026-06-01T00:00:00Z') });
  const problems = rule.check(ctx);
  return { problems, claimed: [...claimed] };
}

/** `line:col field message (suggestion)` for compact assertions. */
export function brief(problems: Problem[]): string[] {
  return problems.map(
    (p) => `${p.severity === 'warning' ? 'warning ' : ''}${p.line ?? '-'}:${p.col ?? '-'} ${p.field ?? '-'} ${p.message}${p.suggestion ? ` (${p.suggestion})` : ''}`,
  );
}
