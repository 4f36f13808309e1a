import type { BuildMeasure } from './builds';
import type { DistStats } from './dist';
import type { SearchRun, Transfer } from './browser';
import type { LighthouseScores } from './lighthouse';
import type { CpuProfileSummary } from './cpu-profile';

/** The results of a benchmark run (bench/results.json) and their Markdown table (bench/results.md). */

export type BuildSummary = Omit<BuildMeasure, 'outDir' | 'phases'> & { phaseSeconds: Record<string, number> };

export interface BuildSeries {
  runs: BuildSummary[];
  /** Median of each figure over the runs. */
  median: BuildSummary;
}

export interface SearchSeries {
  target: string;
  url: string;
  runs: Array<Omit<SearchRun, 'page' | 'query_'> & { pageByKind: Record<string, number>; queryByKind: Record<string, number> }>;
  medianMs: number | null;
  /** Median time to the first frame with any result (the goal uses medianMs: results settled). */
  medianFirstMs?: number | null;
  medianPageBytes: number;
  medianQueryBytes: number;
  modes: string[];
}

export type DistSummary = Omit<DistStats, 'html'>;

export interface SizeResult {
  entries: number;
  generateSeconds: number;
  catalogueBytes: number;
  validate: {
    available: boolean;
    runs: number[];
    /** CPU seconds (user + system) of each run, when GNU time is there. */
    cpuRuns?: number[];
    median: number | null;
    exitCodes: number[];
    note?: string;
    cpuProfile?: CpuProfileSummary;
  };
  builds: { catalogue: BuildSeries; astro?: BuildSeries; hugo?: BuildSeries };
  /** One entry added, validated, and the site rebuilt with the cold build's cache (absent in older results). */
  editorCheck?: EditorCheck;
  dist: { catalogue: DistSummary; astro?: DistSummary; hugo?: DistSummary };
  pages: {
    catalogue: Record<string, Transfer & { path: string }>;
    astro?: Record<string, Transfer & { path: string }>;
    hugo?: Record<string, Transfer & { path: string }>;
  };
  search: { catalogue?: SearchSeries; defaultUiSameIndex?: SearchSeries; hugoDefaultUi?: SearchSeries };
  lighthouse?: LighthouseScores[];
  cpuProfile?: CpuProfileSummary;
  observations: string[];
}

export interface EditorCheck {
  /** The added entry's slug. */
  added: string;
  validateSeconds: number;
  validateExit: number;
  buildSeconds: number;
  pagefindSeconds: number;
  cpuSeconds: number | null;
  peakRssBytes: number;
  /** Citations citeproc formatted in the rebuild (the rest came from the cache); null when the log did not say. */
  citationsFormatted: number | null;
}

export interface Goal {
  goal: string;
  target: string;
  measured: string;
  status: 'PASS' | 'MISS' | 'NOT RUN';
}

export interface Results {
  meta: {
    date: string;
    command: string;
    machine: { cpuModel: string; cores: number; memoryGiB: number; os: string; loadAverageStart: number[]; loadAverageEnd: number[] };
    node: string;
    versions: Record<string, string>;
    commit: string;
    uncommittedSiteFiles: number;
    profileSource: string;
    seed: string;
    options: Record<string, unknown>;
    totalSeconds: number;
  };
  sizes: SizeResult[];
  goals: Goal[];
  diagnosis: string[];
  /** bench/analysis.md at the time results.md was written. */
  analysis?: string;
  notes: string[];
}

// ---------------------------------------------------------------------------------------------------------------

export const KiB = 1024;
export const MiB = 1024 * 1024;
export const GiB = 1024 * 1024 * 1024;

