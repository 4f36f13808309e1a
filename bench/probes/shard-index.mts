// Probe for issue 19's shard decision (bench/analysis.md, session 8): one Pagefind index against shards of 10,000
// cut by year, over N synthetic records handed to Pagefind as custom records; samples the RSS of Pagefind's process.
// Run from the repository root: npx tsx bench/probes/shard-index.mts 100000 one|shards  (writes /tmp/probe/<mode>-<N>)
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import * as pagefind from 'pagefind';
import { generateEntries } from '../../scripts/lib/bench/synthetic';
const N = Number(process.argv[2] ?? 100000);
const mode = process.argv[3] ?? 'one';
const out = `/tmp/probe/${mode}-${N}`;
rmSync(out, { recursive: true, force: true });
const profile = JSON.parse(readFileSync('bench/profile.json', 'utf8'));
const entries = generateEntries(profile, N, { seed: 'catalogue-bench', currentYear: 2026 });
let peak = 0;
const timer = setInterval(() => {
  try {
    const kb = execSync("ps -C pagefind_extended -o rss= | awk '{s+=$1} END {print s+0}'", { encoding: 'utf8' });
    peak = Math.max(peak, Number(kb));
  } catch {
    // the process is between indexes
  }
}, 500);
type E = (typeof entries)[number];
const record = (e: E) => {
  const d = e.data as Record<string, unknown>;
  const list = (k: string) => ((d[k] as string[] | undefined) ?? []);
  return {
    url: `/publications/${e.slug}/`,
    content: [d.title, list('authors').join('; '), d.summary, d.notes ?? '', e.body].join('\n'),
    language: 'en',
    meta: { title: String(d.title) },
    filters: { year: [d.year ? String(d.year) : 'undated'], category: [String(d.category)], region: list('region'), country: list('country'), author: list('authors') },
    sort: { year: d.year ? String(d.year) : '0000' },
  };
};
const t0 = Date.now();
const groups: E[][] = [];
if (mode === 'one') groups.push(entries);
else {
  const sorted = [...entries].sort((a, b) => Number(b.data.year ?? 0) - Number(a.data.year ?? 0));
  const k = Math.ceil(N / 10000);
  for (let i = 0; i < k; i++) groups.push(sorted.slice(Math.floor((i * N) / k), Math.floor(((i + 1) * N) / k)));
}
const shards: string[] = [];
for (const [i, g] of groups.entries()) {
  const { index } = await pagefind.createIndex({});
  for (const e of g) await index!.addCustomRecord(record(e));
  const dir = i === 0 ? `${out}/pagefind` : `${out}/pagefind/shard-${i}`;
  await index!.writeFiles({ outputPath: dir });
  if (i > 0) shards.push(`/pagefind/shard-${i}/`);
  await pagefind.close();
}
clearInterval(timer);
writeFileSync(`${out}/shards.json`, JSON.stringify(shards));
writeFileSync(`${out}/index.html`, '<!doctype html><title>p</title><p>probe</p>');
const du = execSync(`du -sk ${out}/pagefind | cut -f1`, { encoding: 'utf8' }).trim();
console.log(JSON.stringify({ N, mode, seconds: (Date.now() - t0) / 1000, peakPagefindMiB: Math.round(peak / 1024), indexKiB: Number(du), shards: groups.length }));
