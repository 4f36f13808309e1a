import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Summarises V8 .cpuprofile files (from `node --cpu-prof`): self time by package and by function. */

export interface CpuProfileSummary {
  totalSeconds: number;
  packages: Array<{ name: string; seconds: number; share: number }>;
  functions: Array<{ name: string; where: string; seconds: number }>;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function packageOf(url: string): string {
  if (!url) return '(native / V8)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node (built-in)';
  // The site's pages and components as Astro bundled them: chunk names are module names plus a hash.
  const chunk = /\/\.prerender\/(?:chunks\/)?([^/]+?)(?:[._-][A-Za-z0-9_-]{8})?\.mjs$/.exec(url);
  if (chunk) return `site bundle: ${chunk[1]}`;
  const src = /\/(src\/.+)$/.exec(url);
  if (src) return src[1]!;
  return '(other project code)';
}

export function summariseCpuProfiles(dir: string, top = 15): CpuProfileSummary | undefined {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (!files.length) return undefined;
  const selfByFunction = new Map<string, { name: string; where: string; us: number }>();
  const selfByPackage = new Map<string, number>();
  let totalUs = 0;
  // The main thread's profile is the largest; workers (if any) are added too.
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const selfUs = new Map<number, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      const id = profile.samples[i]!;
      selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
    }
    for (const [id, us] of selfUs) {
      const node = byId.get(id);
      if (!node) continue;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)' || functionName === '(program)') continue;
      totalUs += us;
      const pkg = functionName === '(garbage collector)' ? '(garbage collector)' : packageOf(url);
      selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + us);
      const short = url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '');
      const key = `${functionName}@${url}:${lineNumber}`;
      const entry = selfByFunction.get(key) ?? { name: functionName || '(anonymous)', where: `${short}:${lineNumber + 1}`, us: 0 };
      entry.us += us;
      selfByFunction.set(key, entry);
    }
  }
  return {
    totalSeconds: totalUs / 1e6,
    packages: [...selfByPackage.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, seconds: us / 1e6, share: totalUs ? us / totalUs : 0 })),
    functions: [...selfByFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, seconds: f.us / 1e6 })),
  };
}