export function fmtBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || Number.isNaN(bytes)) return '–';
  if (bytes >= GiB) return `${(bytes / GiB).toFixed(2)} GiB`;
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(1)} MiB`;
  if (bytes >= KiB) return `${(bytes / KiB).toFixed(1)} KiB`;
  return `${bytes} B`;
}

export function fmtSeconds(s: number | null | undefined): string {
  if (s === null || s === undefined || Number.isNaN(s)) return '–';
  if (s >= 120) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return s >= 10 ? `${s.toFixed(1)} s` : `${s.toFixed(2)} s`;
}

export function fmtMs(ms: number | null | undefined): string {
  return ms === null || ms === undefined || Number.isNaN(ms) ? '–' : `${Math.round(ms)} ms`;
}

export function ratio(a: number | null | undefined, b: number | null | undefined): string {
  if (!a || !b) return '–';
  return `${(a / b).toFixed(2)}×`;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------

export function evaluateGoals(results: Pick<Results, 'sizes'>): Goal[] {
  const goals: Goal[] = [];
  const at = (n: number) => results.sizes.find((s) => s.entries === n);
  const largest = results.sizes.reduce<SizeResult | undefined>((a, s) => (!a || s.entries > a.entries ? s : a), undefined);
  const s10k = at(10_000);
  const s100k = at(100_000);

  goals.push(
    s10k
      ? {
          goal: '10,000 entries: full build',
          target: '≤ 60 s',
          measured:
            `${fmtSeconds(s10k.builds.catalogue.median.seconds)} wall (${fmtSeconds(s10k.builds.catalogue.median.cpuSeconds)} CPU), cold cache` +
            (s10k.editorCheck ? `; rebuilt with the build cache after adding one entry: ${fmtSeconds(s10k.editorCheck.buildSeconds)}` : ''),
          status: s10k.builds.catalogue.median.seconds <= 60 ? 'PASS' : 'MISS',
        }
      : { goal: '10,000 entries: full build', target: '≤ 60 s', measured: 'not measured', status: 'NOT RUN' },
  );
  goals.push(
    s100k
      ? {
          goal: '100,000 entries: full build and peak memory',
          target: '≤ 12 min, ≤ 6 GiB',
          measured: `${fmtSeconds(s100k.builds.catalogue.median.seconds)}, ${fmtBytes(s100k.builds.catalogue.median.peakRssBytes)}`,
          status:
            s100k.builds.catalogue.median.seconds <= 720 && s100k.builds.catalogue.median.peakRssBytes <= 6 * GiB ? 'PASS' : 'MISS',
        }
      : {
          goal: '100,000 entries: full build and peak memory',
          target: '≤ 12 min, ≤ 6 GiB',
          measured: 'not measured (on demand: --entries 100000)',
          status: 'NOT RUN',
        },
  );
  const sized = results.sizes.filter((s) => s.entries >= 1000).sort((a, b) => a.entries - b.entries);
  if (sized.length >= 2) {
    // CPU time when every size has it: wall time on shared cores depends on what else runs.
    const useCpu = sized.every((s) => s.builds.catalogue.median.cpuSeconds !== null);
    const cost = (s: SizeResult) => (useCpu ? s.builds.catalogue.median.cpuSeconds! : s.builds.catalogue.median.seconds);
    const per = sized.map((s) => (cost(s) / s.entries) * 1000);
    const wall = sized.map((s) => (s.builds.catalogue.median.seconds / s.entries) * 1000);
    const growth = per[per.length - 1]! / per[0]!;
    goals.push({
      goal: 'Linear build: per-entry cost does not grow with size',
      target: `${useCpu ? 'CPU' : 'wall'} ms/entry at the largest size ≤ 1.25× the smallest (≥ 1,000)`,
      measured:
        sized.map((s, i) => `${s.entries.toLocaleString('en')}: ${per[i]!.toFixed(1)} ms${useCpu ? ` CPU (${wall[i]!.toFixed(1)} ms wall)` : ''}`).join(', ') +
        ` → ${growth.toFixed(2)}×`,
      status: growth <= 1.25 ? 'PASS' : 'MISS',
    });
  } else {
    goals.push({
      goal: 'Linear build: per-entry cost does not grow with size',
      target: 'ms/entry at the largest size ≤ 1.25× the smallest (≥ 1,000)',
      measured: 'needs two sizes ≥ 1,000',
      status: 'NOT RUN',
    });
  }
  const v = s10k?.validate;
  goals.push(
    v?.median !== null && v?.median !== undefined
      ? { goal: 'Validate 10,000 entries', target: '≤ 5 s', measured: fmtSeconds(v.median), status: v.median <= 5 ? 'PASS' : 'MISS' }
      : {
          goal: 'Validate 10,000 entries',
          target: '≤ 5 s',
          measured: v && !v.available ? 'validator not in the tree yet' : 'not measured',
          status: 'NOT RUN',
        },
  );
  const hugoSized = largest?.builds.hugo ? largest : undefined;
  goals.push(
    hugoSized
      ? {
          goal: `Build within 3× of Hugo + Pagefind (${hugoSized.entries.toLocaleString('en')} entries)`,
          target: '≤ 3×',
          measured: `${fmtSeconds(hugoSized.builds.catalogue.median.seconds)} vs ${fmtSeconds(hugoSized.builds.hugo!.median.seconds)} = ${ratio(
            hugoSized.builds.catalogue.median.seconds,
            hugoSized.builds.hugo!.median.seconds,
          )} wall (CPU: ${ratio(hugoSized.builds.catalogue.median.cpuSeconds, hugoSized.builds.hugo!.median.cpuSeconds)})`,
          status: hugoSized.builds.catalogue.median.seconds <= 3 * hugoSized.builds.hugo!.median.seconds ? 'PASS' : 'MISS',
        }
      : { goal: 'Build within 3× of Hugo + Pagefind', target: '≤ 3×', measured: 'Hugo baseline not run', status: 'NOT RUN' },
  );
  const q = s10k?.search.catalogue;
  goals.push(
    q && q.medianMs !== null
      ? {
          goal: 'First query at 10,000: last keystroke → results painted (median)',
          target: '≤ 100 ms',
          measured: `${fmtMs(q.medianMs)} (${[...new Set(q.modes)].join(', ')})`,
          status: q.medianMs <= 100 ? 'PASS' : 'MISS',
        }
      : { goal: 'First query at 10,000: last keystroke → results painted (median)', target: '≤ 100 ms', measured: 'not measured', status: 'NOT RUN' },
  );
  const ours = largest?.search.catalogue;
  const stock = largest?.search.defaultUiSameIndex;
  goals.push(
    ours && stock
      ? {
          goal: `Search page + first query bytes vs Pagefind's default UI on the same index (${largest!.entries.toLocaleString('en')})`,
          target: '≤ 0.5×',
          measured: `${fmtBytes(ours.medianPageBytes + ours.medianQueryBytes)} vs ${fmtBytes(stock.medianPageBytes + stock.medianQueryBytes)} = ${ratio(
            ours.medianPageBytes + ours.medianQueryBytes,
            stock.medianPageBytes + stock.medianQueryBytes,
          )}`,
          status: ours.medianPageBytes + ours.medianQueryBytes <= 0.5 * (stock.medianPageBytes + stock.medianQueryBytes) ? 'PASS' : 'MISS',
        }
      : { goal: "Search page + first query bytes vs Pagefind's default UI", target: '≤ 0.5×', measured: 'not measured', status: 'NOT RUN' },
  );
  let worst: { bytes: number; path: string; entries: number } | undefined;
  for (const s of results.sizes) {
    for (const [name, t] of Object.entries(s.pages.catalogue)) {
      if (name === 'search+query') continue;
      if (!worst || t.bytes > worst.bytes) worst = { bytes: t.bytes, path: t.path, entries: s.entries };
    }
  }
  goals.push(
    worst
      ? {
          goal: 'No page over 200 KB transferred (home, publications, browse, search, the largest HTML pages)',
          target: '≤ 200 KB (195.3 KiB)',
          measured: `largest ${fmtBytes(worst.bytes)}: ${worst.path} at ${worst.entries.toLocaleString('en')} entries`,
          status: worst.bytes <= 200 * 1000 ? 'PASS' : 'MISS',
        }
      : { goal: 'No page over 200 KB transferred', target: '≤ 200 KB', measured: 'not measured', status: 'NOT RUN' },
  );
  const pub = largest?.pages.catalogue.publication;
  goals.push(
    pub
      ? {
          goal: 'A publication page without the search code',
          target: '≤ 30 KB (29.3 KiB)',
          measured: `${fmtBytes(pub.withoutSearch)} (${pub.path})`,
          status: pub.withoutSearch <= 30 * 1000 ? 'PASS' : 'MISS',
        }
      : { goal: 'A publication page without the search code', target: '≤ 30 KB', measured: 'not measured', status: 'NOT RUN' },
  );
  const lh = results.sizes.find((s) => s.lighthouse?.length)?.lighthouse;
  if (lh) {
    const below = lh.flatMap((r) =>
      Object.entries(r.scores)
        .filter(([, score]) => score !== 100)
        .map(([c, score]) => `${new URL(r.url).pathname}${new URL(r.url).search} ${c} ${score ?? '–'}`),
    );
    goals.push({
      goal: 'Lighthouse 100 in performance, accessibility, best practices, SEO (home, long publication, country, search)',
      target: 'all 100',
      measured: below.length ? below.join('; ') : 'all 100',
      status: below.length ? 'MISS' : 'PASS',
    });
  } else {
    goals.push({ goal: 'Lighthouse 100s', target: 'all 100', measured: 'not run (--lighthouse)', status: 'NOT RUN' });
  }
  return goals;
}

