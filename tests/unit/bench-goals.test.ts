import { describe, expect, it } from 'vitest';
import { fmtS, judgeGoals, toMarkdown, type Side, type SizeResult } from '../../scripts/lib/bench/report';

/** The benchmark's goals: judged at the size they name, before/after from --against, NOT RUN when not measured. */

const side = (seconds: number, rebuild: number, validate = 2, queryMs = 80): Side => ({
  commit: 'abc1234',
  validateSeconds: validate,
  validateRuns: [validate],
  build: { seconds, cpuSeconds: seconds * 1.3, peakBytes: 2 ** 30, astroSeconds: seconds - 10, indexSeconds: 10 },
  buildRuns: [seconds],
  rebuild: { validateSeconds: validate, seconds: rebuild, cpuSeconds: rebuild },
  firstQuery: { ms: queryMs, runs: [queryMs], pageBytes: 40_000, queryBytes: 200_000 },
});

const size = (entries: number, after: Side, before?: Side): SizeResult => ({
  entries,
  after,
  before,
  baselines: { hugo: { seconds: 10, cpuSeconds: 12, peakBytes: 2 ** 29 } },
  output: { files: 1, bytes: 1, pagefindBytes: 1, largestPage: { path: '/about/data/', bytes: 150_000 }, publicationPage: { path: '/publications/a/', bytes: 23_000, withoutSearch: 23_000 } },
  pages: [{ path: '/', bytes: 18_000 }, { path: '/about/data/', bytes: 150_000 }],
  defaultUi: { ms: 700, pageBytes: 130_000, queryBytes: 470_000 },
});

const status = (goals: ReturnType<typeof judgeGoals>, start: string) => goals.find((g) => g.goal.startsWith(start))?.status;

describe('benchmark goals', () => {
  it('judges 10,000-entry goals, and before/after from --against', () => {
    const goals = judgeGoals([size(10_000, side(55, 20), side(52, 45))]);
    expect(status(goals, '10,000 entries: cold build')).toBe('PASS');
    expect(status(goals, 'Validate 10,000')).toBe('PASS');
    expect(status(goals, 'Cold build within 10%')).toBe('PASS'); // 55 ≤ 1.1 × 52
    expect(status(goals, 'Rebuild after adding one entry')).toBe('PASS'); // 45 / 20 ≥ 2
    expect(status(goals, 'Build within 3× of Hugo')).toBe('MISS'); // 55 > 3 × 10
    expect(status(goals, 'First query')).toBe('PASS');
    expect(status(goals, 'Search page + first query bytes')).toBe('PASS'); // 240 KB ≤ 0.5 × 600 KB
    expect(status(goals, 'No page over 200 KB')).toBe('PASS');
    expect(status(goals, '100,000 entries')).toBe('NOT RUN');
    expect(status(goals, 'Lighthouse')).toBe('NOT RUN');
  });

  it('misses a rebuild under 2× faster, a cold build over 10% slower, and validate over 5 s', () => {
    const goals = judgeGoals([size(10_000, side(60, 30, 6), side(50, 45))]);
    expect(status(goals, 'Cold build within 10%')).toBe('MISS');
    expect(status(goals, 'Rebuild after adding one entry')).toBe('MISS');
    expect(status(goals, 'Validate 10,000')).toBe('MISS');
  });

  it('says NOT RUN, with the figure at the size it ran, when the goal\'s size was not run', () => {
    const goals = judgeGoals([size(200, side(12, 6))]);
    const cold = goals.find((g) => g.goal.startsWith('10,000 entries: cold build'))!;
    expect(cold.status).toBe('NOT RUN');
    expect(cold.measured).toMatch(/^at 200 entries: 12\.0 s/);
    expect(status(goals, 'Cold build within 10%')).toBe('NOT RUN'); // no --against
    expect(status(goals, 'A publication page without the search code')).toBe('PASS'); // page weights: any size
  });

  it('judges a linear build on CPU per entry between the smallest and largest sizes', () => {
    const goals = judgeGoals([size(1000, side(20, 10)), size(10_000, side(300, 10))]);
    expect(status(goals, 'Linear build')).toBe('MISS'); // 300/10,000 > 1.25 × 20/1,000
  });

  it('writes before and after columns side by side', () => {
    const results = { meta: { date: 'd', command: 'npm run bench', commit: 'c', machine: 'm', node: 'v24', loadStart: [1], loadEnd: [1], seconds: 1, seed: 's', versions: {} }, sizes: [size(10_000, side(55, 20), side(52, 45))], goals: [] };
    results.goals = judgeGoals(results.sizes) as never;
    expect(toMarkdown(results)).toContain('| Rebuild after adding one entry: validate + build (CPU) | 2.00 s + 20.0 s (20.0 s) | 2.00 s + 45.0 s (45.0 s) |');
  });

  it('writes durations as people read them', () => {
    expect([fmtS(4.321), fmtS(45.06), fmtS(239.7), fmtS(null)]).toEqual(['4.32 s', '45.1 s', '4 min 0 s', '–']);
  });
});
