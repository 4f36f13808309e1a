import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** What a build wrote: files and bytes, the Pagefind bundle's share, and the pages most likely to be too big. */

export interface DistStats {
  files: number;
  bytes: number;
  htmlPages: number;
  pagefindFiles: number;
  pagefindBytes: number;
  /** The folder with the most entries (files and folders) directly in it (hosts limit these; pagefind #842). */
  largestFolder: { path: string; entries: number };
  /** The largest HTML files, biggest first (URL path and bytes). */
  largestHtml: Array<{ path: string; bytes: number }>;
  /** Every HTML page's URL path with its size, for picking pages to measure. */
  html: Array<{ path: string; bytes: number }>;
}

export function urlPathOf(root: string, file: string): string {
  const rel = relative(root, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

export function distStats(root: string): DistStats {
  const stats: DistStats = {
    files: 0,
    bytes: 0,
    htmlPages: 0,
    pagefindFiles: 0,
    pagefindBytes: 0,
    largestFolder: { path: '/', entries: 0 },
    largestHtml: [],
    html: [],
  };
  const pagefindRoot = join(root, 'pagefind');
  const walk = (dir: string) => {
    const names = readdirSync(dir, { withFileTypes: true });
    if (names.length > stats.largestFolder.entries) {
      stats.largestFolder = { path: `/${relative(root, dir).split(sep).join('/')}`, entries: names.length };
    }
    for (const d of names) {
      const full = join(dir, d.name);
      if (d.isDirectory()) {
        walk(full);
        continue;
      }
      const size = statSync(full).size;
      stats.files++;
      stats.bytes += size;
      if (full.startsWith(pagefindRoot + sep)) {
        stats.pagefindFiles++;
        stats.pagefindBytes += size;
      } else if (d.name.endsWith('.html')) {
        stats.htmlPages++;
        stats.html.push({ path: urlPathOf(root, full), bytes: size });
      }
    }
  };
  walk(root);
  stats.largestHtml = [...stats.html].sort((a, b) => b.bytes - a.bytes).slice(0, 5);
  return stats;
}
