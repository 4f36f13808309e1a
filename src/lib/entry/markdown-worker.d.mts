export type MarkdownNode = {
  type: 'html' | 'link' | 'image' | 'definition';
  /** Raw HTML for `html`; the URL for the others. */
  value: string;
  /** 1-based line and column in the BODY. */
  line: number;
  col: number;
};
export function summarise(body: string): MarkdownNode[];
