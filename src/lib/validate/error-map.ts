/**
 * THE one friendly-error helper: Zod issues from `entrySchema` → Problems with the field, line and column, a message
 * a volunteer can act on, and a suggestion (usually a did-you-mean from `suggest.ts`).
 */
import type { z } from 'astro/zod';
import { CATEGORY_KEYS } from '../schema/categories';
import { countryName } from '../schema/countries';
import { ENTRY_KEYS, FIRST_YEAR, TITLE_MAX } from '../schema/entry';
import { languageName } from '../schema/languages';
import { REGIONS } from '../schema/regions';
import { SOURCE_KEYS } from '../schema/sources';
import { formatPath } from '../entry/parse';
import { error, quote, type Position, type Problem } from './problem';
import { wholeRegion } from './rules/region-split';
import {
  orList,
  suggestCategory,
  suggestCountry,
  suggestField,
  suggestLanguage,
  suggestRegions,
  suggestSource,
} from './suggest';

type ZodIssue = z.core.$ZodIssue;

type ErrorMapContext = {
  file: string;
  /** The data that was validated (to quote the offending value). */
  data?: unknown;
  /** Where a field path (`region[0]`) is in the file: the value, and for mapping entries the key. */
  locate?: (field: string) => (Position & { key?: Position }) | undefined;
  /** Line to report missing fields on (the closing `---`). */
  missingLine?: number;
  /** "Today", for messages about the current year and `added` (tests pin it). */
  now?: Date;
};

