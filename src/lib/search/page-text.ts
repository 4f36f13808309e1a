/**
 * The text Pagefind indexes on one of our built pages: what is inside `<article data-pagefind-body>`, as plain
 * text. Used at build time (Node) to work out each page's hidden expansion and the spelling vocabulary. The
 * HTML is the site's own output (Astro, escaped once), so tags and entities are all this has to undo.
 */
const BODY_START = /<article\b[^>]*\sdata-pagefind-body\b[^>]*>/i;

/**
 * Where the indexed article is: its opening tag (`open`), and the start and end (exclusive) of its inner HTML; or
 * undefined when the page has none.
 */
export function indexedRange(html: string): { open: number; start: number; end: number } | undefined {
  const open = BODY_START.exec(html);
  if (!open) return undefined;
  const start = open.index + open[0].length;
  const end = html.indexOf('</article>', start);
  return end === -1 ? undefined : { open: open.index, start, end };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Plain text of an HTML fragment: scripts and styles dropped, every tag a word break, entities decoded. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The page reduced to what Pagefind reads from it: the indexed article (the `data-pagefind-body` element, whole,
 * with its meta, filter and sort attributes) in a bare document; undefined when the page has none. Handing Pagefind
 * this instead of the whole page (head, navigation, "Cite this", footer) cuts what crosses to its process by about
 * three quarters. Throws when a Pagefind attribute sits outside the article, where the reduction would lose it.
 */
export function indexedDocument(html: string): string | undefined {
  const range = indexedRange(html);
  if (!range) return undefined;
  const end = range.end + '</article>'.length;
  const stray = /\sdata-pagefind-[a-z-]+/i.exec(html.slice(0, range.open) + html.slice(end));
  if (stray) throw new Error(`"${stray[0].trim()}" is outside the page's <article data-pagefind-body>: move it inside`);
  return `<!doctype html><html><body>${html.slice(range.open, end)}</body></html>`;
}

/** The indexed text of a page, or undefined when Pagefind does not index it. */
export function indexedText(html: string): string | undefined {
  const range = indexedRange(html);
  return range ? htmlToText(html.slice(range.start, range.end)) : undefined;
}

/** Text made safe to put between tags (the expansion is our own words, but names may hold & or <). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The meta key of the hidden expansion (searchable; never shown). */
export const EXPANSION_META = 'aka';

/**
 * The page as Pagefind should index it: the same HTML with the expansion added inside the article as hidden
 * metadata (Pagefind searches metadata since 1.5; `data-pagefind-ignore` keeps it out of excerpts and the body).
 * The HTML served to readers is not changed.
 */
export function withExpansion(html: string, expansion: readonly string[]): string {
  const range = indexedRange(html);
  if (!range || expansion.length === 0) return html;
  const block =
    `<div hidden data-pagefind-ignore><span data-pagefind-meta="${EXPANSION_META}">` +
    `${escapeHtml(expansion.join(' · '))}</span></div>`;
  return html.slice(0, range.end) + block + html.slice(range.end);
}

/** The ways a text may be written in HTML by Astro (escaped or, in attributes-free text, raw). */
function htmlSpellings(text: string): string[] {
  const escaped = escapeHtml(text);
  return [...new Set([text, escaped, escaped.replace(/'/g, '&#39;'), escaped.replace(/'/g, '&#x27;')])];
}

/**
 * The page without the given texts inside its indexed article. Used to keep the provenance labels ("Source
 * listing: … (part B: IOM, UNHCR, UN, …)") out of the index: they describe where a record came from, not the
 * publication, and would make every entry from one listing match "UNHCR".
 */
export function withoutTexts(html: string, texts: readonly string[]): string {
  const range = indexedRange(html);
  if (!range) return html;
  let inner = html.slice(range.start, range.end);
  for (const text of texts) for (const spelling of htmlSpellings(text)) inner = inner.split(spelling).join('');
  return html.slice(0, range.start) + inner + html.slice(range.end);
}

/**
 * The page without its list of the record's fields (`<dl class="fields">`, PublicationFields.astro), for the copy
 * handed to Pagefind: Pagefind is told to leave it out of the body (EXCLUDED_FROM_BODY in build-index.ts; its values
 * are searchable as metadata) but would still parse it, a third of the article's bytes.
 */
export function withoutFieldList(html: string): string {
  return html.replace(/<dl class="fields">[\s\S]*?<\/dl>/, '');
}
