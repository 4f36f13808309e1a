/**
 * Prepares a publication's rendered full text for its place on the page:
 *
 * - its headings move down so the text's top level sits under the page's "Full text" heading (h2), keeping one
 *   outline for screen-reader users (a body's "## Background" becomes an h3);
 * - each heading with an id gets a link to itself after it, so a reader can copy a link to a section.
 *
 * Input is the Markdown renderer's HTML: text in it is already escaped once, and this only adds markup around it
 * (the link's label reuses the heading's escaped text with its tags removed), so nothing is escaped twice or not
 * at all. Pure string work, unit-tested.
 */
const HEADING = /<h([1-6])(\s[^>]*)?>([\s\S]*?)<\/h\1>/g;
const ID = /\sid="([^"]*)"/;

/**
 * Ids the publication page itself uses (skip-link target, its own sections, citations and corrections): a heading
 * in a full text that would take one ("## Main") gets "text-" in front, so the skip link and the page's own links
 * keep working.
 */
const PAGE_IDS = new Set(['main', 'site-search', 'full-text-heading', 'toc-heading']);
const PAGE_ID_PREFIXES = /^(?:cite|correction)-/;

/** The id a full text's heading has on the page, for its anchor link and the table of contents. */
export function fullTextId(slug: string): string {
  return PAGE_IDS.has(slug) || PAGE_ID_PREFIXES.test(slug) ? `text-${slug}` : slug;
}

/** The level the text's top headings take on the page: below the page's h1 and its "Full text" h2. */
export const FULL_TEXT_TOP_LEVEL = 3;

export function prepareFullText(html: string, topLevel = FULL_TEXT_TOP_LEVEL): string {
  const levels = [...html.matchAll(HEADING)].map((match) => Number(match[1]));
  if (levels.length === 0) return html;
  const shift = topLevel - Math.min(...levels);
  return html.replace(HEADING, (_whole, level: string, rawAttributes = '', inner: string) => {
    const newLevel = Math.min(6, Number(level) + shift);
    const rawId = ID.exec(rawAttributes)?.[1];
    const id = rawId === undefined ? undefined : fullTextId(rawId);
    const attributes = rawId === undefined ? rawAttributes : rawAttributes.replace(ID, ` id="${id}"`);
    const heading = `<h${newLevel}${attributes}>${inner}</h${newLevel}>`;
    if (!id) return heading;
    const label = inner.replace(/<[^>]*>/g, '').trim();
    return (
      `<div class="heading-with-anchor">${heading}` +
      `<a class="heading-anchor" href="#${id}" data-pagefind-ignore><span aria-hidden="true">#</span>` +
      `<span class="visually-hidden">Link to the section “${label}”</span></a></div>`
    );
  });
}

/** A heading as Astro's Markdown renderer reports it. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocItem {
  slug: string;
  text: string;
  children: TocItem[];
}

/**
 * A nested table of contents from a full text's headings: its top two levels (deeper ones would make a long
 * text's contents longer than useful). A heading that skips a level hangs under the nearest shallower one.
 */
export function tableOfContents(headings: readonly Heading[], levels = 2): TocItem[] {
  if (headings.length === 0) return [];
  const top = Math.min(...headings.map((h) => h.depth));
  const root: TocItem[] = [];
  const stack: Array<{ depth: number; children: TocItem[] }> = [{ depth: top - 1, children: root }];
  for (const heading of headings) {
    if (heading.depth >= top + levels) continue;
    while (stack.length > 1 && stack.at(-1)!.depth >= heading.depth) stack.pop();
    const item: TocItem = { slug: fullTextId(heading.slug), text: heading.text, children: [] };
    stack.at(-1)!.children.push(item);
    stack.push({ depth: heading.depth, children: item.children });
  }
  return root;
}
