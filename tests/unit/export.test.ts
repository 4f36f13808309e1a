import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import type { Publication } from '../../src/lib/catalogue';
import { CSV_COLUMNS, LIST_SEPARATOR, toCsv } from '../../src/lib/export/csv';
import { FIELD_DOCS } from '../../src/lib/export/fields';
import { DATA_FORMATS, facetDataPath } from '../../src/lib/export/formats';
import { catalogueJsonSchema, entryJsonSchema, lastAdded, toDatasetJson } from '../../src/lib/export/json';
import { countryName } from '../../src/lib/schema/countries';
import { entrySchema, ENTRY_KEYS, SLUG_PATTERN } from '../../src/lib/schema/entry';
import { SITE_URL } from '../../src/lib/site';
import { makePublication, readFixturePublications } from '../support/fixture-publications';

const fixtures: Publication[] = readFixturePublications();

const make = makePublication;

/** Entries that stress CSV quoting: commas in names, quotes, line breaks in notes, Arabic and Cyrillic. */
const awkward: Publication[] = [
  ...fixtures,
  make('comma-and-quotes', {
    title: 'Victims, "survivors", and witnesses',
    authors: ['Institute of Social Sciences, New Delhi', 'O\'Brien, Mary', 'منظمة العمل الدولية'],
    notes: 'Line one.\nLine two, with a comma; and "quotes".',
    editor_notes: 'Authors from the listing (004, line 38).',
    year: 2012,
    region: ['South-Eastern Europe, Eastern Europe and Central Asia', 'Worldwide'],
    country: ['RU', 'KZ'],
    languages: ['ru', 'ar'],
    title_language: 'ru',
  }),
];

describe('CSV export', () => {
  const csv = toCsv(awkward);

  it('starts with a UTF-8 byte-order mark and uses CRLF line ends', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${CSV_COLUMNS.map((c) => c.name).join(',')}`);
  });

  it('round-trips through csv-parse: one row per entry, every field as entered', () => {
    const rows = parseCsv(csv, { bom: true, columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(awkward.length);
    const list = (cell: string) => (cell === '' ? [] : cell.split(LIST_SEPARATOR));
    for (const [i, { slug, data }] of awkward.entries()) {
      const row = rows[i]!;
      expect(row.slug).toBe(slug);
      expect(row.url).toBe(`${SITE_URL}/publications/${slug}/`);
      expect(row.title).toBe(data.title);
      expect(row.title_supplied).toBe(String(data.title_supplied ?? false));
      expect(row.title_language).toBe(data.title_language ?? '');
      expect(list(row.authors!)).toEqual(data.authors ?? []);
      expect(row.publisher).toBe(data.publisher ?? '');
      expect(row.year).toBe(data.year === undefined ? '' : String(data.year));
      expect(row.category).toBe(data.category);
      expect(list(row.regions!)).toEqual(data.region);
      expect(list(row.countries!)).toEqual(data.country);
      expect(list(row.country_names!)).toEqual(data.country.map(countryName));
      expect(list(row.languages!)).toEqual(data.languages ?? []);
      expect(row.summary).toBe(data.summary);
      expect(row.link).toBe(data.link ?? '');
      expect(list(row.sources!)).toEqual(data.source);
      expect(row.notes).toBe(data.notes ?? '');
      expect(row.added).toBe(data.added);
    }
  });

  it('quotes only where RFC 4180 needs it', () => {
    expect(csv).toContain('"Victims, ""survivors"", and witnesses"');
    expect(csv).toContain('"Line one.\nLine two, with a comma; and ""quotes""."');
    expect(csv).toContain(',ru,');
  });

  it('refuses a list item that contains the separator instead of writing a cell nobody can split back', () => {
    expect(() => toCsv([make('bad', { authors: ['A | B'] })])).toThrow(/bad: authors item "A \| B" contains " \| "/);
    expect(() => toCsv([make('fine', { authors: ['A|B Foundation'] })])).not.toThrow();
  });

  it('documents every column, and every entry field but editor_notes has a column', () => {
    for (const column of CSV_COLUMNS) expect(column.description.length, column.name).toBeGreaterThan(10);
    const covered = new Set(CSV_COLUMNS.map((c) => c.field));
    for (const key of ENTRY_KEYS) expect(covered.has(key), key).toBe(key !== 'editor_notes');
  });
});

describe('JSON dataset and JSON Schemas', () => {
  const dataset = JSON.parse(toDatasetJson(awkward, { title: 'the whole catalogue', path: '/data/catalogue.json' }));

  it('holds every entry, lossless but for editors\' notes, with slug and URL, and says when it was last added to', () => {
    expect(dataset.count).toBe(awkward.length);
    expect(dataset.license).toBe('https://creativecommons.org/publicdomain/zero/1.0/');
    expect(dataset.updated).toBe(lastAdded(awkward));
    const record = entrySchema.extend({ slug: z.string().regex(SLUG_PATTERN), url: z.url() });
    for (const [i, { slug, data }] of awkward.entries()) {
      const parsed = record.parse(dataset.entries[i]);
      const { editor_notes: _editorNotes, ...readerData } = data;
      expect(parsed).toEqual({ slug, url: `${SITE_URL}/publications/${slug}/`, ...readerData });
      expect(dataset.entries[i], slug).not.toHaveProperty('editor_notes');
    }
    expect(JSON.stringify(dataset)).not.toContain('004, line 38');
  });

  it('entry.schema.json is generated from the entry schema, every field described, code lists enumerated', () => {
    const schema = entryJsonSchema() as { properties: Record<string, { description?: string; items?: { enum?: string[] } }>; required: string[]; additionalProperties: boolean };
    expect(Object.keys(schema.properties).sort()).toEqual([...ENTRY_KEYS].sort());
    for (const key of ENTRY_KEYS) expect(schema.properties[key]!.description, key).toBe(FIELD_DOCS[key]);
    expect(schema.required).toEqual(expect.arrayContaining(['title', 'category', 'summary']));
    // An editor may leave these out: `source` defaults to [editor], `added` comes from git.
    expect(schema.required).not.toContain('source');
    expect(schema.required).not.toContain('added');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.country!.items!.enum).toContain('XK');
    expect(schema.properties.languages!.items!.enum).toContain('ar');
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('catalogue.schema.json describes the dataset file and its records', () => {
    const schema = catalogueJsonSchema() as { required: string[]; properties: { entries: { items: { required: string[]; properties: Record<string, unknown> } } } };
    expect(schema.required).toEqual(['title', 'url', 'license', 'updated', 'count', 'entries']);
    expect(Object.keys(dataset).filter((key) => key !== '$schema').sort()).toEqual([...schema.required].sort());
    expect(schema.properties.entries.items.required).toEqual(expect.arrayContaining(['slug', 'url', 'title', 'added']));
    for (const record of dataset.entries) {
      for (const key of Object.keys(record)) expect(schema.properties.entries.items.properties, key).toHaveProperty(key);
    }
  });
});

describe('download paths', () => {
  it('put facet downloads under /data/<facet segment>/<slug>.<ext>', () => {
    expect(facetDataPath('country', 'jo', 'csv')).toBe('/data/countries/jo.csv');
    expect(facetDataPath('region', 'worldwide', 'ris')).toBe('/data/regions/worldwide.ris');
    expect(Object.keys(DATA_FORMATS)).toEqual(['csv', 'json', 'bib', 'ris']);
  });
});
