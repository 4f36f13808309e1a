/** The results of a run (results.json), the goals judged on them, and results.md. Pure: tested in tests/unit. */

export interface Side {
  commit: string;
  /** Medians over the runs; the runs themselves in `*Runs`. */
  validateSeconds: number;
  validateRuns: number[];
  build: { seconds: number; cpuSeconds: number | null; peakBytes: number; astroSeconds: number; indexSeconds: number };
  buildRuns: number[];
  /** One entry added, then validate and a build into the same folder (cache and output kept). */
  rebuild?: { validateSeconds: number; seconds: number; cpuSeconds: number | null };
  /** The catalogue's own search page: median ms of last key → results painted, and bytes. */
  firstQuery?: { ms: number | null; runs: Array<number | null>; pageBytes: number; queryBytes: number };
}

export interface SizeResult {
  entries: number;
  after: Side;
  before?: Side;
  baselines: Partial<Record<'astro' | 'hugo', { seconds: number; cpuSeconds: number | null; peakBytes: number }>>;
  output: { files: number; bytes: number; pagefindBytes: number; largestPage: { path: string; bytes: number }; publicationPage?: { path: string; bytes: number; withoutSearch: number } };
  /** Bytes transferred per page measured (largest pages, home, search), and its largest. */
  pages: Array<{ path: string; bytes: number }>;
  defaultUi?: { ms: number | null; pageBytes: number; queryBytes: number };
  lighthouse?: Array<{ url: string; scores: Record<string, number | null> }>;
  documents?: {
    fraction: number;
    count: number;
    pages: number;
    buildSeconds: number;
    buildCpuSeconds: number | null;
    rebuildSeconds: number;
    rebuildCpuSeconds: number | null;
    extractColdSeconds: number;
    extractCachedSeconds: number;
    indexBytes: number;
    firstQuery: { ms: number | null; results: number; query: string };
  };
}

export interface Results {
  meta: { date: string; command: string; commit: string; machine: string; node: string; loadStart: number[]; loadEnd: number[]; seconds: number; seed: string; versions: Record<string, string> };
  sizes: SizeResult[];
  goals: Goal[];
}

export interface Goal {
  goal: string;
  target: string;
  measured: string;
  status: 'PASS' | 'MISS' | 'NOT RUN';
}

const KiB = 1024;
const MiB = KiB * 1024;
export const GiB = MiB * 1024;
export const fmtBytes = (b: number) => (b >= GiB ? `${(b / GiB).toFixed(2)} GiB` : b >= MiB ? `${(b / MiB).toFixed(1)} MiB` : `${(b / KiB).toFixed(1)} KiB`);
export const fmtS = (s: number | null | undefined) => (s == null ? '–' : s >= 120 ? `${Math.floor(Math.round(s) / 60)} min ${Math.round(s) % 60} s` : `${s.toFixed(s < 10 ? 2 : 1)} s`);
const fmtMs = (ms: number | null | undefined) => (ms == null ? 'no results' : `${Math.round(ms)} ms`);
const n = (x: number) => x.toLocaleString('en');

/**
 * The goals of bench/results.md and issues 18, 19: each judged at the size it names (10,000 or 100,000 entries);
 * a run without that size says NOT RUN and shows what it measured at its largest size instead.
 */
