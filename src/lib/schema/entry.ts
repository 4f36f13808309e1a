import { z } from 'astro/zod';
import { CATEGORY_KEYS } from './categories';
import { isCountryCode } from './countries';
import { isLanguageCode } from './languages';
import { REGIONS } from './regions';
import { SOURCE_KEYS } from './sources';

/**
 * THE schema of a publication entry: the YAML frontmatter of one file in `content/publications/`.
 * Astro's content collection, the validator and every script import it from here. Field names are a public
 * contract (other tools read them): add fields, never rename them.
 *
 * Messages here are short; `src/lib/validate/` adds file, line, column and a suggestion.
 */

/** A string that is trimmed and in Unicode NFC before it is checked. */
const text = () =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string());

/** Length in characters (code points), not UTF-16 units or bytes. */
const charLength = (s: string) => [...s].length;

export const TITLE_MAX = 300;
export const FIRST_YEAR = 1900;

export const entrySchema = z.strictObject({
  /** The title as printed on the publication, 1–300 characters. */
  title: text().pipe(
    z
      .string()
      .refine((s) => charLength(s) >= 1, 'must not be empty')
      .refine((s) => charLength(s) <= TITLE_MAX, `must be at most ${TITLE_MAX} characters`),
  ),
  /** True when the sources give no title and the catalogue supplies a descriptive one (shown in [brackets]). */
  title_supplied: z.boolean().optional(),
  /** ISO 639-1 code of the title's language when it differs from the page's English (sets `lang` and `dir`). */
  title_language: z.string().refine(isLanguageCode, 'is not an ISO 639-1 language code').optional(),
  /** People and organisations credited as authors, one per item, as credited. */
  authors: z.array(text().pipe(z.string().min(1, 'must not be empty'))).optional(),
  /** The organisation that published it, when known and not already the author. */
  publisher: text().pipe(z.string().min(1)).optional(),
  /** Year of publication, a whole number from 1900 to the current year. */
  year: z
    .number()
    .int('must be a whole number')
    .min(FIRST_YEAR, `must be ${FIRST_YEAR} or later`)
    .refine((y) => y <= new Date().getFullYear(), 'must not be in the future')
    .optional(),
  /** Regions the publication is about, from the one list in `regions.ts`. */
  region: z.array(z.enum(REGIONS)).default([]),
  /** Countries the publication is about: ISO 3166-1 alpha-2 codes in upper case (plus XK and the withdrawn AN). */
  country: z.array(z.string().refine(isCountryCode, 'is not an ISO 3166-1 alpha-2 country code')).default([]),
  /** What kind of publication it is. */
  category: z.enum(CATEGORY_KEYS),
  /** Languages the publication is available in: ISO 639-1 codes. */
  languages: z.array(z.string().refine(isLanguageCode, 'is not an ISO 639-1 language code')).optional(),
  /** A summary in the catalogue's own words (2–4 sentences), plain text. */
  summary: text().pipe(z.string().min(1, 'must not be empty')),
  /** Where to read or download the publication: an https URL. */
  link: z
    .url({ protocol: /^https$/, error: 'must be an https:// URL' })
    .optional(),
  /**
   * The publication's own file under `content/documents/` (a PDF, or UTF-8 plain text with a form feed between
   * pages): its text is indexed page by page, so search finds the page a phrase is on.
   */
  document: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.(?:pdf|txt)$/, 'must be a file name in content/documents/ ending in .pdf or .txt')
    .optional(),
  /**
   * true when the document's licence lets the site publish the file (public-domain government works, open
   * licences): page links then open the site's copy. Left out or false: the text is indexed, the file is not
   * published, and page links open the copy at `link`.
   */
  document_redistributable: z.boolean().optional(),
  /** Where this entry's metadata came from (provenance), one or more keys from `sources.ts`. */
  source: z.array(z.enum(SOURCE_KEYS)).min(1, 'must name at least one source'),
  /** Editorial notes a reader should see: where a year was read from, the volume a paper appeared in, … */
  notes: text().pipe(z.string().min(1)).optional(),
  /** The date the entry was added to the catalogue (YYYY-MM-DD), for "newest additions" and feeds. */
  added: z.preprocess(
    // Astro's YAML reader turns an unquoted 2026-11-23 into a Date; the validator's keeps it text. Accept both.
    (value) => (value instanceof Date && !Number.isNaN(value.valueOf()) ? value.toISOString().slice(0, 10) : value),
    z.iso.date('must be a date written YYYY-MM-DD'),
  ),
});

/** An entry as written in a file (before defaults). */
export type EntryInput = z.input<typeof entrySchema>;
/** An entry after validation. */
export type Entry = z.output<typeof entrySchema>;

/** The keys an entry may have, for did-you-mean on unknown keys. */
export const ENTRY_KEYS = Object.keys(entrySchema.shape) as Array<keyof Entry>;

/** A file name (without `.md`) is the entry's slug: lower-case kebab-case. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