/** Zod issues → Problems, one per issue (one per key for unknown keys). */
export function zodIssuesToProblems(issues: readonly ZodIssue[], ctx: ErrorMapContext): Problem[] {
  return issues.flatMap((issue) => issueToProblems(issue, ctx));
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

function typeName(v: unknown): string {
  if (v === null) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return 'a date';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return 'true/false';
  return typeof v === 'string' ? 'text' : typeof v;
}

const REQUIRED_HELP: Record<string, string> = {
  title: 'add `title: "…"` with the title as printed on the publication',
  category: `add \`category: report\` (one of ${CATEGORY_KEYS.join(', ')})`,
  summary: 'add `summary: "…"`: 2–4 sentences in the catalogue\'s own words',
  source: 'add `source: [editor]` (or the seed-* listing it came from)',
  added: 'add `added: YYYY-MM-DD`, the date the entry was added',
};

function issueToProblems(issue: ZodIssue, ctx: ErrorMapContext): Problem[] {
  const now = ctx.now ?? new Date();
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const field = formatPath([...issue.path, key]);
      const loc = ctx.locate?.(field);
      const pos = loc?.key ?? loc;
      const guess = suggestField(key);
      return error(ctx.file, `unknown field "${key}"`, {
        ...(pos ? { line: pos.line, col: pos.col } : {}),
        field,
        suggestion: guess ? `did you mean "${guess}"?` : `the fields are: ${ENTRY_KEYS.join(', ')}`,
      });
    });
  }

  const field = formatPath(issue.path);
  const top = String(issue.path[0] ?? '');
  const value = valueAt(ctx.data, issue.path);
  const loc = ctx.locate?.(field);
  const at = loc
    ? { line: loc.line, col: loc.col }
    : value === undefined && ctx.missingLine !== undefined
      ? { line: ctx.missingLine }
      : {};
  const make = (message: string, suggestion?: string): Problem[] => [
    error(ctx.file, message, { ...at, field, ...(suggestion ? { suggestion } : {}) }),
  ];

  // Missing and empty values.
  if (value === undefined) {
    return make(`missing required field "${field}"`, REQUIRED_HELP[field] ?? `add \`${field}: …\``);
  }
  if (value === null && issue.code === 'invalid_type') {
    return make(`${field} is empty`, `give it a value, or delete the \`${top}\` line if it is optional`);
  }

  switch (top) {
    case 'title':
      return title(issue, value, make);
    case 'year':
      return year(value, make, now);
    case 'region':
      return vocabulary(issue, value, field, make, 'region', (v) => {
        const s = suggestRegions(v);
        return s.length ? `did you mean ${orList(s.map((r) => `"${r}"`))}?` : `use one of: ${REGIONS.join('; ')}`;
      });
    case 'country':
      return vocabulary(issue, value, field, make, 'country code', (v) => {
        const s = suggestCountry(v);
        if (s?.kind === 'region') {
          return `"${v}" is a region, not a country: remove it from country and use region: [${s.regions.map((r) => (/[,:]/.test(r) ? `"${r}"` : r)).join(', ')}]`;
        }
        if (s?.kind === 'code') {
          return `did you mean ${orList(s.codes.map((c) => `${c} (${countryName(c)})`))}?`;
        }
        return 'use the ISO 3166-1 alpha-2 code in capitals, e.g. NG for Nigeria';
      });
    case 'languages':
    case 'title_language':
      return vocabulary(issue, value, field, make, 'language code', (v) => {
        const s = suggestLanguage(v);
        return s.length
          ? `did you mean ${orList(s.map((c) => `${c} (${languageName(c)})`))}?`
          : 'use the two-letter ISO 639-1 code, e.g. en, fr, es, ar';
      });
    case 'category':
      return vocabulary(issue, value, field, make, 'category', (v) => {
        const s = suggestCategory(v);
        return s.length ? `did you mean ${orList(s.map((c) => `"${c}"`))}?` : `use one of: ${CATEGORY_KEYS.join(', ')}`;
      });
    case 'source':
      if (issue.code === 'too_small') return make('source is an empty list', 'name at least one source, e.g. `source: [editor]`');
      return vocabulary(issue, value, field, make, 'source', (v) => {
        const s = suggestSource(v);
        return s.length ? `did you mean ${orList(s.map((c) => `"${c}"`))}?` : `use one of: ${SOURCE_KEYS.join(', ')}`;
      });
    case 'link':
      if (issue.code === 'invalid_format' || issue.code === 'invalid_type') {
        if (typeof value !== 'string') return make(`link must be an https:// URL, not ${typeName(value)}`);
        return make(`${quote(value)} is not a valid https:// URL`, 'use the full https:// address of the page or PDF');
      }
      break;
    case 'added':
      if (issue.code === 'invalid_format' || issue.code === 'invalid_type') {
        return make(
          `${quote(value)} is not a date written YYYY-MM-DD`,
          `write it as YYYY-MM-DD, e.g. added: ${fixDate(value) ?? now.toISOString().slice(0, 10)}`,
        );
      }
      break;
  }

  // Generic wording for the rest (authors, publisher, summary, notes, title_supplied, wrong types).
  if (issue.code === 'invalid_type') {
    const expected = issue.expected;
    if (expected === 'array') {
      return make(`${field} must be a list, not ${typeName(value)}`, `write it as a list: ${top}: [${listItem(value)}]`);
    }
    if (expected === 'string') {
      if (typeof value === 'number' || typeof value === 'boolean') {
        return make(`${field} must be text, not ${typeName(value)}`, `put it in quotes: ${top}: "${String(value)}"`);
      }
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        return make(`${field} must be text, not ${typeName(value)}`, 'a ": " inside the value makes YAML read a mapping: put the whole value in double quotes');
      }
      return make(`${field} must be text, not ${typeName(value)}`, 'write a single text value in quotes');
    }
    if (expected === 'boolean') {
      return make(`${field} must be true or false, not ${quote(value)}`, `write ${top}: true (or delete the line)`);
    }
    return make(`${field} must be ${expected}, not ${typeName(value)}`);
  }
  if (issue.code === 'too_small' && typeof value === 'string') {
    return make(`${field} is empty`, `fill it in, or delete the \`${top}\` line if it is optional`);
  }
  return make(`${field} ${issue.message}`);
}

type Make = (message: string, suggestion?: string) => Problem[];

