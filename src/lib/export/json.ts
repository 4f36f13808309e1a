import { z } from 'astro/zod';
import type { Publication } from '../catalogue';
import { COUNTRY_CODES } from '../schema/countries';
import { entrySchema, SLUG_PATTERN } from '../schema/entry';
import { LANGUAGE_CODES } from '../schema/languages';
import { SITE_NAME, SITE_URL } from '../site';
import { pageUrl } from './csv';
import { EXTRA_FIELD_DOCS, FIELD_DOCS } from './fields';

/**
 * The catalogue as JSON (lossless: every field as validated, lists as arrays) and JSON Schemas generated from THE
 * entry schema with Zod 4's `z.toJSONSchema`, so the published schema can never drift from the one the build
 * validates with.
 */

export const LICENCE = {
  name: 'CC0 1.0 Universal (public domain dedication)',
  id: 'CC0-1.0',
  url: 'https://creativecommons.org/publicdomain/zero/1.0/',
} as const;

/**
 * A dataset record: the entry's fields as validated, with its slug and page URL first. Editors' notes stay in the
 * files: they speak of source files and lines, not of the publication.
 */
export function toDatasetRecord({ slug, data }: Publication): Record<string, unknown> {
  const { editor_notes: _editorNotes, ...readerData } = data;
  return { slug, url: pageUrl(slug), ...readerData };
}

/** The newest `added` date among the entries (the dataset's "updated"), or undefined for an empty list. */
export function lastAdded(publications: readonly Publication[]): string | undefined {
  let newest: string | undefined;
  for (const { data } of publications) if (newest === undefined || data.added > newest) newest = data.added;
  return newest;
}

export interface DatasetInfo {
  /** "the whole catalogue", "the region Worldwide", … */
  title: string;
  /** Where this file is published (absolute path). */
  path: string;
}

export function toDatasetJson(publications: readonly Publication[], info: DatasetInfo): string {
  const dataset = {
    $schema: new URL(CATALOGUE_SCHEMA_PATH, SITE_URL).href,
    title: `${SITE_NAME}: ${info.title}`,
    url: new URL(info.path, SITE_URL).href,
    license: LICENCE.url,
    updated: lastAdded(publications) ?? null,
    count: publications.length,
    entries: publications.map(toDatasetRecord),
  };
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

export const ENTRY_SCHEMA_PATH = '/data/entry.schema.json';
export const CATALOGUE_SCHEMA_PATH = '/data/catalogue.schema.json';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>> };

/** Adds what Zod cannot say in JSON Schema: descriptions, and the code lists that refinements check. */
function annotate(schema: JsonSchema, docs: Record<string, string>): JsonSchema {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const description = docs[name];
    if (description) property.description = description;
  }
  const props = schema.properties ?? {};
  const items = (name: string) => (props[name]?.items ?? {}) as Record<string, unknown>;
  if (props.country) items('country').enum = [...COUNTRY_CODES];
  if (props.languages) items('languages').enum = [...LANGUAGE_CODES];
  if (props.title_language) props.title_language.enum = [...LANGUAGE_CODES];
  // "Not in the future" depends on the day of validation; Zod's stand-in maximum (2^53 − 1) says nothing.
  if (props.year) delete props.year.maximum;
  if (props.title) Object.assign(props.title, { minLength: 1, maxLength: 300 });
  return schema;
}

/** JSON Schema of an entry's frontmatter (what a file in content/publications/ may contain). */
export function entryJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(entrySchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return {
    $schema: schema.$schema,
    $id: new URL(ENTRY_SCHEMA_PATH, SITE_URL).href,
    title: `${SITE_NAME}: a publication entry`,
    description:
      'The YAML frontmatter of one file in content/publications/<slug>.md, generated from src/lib/schema/entry.ts. Strings are trimmed and put in Unicode NFC before they are checked.',
    ...annotate(schema, FIELD_DOCS),
  };
}

/** JSON Schema of /data/catalogue.json (and each facet's JSON download). */
export function catalogueJsonSchema(): JsonSchema {
  const record = entrySchema.omit({ editor_notes: true }).extend({
    slug: z.string().regex(SLUG_PATTERN),
    url: z.url(),
    // Optional in a file, always known in the data (from git when the file leaves it out: src/lib/git-added.ts).
    added: z.iso.date(),
  });
  const recordSchema = annotate(
    z.toJSONSchema(record, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema,
    { ...FIELD_DOCS, ...EXTRA_FIELD_DOCS },
  );
  delete recordSchema.$schema;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: new URL(CATALOGUE_SCHEMA_PATH, SITE_URL).href,
    title: `${SITE_NAME}: open dataset`,
    type: 'object',
    required: ['title', 'url', 'license', 'updated', 'count', 'entries'],
    properties: {
      $schema: { type: 'string' },
      title: { type: 'string' },
      url: { type: 'string', format: 'uri' },
      license: { type: 'string', format: 'uri', description: `${LICENCE.name}: ${LICENCE.url}` },
      updated: { type: ['string', 'null'], format: 'date', description: 'The newest "added" date in the file.' },
      count: { type: 'integer', minimum: 0 },
      entries: { type: 'array', items: recordSchema },
    },
    additionalProperties: false,
  };
}