// ---------------------------------------------------------------------------------------------------------------

function buildRows(s: SizeResult): string[][] {
  const rows: string[][] = [];
  const c = s.builds.catalogue.median;
  const series: Array<[string, BuildSeries | undefined]> = [
    ['Catalogue (Astro, then its Pagefind step)', s.builds.catalogue],
    ['(a) plain Astro + stock Pagefind', s.builds.astro],
    ['(b) Hugo + stock Pagefind', s.builds.hugo],
  ];
  for (const [name, b] of series) {
    if (!b) continue;
    const m = b.median;
    rows.push([
      name,
      `${fmtSeconds(m.seconds)}${b.runs.length > 1 ? ` (n=${b.runs.length})` : ''}`,
      fmtSeconds(m.generatorSeconds),
      fmtSeconds(m.pagefindSeconds),
      `${((m.seconds / s.entries) * 1000).toFixed(1)} ms`,
      fmtSeconds(m.cpuSeconds),
      fmtBytes(m.peakRssBytes),
      b === s.builds.catalogue
        ? '1×'
        : `${ratio(c.seconds, m.seconds)} time, ${ratio(c.cpuSeconds, m.cpuSeconds)} CPU, ${ratio(c.peakRssBytes, m.peakRssBytes)} memory`,
    ]);
  }
  return rows;
}

