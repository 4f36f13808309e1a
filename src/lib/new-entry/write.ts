/**
 * An entry as the text of its file. Written with the `yaml` package, which quotes a value whenever plain text
 * would be read as something else; YAML 1.1 rules are used for quoting so that even older readers see "NO"
 * (Norway), "yes" or "2026-11-23" as text.
 */
import { Document, type YAMLSeq } from 'yaml';
import type { EntryInput } from '../schema/entry';
import { ENTRY_KEYS } from '../schema/entry';

/** Short code lists read best on one line: `country: [JO, LB]`. */
const FLOW_LISTS = new Set(['country', 'languages', 'source']);

export function entryToMarkdown(entry: EntryInput, body = ''): string {
  // Keys in the schema's order, the order CONTRIBUTING.md explains them in; empty lists and undefined are left out.
  const ordered: Record<string, unknown> = {};
  for (const key of ENTRY_KEYS) {
    const value = entry[key as keyof EntryInput];
    if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) continue;
    ordered[key] = value;
  }
  const doc = new Document(ordered, { version: '1.1' });
  for (const key of FLOW_LISTS) {
    const list = doc.get(key, true) as YAMLSeq | undefined;
    if (list) list.flow = true;
  }
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true });
  return `---\n${yaml}---\n${body ? `\n${body.trim()}\n` : ''}`;
}