function title(issue: ZodIssue, value: unknown, make: Make): Problem[] {
  if (typeof value === 'string') {
    const length = [...value.normalize('NFC').trim()].length;
    if (length === 0) {
      return make(
        value.length ? 'title is only whitespace' : 'title is empty',
        'write the title as printed on the publication, or a descriptive one with title_supplied: true',
      );
    }
    if (length > TITLE_MAX) {
      return make(
        `title is ${length} characters; the limit is ${TITLE_MAX}`,
        'keep the title as printed and move any subtitle, series or description to notes or summary',
      );
    }
  }
  if (issue.code === 'invalid_type') {
    return make(`title must be text, not ${typeName(value)}`, `put it in quotes: title: "${String(value)}"`);
  }
  return make(`title ${issue.message}`);
}

function year(value: unknown, make: Make, now: Date): Problem[] {
  const current = now.getFullYear();
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return make(`year ${value} is not a whole number`, `write the year alone, e.g. year: ${Math.trunc(value)}`);
    if (value < FIRST_YEAR) return make(`year ${value} is before ${FIRST_YEAR}`, `check the year: it must be from ${FIRST_YEAR} to ${current}`);
    if (value > current) return make(`year ${value} is in the future`, `check the year: it must be from ${FIRST_YEAR} to ${current}`);
  }
  if (typeof value === 'string') {
    const m = /\b(19\d\d|20\d\d)\b/.exec(value);
    return make(
      `year must be a whole number like 2019, not the text ${quote(value)}`,
      m ? `write year: ${m[1]} (no quotes); put anything else in notes` : 'write the year as a number, e.g. year: 2019',
    );
  }
  return make(`year must be a whole number like 2019, not ${typeName(value)}`, 'write the year as a number, e.g. year: 2019');
}

/** An item of a controlled vocabulary (or a list of them) outside the vocabulary. */
function vocabulary(
  issue: ZodIssue,
  value: unknown,
  field: string,
  make: Make,
  noun: string,
  suggest: (v: string) => string,
): Problem[] {
  if (issue.code === 'invalid_type' && issue.expected === 'array') {
    const top = String(issue.path[0]);
    const items = typeof value === 'string' ? [value] : [];
    const fixed = items.map((v) => fixVocab(top, v));
    return make(`${field} must be a list, not ${typeName(value)}`, `write it as a list: ${top}: [${fixed.map(yamlItem).join(', ') || '…'}]`);
  }
  if (typeof value === 'string') {
    if (value.trim() === '') return make(`${field} is empty`, `delete the empty item, or write a ${noun}`);
    return make(`${quote(value)} is not a ${noun}`, suggest(value));
  }
  if (issue.code === 'invalid_type') {
    const mapping = value !== null && typeof value === 'object' && !Array.isArray(value);
    return make(
      `${field} must be ${issue.expected === 'string' ? 'text' : issue.expected}, not ${typeName(value)}`,
      mapping ? 'a ": " inside an item makes YAML read a mapping: put the item in quotes' : `write a ${noun}`,
    );
  }
  return make(`${field} is not a ${noun}: ${quote(value)}`, suggest(String(value)));
}

/** The best canonical form of a vocabulary value, for list suggestions. */
function fixVocab(top: string, v: string): string {
  switch (top) {
    case 'region':
      // "Central, North America, Caribbean" as one string: the pieces of one region name.
      return suggestRegions(v)[0] ?? wholeRegion(v.split(/\s*,\s*/)) ?? v;
    case 'country': {
      const s = suggestCountry(v);
      return s?.kind === 'code' ? s.codes[0]! : v;
    }
    case 'languages':
      return suggestLanguage(v)[0] ?? v;
    case 'source':
      return suggestSource(v)[0] ?? v;
    default:
      return v;
  }
}

function yamlItem(v: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u.test(v) && !/^(true|false|null|yes|no|~)$/i.test(v) ? v : JSON.stringify(v);
}

function listItem(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return '…';
  return yamlItem(String(value));
}

/** `2024-5-1` → `2024-05-01`; undefined when it cannot be read unambiguously. */
function fixDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