function distRows(s: SizeResult): string[][] {
  const rows: string[][] = [];
  const entries: Array<[string, DistSummary | undefined]> = [
    ['Catalogue', s.dist.catalogue],
    ['(a) plain Astro', s.dist.astro],
    ['(b) Hugo', s.dist.hugo],
  ];
  for (const [name, d] of entries) {
    if (!d) continue;
    rows.push([
      name,
      d.files.toLocaleString('en'),
      fmtBytes(d.bytes),
      d.htmlPages.toLocaleString('en'),
      d.pagefindFiles.toLocaleString('en'),
      fmtBytes(d.pagefindBytes),
      `${d.largestFolder.path} (${d.largestFolder.entries.toLocaleString('en')})`,
    ]);
  }
  return rows;
}

const KIND_ORDER = ['html', 'css', 'js', 'font', 'image', 'search-js', 'search-wasm', 'search-index', 'other'];

function kinds(t: Transfer): string {
  return KIND_ORDER.filter((k) => t.byKind[k]).map((k) => `${k} ${fmtBytes(t.byKind[k])}`).join(', ');
}

function pageRows(s: SizeResult): string[][] {
  const rows: string[][] = [];
  const labels: Record<string, string> = {
    home: 'Home',
    publication: 'A publication (median size)',
    longPublication: 'Longest publication (full text)',
    browse: 'Largest country page',
    search: 'Search page (before a query)',
  };
  for (const [key, t] of Object.entries(s.pages.catalogue)) {
    const label = labels[key] ?? (key.startsWith('largest') ? `Largest HTML #${key.slice(7)}` : key);
    const hugo = s.pages.hugo?.[key];
    const astro = s.pages.astro?.[key];
    rows.push([
      label,
      `\`${t.path}\``,
      fmtBytes(t.bytes),
      fmtBytes(t.withoutSearch),
      kinds(t),
      hugo ? `${fmtBytes(hugo.bytes)} (${ratio(t.bytes, hugo.bytes)})` : '–',
      astro ? `${fmtBytes(astro.bytes)} (${ratio(t.bytes, astro.bytes)})` : '–',
    ]);
  }
  return rows;
}

