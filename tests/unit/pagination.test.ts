import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, pageLinks, pageParam, pagePath, paginate } from '../../src/lib/pagination';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('paginate', () => {
  it('puts the first page at the list URL and later pages under page/<n>/', () => {
    const pages = paginate(numbers(120), '/countries/tt/');
    expect(PAGE_SIZE).toBe(50);
    expect(pages.map((p) => p.path)).toEqual(['/countries/tt/', '/countries/tt/page/2/', '/countries/tt/page/3/']);
    expect(pages.map((p) => p.param)).toEqual([undefined, 'page/2', 'page/3']);
    expect(pages.map((p) => p.items.length)).toEqual([50, 50, 20]);
    expect(pages[1]!.items[0]).toBe(51);
    expect(pages[2]!.start).toBe(100);
    expect(pages.every((p) => p.count === 3 && p.total === 120)).toBe(true);
  });

  it('links each page to its neighbours', () => {
    const [first, second, third] = paginate(numbers(101), '/x/');
    expect(first!.prevPath).toBeUndefined();
    expect(first!.nextPath).toBe('/x/page/2/');
    expect(second!.prevPath).toBe('/x/');
    expect(second!.nextPath).toBe('/x/page/3/');
    expect(third!.prevPath).toBe('/x/page/2/');
    expect(third!.nextPath).toBeUndefined();
  });

  it('has exactly one page for a list that fits, and for an empty list', () => {
    expect(paginate(numbers(50), '/x/')).toHaveLength(1);
    const [empty, ...rest] = paginate([], '/x/');
    expect(rest).toEqual([]);
    expect(empty).toMatchObject({ number: 1, count: 1, items: [], total: 0, path: '/x/' });
  });

  it('cuts 5,000 items into 100 pages without losing or repeating any', () => {
    const pages = paginate(numbers(5000), '/x/');
    expect(pages).toHaveLength(100);
    expect(pages.flatMap((p) => p.items)).toEqual(numbers(5000));
  });

  it('refuses a base path without a trailing slash and a page size below 1', () => {
    expect(() => paginate([1], '/x')).toThrow(/end in/);
    expect(() => paginate([1], '/x/', 0)).toThrow(/pageSize/);
  });
});

describe('pagePath and pageParam', () => {
  it('agree with each other', () => {
    expect(pagePath('/years/2019/', 1)).toBe('/years/2019/');
    expect(pagePath('/years/2019/', 7)).toBe('/years/2019/page/7/');
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(7)).toBe('page/7');
  });
});

describe('pageLinks', () => {
  it('shows every page of a short list', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('shows first, last and a window around the current page, with gaps', () => {
    expect(pageLinks(50, 100)).toEqual([1, 'gap', 48, 49, 50, 51, 52, 'gap', 100]);
    expect(pageLinks(1, 100)).toEqual([1, 2, 3, 'gap', 100]);
    expect(pageLinks(100, 100)).toEqual([1, 'gap', 98, 99, 100]);
  });

  it('shows a lone missing number instead of a gap', () => {
    expect(pageLinks(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