export function judgeGoals(sizes: SizeResult[]): Goal[] {
  const at = (entries: number) => sizes.find((s) => s.entries === entries);
  const largest = sizes[sizes.length - 1];
  const goals: Goal[] = [];
  const judge = (goal: string, target: string, size: SizeResult | undefined, measure: (s: SizeResult) => [string, boolean] | undefined) => {
    const m = size && measure(size);
    if (m) return goals.push({ goal, target, measured: m[0], status: m[1] ? 'PASS' : 'MISS' });
    const tried = !size && largest ? measure(largest) : undefined;
    goals.push({ goal, target, measured: tried ? `at ${n(largest!.entries)} entries: ${tried[0]}` : 'not measured', status: 'NOT RUN' });
  };
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const ten = at(10_000);
  judge('10,000 entries: cold build', '≤ 60 s', ten, (s) => [`${fmtS(s.after.build.seconds)} (CPU ${fmtS(s.after.build.cpuSeconds)})`, s.after.build.seconds <= 60]);
  judge('100,000 entries: cold build and peak memory', '≤ 12 min, ≤ 6 GiB', at(100_000), (s) => [
    `${fmtS(s.after.build.seconds)}, ${fmtBytes(s.after.build.peakBytes)}`,
    s.after.build.seconds <= 720 && s.after.build.peakBytes <= 6 * GiB,
  ]);
  const small = sizes.find((s) => s.entries >= 1000);
  judge('Linear build: CPU per entry at the largest size vs the smallest (≥ 1,000)', '≤ 1.25×', small !== largest ? largest : undefined, (s) => {
    const per = (x: SizeResult) => (x.after.build.cpuSeconds ?? x.after.build.seconds) / x.entries;
    return small ? [`${ratio(per(s), per(small))} (${n(small.entries)} → ${n(s.entries)})`, per(s) <= 1.25 * per(small)] : undefined;
  });
  judge('Validate 10,000 entries', '≤ 5 s', ten, (s) => [fmtS(s.after.validateSeconds), s.after.validateSeconds <= 5]);
  judge('Cold build within 10% of --against (10,000)', '≤ 1.10× before', ten, (s) =>
    s.before ? [`${fmtS(s.after.build.seconds)} vs ${fmtS(s.before.build.seconds)} = ${ratio(s.after.build.seconds, s.before.build.seconds)}`, s.after.build.seconds <= 1.1 * s.before.build.seconds] : undefined,
  );
  judge('Rebuild after adding one entry, cache kept, vs --against (10,000)', '≥ 2× faster', ten, (s) =>
    s.before?.rebuild && s.after.rebuild
      ? [`${fmtS(s.after.rebuild.seconds)} vs ${fmtS(s.before.rebuild.seconds)}: before ÷ after = ${ratio(s.before.rebuild.seconds, s.after.rebuild.seconds)}`, s.after.rebuild.seconds * 2 <= s.before.rebuild.seconds]
      : undefined,
  );
  judge('Build within 3× of Hugo + Pagefind (10,000)', '≤ 3×', ten, (s) =>
    s.baselines.hugo ? [`${fmtS(s.after.build.seconds)} vs ${fmtS(s.baselines.hugo.seconds)} = ${ratio(s.after.build.seconds, s.baselines.hugo.seconds)}`, s.after.build.seconds <= 3 * s.baselines.hugo.seconds] : undefined,
  );
  judge('First query at 10,000: last keystroke → results painted, as-you-type (median)', '≤ 100 ms', ten, (s) =>
    s.after.firstQuery?.ms != null ? [fmtMs(s.after.firstQuery.ms), s.after.firstQuery.ms <= 100] : undefined,
  );
  judge("Search page + first query bytes vs Pagefind's default UI, same index (10,000)", '≤ 0.5×', ten, (s) => {
    const q = s.after.firstQuery;
    if (!q || !s.defaultUi) return undefined;
    const [ours, theirs] = [q.pageBytes + q.queryBytes, s.defaultUi.pageBytes + s.defaultUi.queryBytes];
    return [`${fmtBytes(ours)} vs ${fmtBytes(theirs)} = ${ratio(ours, theirs)}`, ours <= 0.5 * theirs];
  });
  // Page weights hardly depend on the size: judged at the largest size run.
  judge('No page over 200 KB transferred (home, search, a publication, the largest HTML pages)', '≤ 200 KB', largest, (s) => {
    const top = [...s.pages].sort((a, b) => b.bytes - a.bytes)[0];
    return top ? [`largest ${fmtBytes(top.bytes)}: ${top.path} (${n(s.entries)} entries)`, top.bytes <= 200_000] : undefined;
  });
  judge('A publication page without the search code', '≤ 30 KB', largest, (s) =>
    s.output.publicationPage ? [`${fmtBytes(s.output.publicationPage.withoutSearch)} (${s.output.publicationPage.path})`, s.output.publicationPage.withoutSearch <= 30_000] : undefined,
  );
  judge('Lighthouse 100: performance, accessibility, best practices, SEO on four page types', 'all 100', largest, (s) => {
    if (!s.lighthouse?.length) return undefined;
    const low = s.lighthouse.flatMap((r) => Object.entries(r.scores).filter(([, v]) => v !== 100).map(([k, v]) => `${r.url} ${k} ${v ?? '?'}`));
    return [low.length ? low.join('; ') : 'all 100', low.length === 0];
  });
  return goals;
}

const table = (head: string[], rows: string[][]) => [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- |').join('')}`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export function goalsTable(goals: Goal[]): string {
  return table(['Goal', 'Target', 'Measured', ''], goals.map((g) => [g.goal, g.target, g.measured, `**${g.status}**`]));
}

