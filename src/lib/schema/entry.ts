import { z } from 'astro/zod';
import { unsafeCharacter } from '../entry/url';
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
  /**
   * True when no source names the publisher and the catalogue supplies it from the listing it came from (a
   * publisher's own publications page), shown in [square brackets] as library cataloguers bracket supplied data.
   * The reason is in `editor_notes`.
   */
  publisher_supplied: z.boolean().optional(),
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
  /** Where to read or download the publication: an https URL, written as a browser shows it (no spaces, <, > or quotes). */
  link: z
    .url({ protocol: /^https$/, error: 'must be an https:// URL' })
    .refine((url) => unsafeCharacter(url) === undefined, 'must be a well-formed URL: no spaces, <, >, quotes or backslashes')
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
  /**
   * Where this entry's metadata came from (provenance), one or more keys from `sources.ts`. Optional: an entry that
   * leaves it out is an editor's contribution, `[editor]`.
   */
  source: z.array(z.enum(SOURCE_KEYS)).min(1, 'must name at least one source').default(['editor']),
  /**
   * Notes for readers, shown on the page: the volume a paper appeared in, the languages of an executive summary, …
   * A source listing is named by name ("UNODC's publications page"), never by file or line (rule reader-notes).
   */
  notes: text().pipe(z.string().min(1)).optional(),
  /**
   * Notes for editors only (which source line gave which field, why a value was supplied): kept in the file and in
   * docs/DATA.md, never shown on a page, in a feed, an export or the search index.
   */
  editor_notes: text().pipe(z.string().min(1)).optional(),
  /**
   * The date the entry was added to the catalogue (YYYY-MM-DD), for "newest additions" and feeds. Optional: when it
   * is left out, the site takes the date of the commit that first added the file, or the file's modification date
   * when git has no history of it (a new, uncommitted file; a shallow clone), see `src/lib/git-added.ts`.
   */
  added: z
    .preprocess(
      // Astro's YAML reader turns an unquoted 2026-11-23 into a Date; the validator's keeps it text. Accept both.
      (value) => (value instanceof Date && !Number.isNaN(value.valueOf()) ? value.toISOString().slice(0, 10) : value),
      z.iso.date('must be a date written YYYY-MM-DD'),
    )
    .optional(),
});

/** An entry as written in a file (before defaults). */
export type EntryInput = z.input<typeof entrySchema>;
/** An entry after validation, as written: `added` may still be missing. */
export type EntryData = z.output<typeof entrySchema>;
/** An entry as the site shows it: `added` always known (from the file, else from git, `src/lib/git-added.ts`). */
export type Entry = Omit<EntryData, 'added'> & { added: string };

/** The keys an entry may have, for did-you-mean on unknown keys. */
export const ENTRY_KEYS = Object.keys(entrySchema.shape) as Array<keyof EntryData>;

/** A file name (without `.md`) is the entry's slug: lower-case kebab-case. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
