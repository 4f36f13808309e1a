import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { markdownToHtml } from 'satteri';
import { markdownPlugin, type MarkdownNode } from './safe-markdown';

/**
 * THE Markdown processor for entry bodies: Sätteri with the site's plugin, as Astro's Sätteri processor runs it
 * (Astro's heading ids, GitHub-flavoured, no smart punctuation). The validator checks the nodes this call collects
 * and the content loader stores the HTML of the same call: what is checked is what is shown.
 */
export type { MarkdownNode };

/** A heading as Astro's Markdown renderer reports it. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

type RenderedBody = { html: string; headings: Heading[]; nodes: MarkdownNode[] };

function renderBody(body: string): RenderedBody {
  const nodes: MarkdownNode[] = [];
  const astro = { frontmatter: {}, headings: [] as Heading[], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() };
  const result = markdownToHtml(body, {
    mdastPlugins: [markdownPlugin(nodes)],
    hastPlugins: [satteriHeadingIdsPlugin()],
    features: { gfm: true, smartPunctuation: false },
    data: { astro },
  });
  // Synchronous as long as every plugin is: the validator stays synchronous.
  if (result instanceof Promise) throw new Error('an entry-body Markdown plugin is asynchronous');
  const { html } = result;
  nodes.sort((a, b) => a.line - b.line || a.col - b.col);
  return { html, headings: astro.headings, nodes };
}

/** `renderBody` for the validator: a failure of the processor is a result, not an exception. */
export type MarkdownScan = ({ ok: true } & RenderedBody) | { ok: false; message: string };

export function scanBody(body: string): MarkdownScan {
  try {
    return { ok: true, ...renderBody(body) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
