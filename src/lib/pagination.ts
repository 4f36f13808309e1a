/**
 * Splitting long lists into pages with stable URLs: the first page lives at the list's own URL, later ones at
 * `<base>page/<n>/`, so `/countries/tt/` and `/countries/tt/page/2/`. Pure: no Astro imports.
 */

/** Publications per page on every list of publications. */
export const PAGE_SIZE = 50;

/** The path segment before a page number; never given out as a slug of its own (see `uniqueSlugs`). */
export const PAGE_SEGMENT = 'page';

export interface PageOf<T> {
  /** 1-based. */
  number: number;
  /** How many pages the list has (at least 1, even for an empty list). */
  count: number;
  items: T[];
  /** How many items the whole list has. */
  total: number;
  /** 0-based index of the first item on this page within the whole list. */
  start: number;
  path: string;
  prevPath?: string;
  nextPath?: string;
  /** The Astro rest parameter for this page: undefined for the first page, "page/2" for the second, … */
  param: string | undefined;
}

/** The URL path of page `number` of the list at `basePath` (which ends in "/"). */
export function pagePath(basePath: string, number: number): string {
  return number <= 1 ? basePath : `${basePath}${PAGE_SEGMENT}/${number}/`;
}

/** The Astro rest parameter (`[...page]`) for page `number`. */
export function pageParam(number: number): string | undefined {
  return number <= 1 ? undefined : `${PAGE_SEGMENT}/${number}`;
}

/** Every page of a list. An empty list still has one (empty) page, so its URL exists and can say so. */
export function paginate<T>(items: readonly T[], basePath: string, pageSize = PAGE_SIZE): Array<PageOf<T>> {
  if (!basePath.endsWith('/')) throw new Error(`basePath must end in "/": ${basePath}`);
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`pageSize must be a positive whole number`);
  const count = Math.max(1, Math.ceil(items.length / pageSize));
  const pages: Array<PageOf<T>> = [];
  for (let number = 1; number <= count; number++) {
    const start = (number - 1) * pageSize;
    pages.push({
      number,
      count,
      items: items.slice(start, start + pageSize),
      total: items.length,
      start,
      path: pagePath(basePath, number),
      prevPath: number > 1 ? pagePath(basePath, number - 1) : undefined,
      nextPath: number < count ? pagePath(basePath, number + 1) : undefined,
      param: pageParam(number),
    });
  }
  return pages;
}

/**
 * Which page numbers a pagination bar shows: the first, the last, and a window around the current one, with
 * `'gap'` where numbers are left out (1 … 4 5 6 … 100), so a list of 2,000 pages has a short bar.
 */
export function pageLinks(current: number, count: number, around = 2): Array<number | 'gap'> {
  const shown = new Set<number>([1, count]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= count) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const links: Array<number | 'gap'> = [];
  for (const [i, n] of sorted.entries()) {
    const previous = sorted[i - 1];
    if (previous !== undefined && n - previous === 2) links.push(previous + 1);
    else if (previous !== undefined && n - previous > 2) links.push('gap');
    links.push(n);
  }
  return links;
}