function searchRows(s: SizeResult): string[][] {
  const rows: string[][] = [];
  const ours = s.search.catalogue;
  const entries: Array<[string, SearchSeries | undefined]> = [
    ['Catalogue search page', s.search.catalogue],
    ["Pagefind default UI, same index", s.search.defaultUiSameIndex],
    ['(b) Hugo + Pagefind default UI', s.search.hugoDefaultUi],
  ];
  for (const [name, q] of entries) {
    if (!q) continue;
    const total = q.medianPageBytes + q.medianQueryBytes;
    rows.push([
      name,
      `${fmtMs(q.medianMs)} (${q.runs.map((r) => fmtMs(r.ms)).join(', ')})`,
      q.medianFirstMs !== undefined ? fmtMs(q.medianFirstMs) : '–',
      [...new Set(q.modes)].join(', '),
      fmtBytes(q.medianPageBytes),
      fmtBytes(q.medianQueryBytes),
      fmtBytes(total),
      ours && q !== ours
        ? `${ratio(ours.medianMs, q.medianMs)} time, ${ratio(ours.medianPageBytes + ours.medianQueryBytes, total)} bytes`
        : '1×',
    ]);
  }
  return rows;
}

export function toMarkdown(results: Results): string {
  const m = results.meta;
  const out: string[] = [];
  out.push('# Benchmark results (issue 9)');
  out.push('');
  out.push(
    `Measured ${m.date} with \`${m.command}\` at commit \`${m.commit}\`${
      m.uncommittedSiteFiles ? ` (plus ${m.uncommittedSiteFiles} uncommitted site files in the working tree, built as they were)` : ''
    }, in ${fmtSeconds(m.totalSeconds)}.`,
  );
  out.push('');
  out.push(
    `Machine: ${m.machine.cpuModel}, ${m.machine.cores} cores, ${m.machine.memoryGiB.toFixed(1)} GiB memory, ${m.machine.os}; Node ${m.node}; ${Object.entries(
      m.versions,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}. Load average at start ${m.machine.loadAverageStart.map((x) => x.toFixed(2)).join(' ')}, at end ${m.machine.loadAverageEnd
      .map((x) => x.toFixed(2))
      .join(' ')} (the cores are shared with other work: timings are medians, and noisy).`,
  );
  out.push('');
  out.push(
    `Synthetic catalogues: seed \`${m.seed}\`, drawn from the profile of ${m.profileSource} (bench/profile.json). Figures are medians over the runs shown (n); ratios are catalogue ÷ baseline.`,
  );
  out.push('');
  out.push('## Goals');
  out.push('');
  out.push(table(['Goal', 'Target', 'Measured', ''], results.goals.map((g) => [g.goal, g.target, g.measured, `**${g.status}**`])));
  out.push('');
  if (results.analysis) {
    out.push('## Analysis: causes and proposed fixes (bench/analysis.md)');
    out.push('');
    out.push(results.analysis);
    out.push('');
  }
  for (const s of results.sizes) {
    out.push(`## ${s.entries.toLocaleString('en')} entries`);
    out.push('');
    out.push(
      `Generated in ${fmtSeconds(s.generateSeconds)} (${fmtBytes(s.catalogueBytes)} of Markdown). Validate: ${
        s.validate.median !== null
          ? `${fmtSeconds(s.validate.median)} median (${s.validate.runs.map((r) => fmtSeconds(r)).join(', ')}${
              s.validate.cpuRuns?.length ? `; CPU ${s.validate.cpuRuns.map((r) => fmtSeconds(r)).join(', ')}` : ''
            }; exit ${[...new Set(s.validate.exitCodes)].join(', ')})`
          : (s.validate.note ?? 'not measured')
      }.`,
    );
    out.push('');
    out.push('### Build');
    out.push('');
    out.push(table(['Build', 'Wall time', 'Astro / Hugo', 'Pagefind', 'Wall per entry', 'CPU (user+sys)', 'Peak RSS (tree)', 'Catalogue ÷ this'], buildRows(s)));
    out.push('');
    const phases = s.builds.catalogue.median.phaseSeconds;
    if (Object.keys(phases).length) {
      out.push(
        `Catalogue build phases (median run): ${Object.entries(phases)
          .map(([k, v]) => `${k} ${fmtSeconds(v)}`)
          .join(', ')}${s.builds.catalogue.median.dataStoreBytes ? `; Astro data store ${fmtBytes(s.builds.catalogue.median.dataStoreBytes)}` : ''}.`,
      );
      out.push('');
    }
    if (s.editorCheck) {
      const e = s.editorCheck;
      out.push(
        `Editor's check (one entry added, then \`validate\` and a build reusing the cache of the build above, as on an ` +
          `editor's machine or in CI with Astro's cacheDir restored): validate ${fmtSeconds(e.validateSeconds)} (exit ${e.validateExit}) + ` +
          `build ${fmtSeconds(e.buildSeconds)} (Pagefind ${fmtSeconds(e.pagefindSeconds)}; CPU ${fmtSeconds(e.cpuSeconds)}; peak ${fmtBytes(e.peakRssBytes)}; ` +
          `${e.citationsFormatted ?? 'an unknown number of'} citations formatted, the rest from the cache) = ` +
          `**${fmtSeconds(e.validateSeconds + e.buildSeconds)}**.`,
      );
      out.push('');
    }
    out.push('### Output');
    out.push('');
    out.push(table(['Site', 'Files', 'Bytes', 'HTML pages', 'Pagefind files', 'Pagefind bytes', 'Fullest folder (entries)'], distRows(s)));
    out.push('');
    if (Object.keys(s.pages.catalogue).length) {
      out.push('### Pages: bytes transferred (cold cache, Chromium, uncompressed as served on 127.0.0.1)');
      out.push('');
      out.push(table(['Page', 'Path', 'Transferred', 'Without /pagefind/', 'By kind', '(b) Hugo same page', '(a) Astro same page'], pageRows(s)));
      out.push('');
    }
    if (s.search.catalogue || s.search.defaultUiSameIndex) {
      out.push('### First query (cold cache): last keystroke → results painted, and bytes');
      out.push('');
      out.push(
        table(
          ['Search', 'Results settled: median (runs)', 'First result shown', 'How', 'Page bytes', 'First-query bytes', 'Together', 'Catalogue ÷ this'],
          searchRows(s),
        ),
      );
      out.push('');
    }
    if (s.lighthouse?.length) {
      out.push('### Lighthouse (mobile, simulated throttling)');
      out.push('');
      out.push(
        table(
          ['Page', 'Performance', 'Accessibility', 'Best practices', 'SEO', 'Below 1'],
          s.lighthouse.map((r) => [
            `\`${new URL(r.url).pathname}${new URL(r.url).search}\``,
            String(r.scores.performance ?? '–'),
            String(r.scores.accessibility ?? '–'),
            String(r.scores['best-practices'] ?? '–'),
            String(r.scores.seo ?? '–'),
            r.failing.map((f) => `${f.id}${f.displayValue ? ` (${f.displayValue})` : ''}${f.items.length ? `: ${f.items.join('; ')}` : ''}`).join('<br>') || '–',
          ]),
        ),
      );
      out.push('');
    }
    const profiles: Array<[string, CpuProfileSummary | undefined]> = [
      [
        'the catalogue build (`node --cpu-prof`, one extra build; V8 threads that exit normally — worker threads that are terminated and the Pagefind binary are not sampled)',
        s.cpuProfile,
      ],
      ['the validator (`NODE_OPTIONS=--cpu-prof`, one extra run, every process and worker)', s.validate.cpuProfile],
    ];
    for (const [what, profile] of profiles) {
      if (!profile) continue;
      out.push(`### CPU profile of ${what}`);
      out.push('');
      out.push(`Sampled ${fmtSeconds(profile.totalSeconds)} of CPU (profiling slows the run down). Self time by package:`);
      out.push('');
      out.push(table(['Package', 'Self time', 'Share'], profile.packages.map((p) => [p.name, fmtSeconds(p.seconds), `${(p.share * 100).toFixed(1)}%`])));
      out.push('');
      out.push('Hottest functions (self time):');
      out.push('');
      out.push(table(['Function', 'Where', 'Self time'], profile.functions.map((f) => [`\`${f.name}\``, f.where, fmtSeconds(f.seconds)])));
      out.push('');
    }
    if (s.observations.length) {
      out.push('### Observations');
      out.push('');
      for (const o of s.observations) out.push(`- ${o}`);
      out.push('');
    }
  }

  if (results.notes.length) {
    out.push('## How it was measured');
    out.push('');
    for (const n of results.notes) out.push(`- ${n}`);
    out.push('');
  }
  return out.join('\n');
}
