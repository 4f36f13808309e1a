/**
 * The few parts of citation-js (no type declarations of its own) that the catalogue uses: formatting CSL-JSON with
 * CSL styles at build time, registering a vendored style, and parsing BibTeX/RIS/CSL-JSON back in tests.
 */
declare module '@citation-js/core' {
  interface Register<T> {
    add(key: string, value: T): Register<T>;
    has(key: string): boolean;
    get(key: string): T | undefined;
  }
  export const plugins: {
    output: { format(name: string, data: unknown[], options?: Record<string, unknown>): unknown };
    config: { get(plugin: string): Record<string, unknown> };
  };
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Array<Record<string, unknown>>;
    format(name: string, options?: Record<string, unknown>): string;
  }
  export type { Register };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
