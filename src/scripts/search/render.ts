import type { PagefindResultData, PagefindSubResult } from '../../lib/search/pagefind-types';

/**
 * DOM for the search page. Entry text (titles, names, summaries) goes in through textContent only; Pagefind's
 * excerpts — escaped text with <mark> around matches — are the one thing set as HTML.
 */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string } = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

/** A query as said in a sentence between “ ”: a phrase typed in quotes keeps one pair, not two. */
export function unquoted(q: string): string {
  const t = q.trim();
  return /^["“].*["”]$/u.test(t) && t.length > 1 ? t.slice(1, -1) : t;
}

/** "1 publication", "2,345 publications". */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** Pagefind excerpts: escaped text plus <mark>. Anything else in them is dropped, not trusted. */
export function setExcerpt(node: HTMLElement, excerpt: string): void {
  node.innerHTML = excerpt;
  for (const child of node.querySelectorAll('*')) if (child.tagName !== 'MARK') child.replaceWith(child.textContent ?? '');
}

/** Sections of a long text that the words were found in (headings with ids), most hits first, at most three. */
export function matchingSections(data: PagefindResultData): PagefindSubResult[] {
  return data.sub_results
    .filter((sub) => sub.anchor && sub.url.includes('#'))
    .map((sub, order) => ({ sub, order, hits: sub.locations?.length ?? 0 }))
    .sort((a, b) => b.hits - a.hits || a.order - b.order)
    .slice(0, 3)
    .map(({ sub }) => sub);
}

export function resultItem(
  data: PagefindResultData,
  position: number,
  partial?: { matched: number; of: number },
): HTMLLIElement {
  const meta = data.meta;
  const title = el('bdi', { text: meta.title ?? data.url });
  if (meta.title_lang) {
    title.lang = meta.title_lang;
    title.dir = meta.title_dir === 'rtl' ? 'rtl' : 'ltr';
  } else {
    title.dir = 'auto';
  }
  const link = el('a', {}, title);
  link.href = data.url;
  link.dataset.position = String(position);
  const item = el('li', { className: 'search-result' }, el('h3', { className: 'entry-title' }, link));

  const details: Array<Node | string> = [];
  const add = (node: Node | string) => {
    if (details.length) details.push(el('span', { className: 'sep', text: ' · ' }));
    details.push(node);
  };
  if (meta.year) add(meta.year);
  if (meta.category) add(meta.category);
  if (meta.authors) add(el('bdi', { text: meta.authors }));
  if (details.length) item.append(el('p', { className: 'entry-meta' }, ...details));
  if (partial) item.append(el('p', { className: 'result-matched', text: `Has ${partial.matched} of the ${partial.of} words` }));

  // The excerpt around the match (when the match is in a field or a synonym rather than the text, Pagefind gives
  // the start of the text: the summary). Left out when a section below shows the same words.
  const sections = matchingSections(data);
  if (!sections.some((section) => section.excerpt === data.excerpt)) {
    const excerpt = el('p', { className: 'excerpt' });
    setExcerpt(excerpt, data.excerpt);
    item.append(excerpt);
  }

  if (sections.length) {
    const list = el('ul', { className: 'result-sections' });
    for (const section of sections) {
      const a = el('a', {}, el('span', { className: 'visually-hidden', text: 'Section: ' }), section.title);
      a.href = section.url;
      const text = el('span', { className: 'section-excerpt' });
      setExcerpt(text, section.excerpt);
      list.append(el('li', {}, a, ' ', text));
    }
    item.append(el('p', { className: 'result-sections-label muted', text: 'Found in the full text:' }), list);
  }
  return item;
}

export { el };