function sideRows(s: SizeResult): string[][] {
  const sides = [s.after, ...(s.before ? [s.before] : [])];
  const row = (what: string, f: (x: Side) => string) => [what, ...sides.map(f)];
  return [
    row('Validate (median)', (x) => `${fmtS(x.validateSeconds)} (${x.validateRuns.map((r) => fmtS(r)).join(', ')})`),
    row('Cold build: wall (runs)', (x) => `${fmtS(x.build.seconds)} (${x.buildRuns.map((r) => fmtS(r)).join(', ')})`),
    row('Cold build: Astro + search index', (x) => `${fmtS(x.build.astroSeconds)} + ${fmtS(x.build.indexSeconds)}`),
    row('Cold build: CPU, peak memory (process tree)', (x) => `${fmtS(x.build.cpuSeconds)}, ${fmtBytes(x.build.peakBytes)}`),
    row('Rebuild after adding one entry: validate + build (CPU)', (x) => (x.rebuild ? `${fmtS(x.rebuild.validateSeconds)} + ${fmtS(x.rebuild.seconds)} (${fmtS(x.rebuild.cpuSeconds)})` : '–')),
    row('First query, median (runs)', (x) => (x.firstQuery ? `${fmtMs(x.firstQuery.ms)} (${x.firstQuery.runs.map(fmtMs).join(', ')})` : '–')),
    row('Search page + first query bytes', (x) => (x.firstQuery ? `${fmtBytes(x.firstQuery.pageBytes)} + ${fmtBytes(x.firstQuery.queryBytes)}` : '–')),
  ];
}

export function toMarkdown(r: Results): string {
  const m = r.meta;
  const out = [
    '# Benchmark results',
    '',
    `Measured ${m.date} with \`${m.command}\` at commit \`${m.commit}\`, in ${fmtS(m.seconds)}. Machine: ${m.machine}; Node ${m.node}; ${Object.entries(m.versions).map(([k, v]) => `${k} ${v}`).join(', ')}. ` +
      `Load average at start ${m.loadStart.map((x) => x.toFixed(2)).join(' ')}, at end ${m.loadEnd.map((x) => x.toFixed(2)).join(' ')} (shared cores: timings are medians, and noisy). Synthetic catalogues from bench/profile.json, seed \`${m.seed}\`.`,
    '',
    '## Goals',
    '',
    goalsTable(r.goals),
  ];
  for (const s of r.sizes) {
    out.push('', `## ${n(s.entries)} entries`, '');
    out.push(table(['', `after (${s.after.commit})`, ...(s.before ? [`before (${s.before.commit})`] : [])], sideRows(s)));
    const base = Object.entries(s.baselines).map(([k, b]) => `${k === 'astro' ? '(a) plain Astro' : '(b) Hugo'} + stock Pagefind ${fmtS(b.seconds)} (CPU ${fmtS(b.cpuSeconds)}, peak ${fmtBytes(b.peakBytes)})`);
    if (base.length) out.push('', `Baselines, cold: ${base.join('; ')}.`);
    const o = s.output;
    out.push('', `Output: ${n(o.files)} files, ${fmtBytes(o.bytes)} (Pagefind ${fmtBytes(o.pagefindBytes)}); largest HTML ${o.largestPage.path} ${fmtBytes(o.largestPage.bytes)}.`);
    out.push('', table(['Page (cold, bytes transferred)', 'Bytes'], s.pages.map((p) => [`\`${p.path}\``, fmtBytes(p.bytes)])));
    if (s.defaultUi) out.push('', `Pagefind's default UI on the same index: first query ${fmtMs(s.defaultUi.ms)}, page ${fmtBytes(s.defaultUi.pageBytes)} + query ${fmtBytes(s.defaultUi.queryBytes)}.`);
    if (s.lighthouse) out.push('', table(['Lighthouse', 'Performance', 'Accessibility', 'Best practices', 'SEO'], s.lighthouse.map((l) => [`\`${l.url}\``, ...Object.values(l.scores).map(String)])));
    const d = s.documents;
    if (d) {
      out.push('', `### With documents: ${n(d.count)} entries (${(d.fraction * 100).toFixed(1)}%) carry a ${d.pages}-page PDF, half of them redistributable`, '');
      out.push(table(['', 'without documents', 'with documents'], [
        ['Cold build (CPU)', `${fmtS(s.after.build.seconds)} (${fmtS(s.after.build.cpuSeconds)})`, `${fmtS(d.buildSeconds)} (${fmtS(d.buildCpuSeconds)})`],
        ['Rebuild after adding one entry, extraction cached (CPU)', `${fmtS(s.after.rebuild?.seconds)} (${fmtS(s.after.rebuild?.cpuSeconds)})`, `${fmtS(d.rebuildSeconds)} (${fmtS(d.rebuildCpuSeconds)})`],
        [`Extraction of the ${d.count} documents: cold, then from the cache`, '–', `${fmtS(d.extractColdSeconds)}, ${fmtS(d.extractCachedSeconds)}`],
        ["Documents' search index (pagefind/documents)", '–', fmtBytes(d.indexBytes)],
        [`First query "${d.firstQuery.query}" (document pages only), results`, '–', `${fmtMs(d.firstQuery.ms)}, ${d.firstQuery.results}`],
      ]));
    }
  }
  out.push('', 'How: bench/README.md. Raw figures: the .json beside this file.');
  return out.join('\n');
}
