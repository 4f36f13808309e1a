import { plugins, type Register } from '@citation-js/core';
import '@citation-js/plugin-csl';

/** The one citeproc call the site makes. */
const CITEPROC_LOCALE = 'en-US';

/**
 * The style without what only matters between entries (sort, disambiguation, subsequent-author-substitute): each
 * entry is cited alone, the output is the same, and citeproc does half the work (bench/analysis.md). The in-text
 * citation becomes the title alone: the site never shows it, and citeproc renders it for each item only to tell
 * items apart (a fifth of the time left, sessions 9 and 14).
 */
function singleItemStyle(xml: string): string {
  return xml
    .replace(/<bibliography\b[\s\S]*?<\/bibliography>/, (bibliography) =>
      bibliography
        .replace(/<sort\b[^>]*>[\s\S]*?<\/sort>/, '')
        .replace(/^<bibliography\b[^>]*>/, (tag) => tag.replace(/\ssubsequent-author-substitute(?:-rule)?="[^"]*"/g, '')),
    )
    .replace(/<citation\b[\s\S]*?<\/citation>/, '<citation><layout><text variable="title"/></layout></citation>');
}

/** template → the style text its single-item form was made from */
const singleItemSources = new Map<string, string>();

function singleItemTemplate(template: string): string {
  const name = `${template}--single-item`;
  const register = plugins.config.get('@csl').styles as Register<string>;
  const xml = register.get(template);
  if (xml === undefined) return template; // citation-js reports the unknown template itself
  if (singleItemSources.get(template) !== xml) {
    register.add(name, singleItemStyle(xml));
    singleItemSources.set(template, xml);
  }
  return name;
}

/** One CSL-JSON item in one registered template as citeproc-js's HTML for its bibliography entry. */
export function citeprocHtml(item: { id: string }, template: string): string | undefined {
  const entries = plugins.output.format('bibliography', [item], {
    format: 'html',
    template: singleItemTemplate(template),
    lang: CITEPROC_LOCALE,
    asEntryArray: true,
  }) as Array<[string, string]>;
  return new Map(entries).get(item.id);
}

/** Each template's CSL text as registered here, for a worker thread to register the same (vendored ones too). */
export function templateSources(templates: Iterable<string>): Record<string, string> {
  const register = plugins.config.get('@csl').styles as Register<string>;
  const sources: Record<string, string> = {};
  for (const template of templates) {
    const xml = register.get(template);
    if (xml !== undefined) sources[template] = xml;
  }
  return sources;
}

/** Registers templates from `templateSources` (in a worker thread), leaving any already the same alone. */
export function registerTemplates(sources: Record<string, string>): void {
  const register = plugins.config.get('@csl').styles as Register<string>;
  for (const [name, xml] of Object.entries(sources)) if (register.get(name) !== xml) register.add(name, xml);
}
