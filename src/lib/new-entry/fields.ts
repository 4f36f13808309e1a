/**
 * The fields `npm run new` asks for, in order: how each answer is read from what an editor types (or from a flag),
 * and how it is checked — by THE entry schema, field by field, with the validator's friendly messages and
 * did-you-mean (`src/lib/validate/`). Nothing here knows about terminals.
 */
import { CATEGORIES, CATEGORY_KEYS } from '../schema/categories';
import { COUNTRY_CODES, countryName } from '../schema/countries';
import { entrySchema, type EntryInput } from '../schema/entry';
import { LANGUAGE_CODES, languageName } from '../schema/languages';
import { REGIONS } from '../schema/regions';
import { SOURCE_KEYS, SOURCES } from '../schema/sources';
import { zodIssuesToProblems } from '../validate/error-map';
import type { Problem } from '../validate/problem';
import { suggestCategory, suggestCountry, suggestLanguage, suggestRegions, suggestSource } from '../validate/suggest';

export const FIELD_NAMES = [
  'title',
  'title_supplied',
  'title_language',
  'authors',
  'year',
  'region',
  'country',
  'category',
  'languages',
  'summary',
  'link',
  'source',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** How an answer is typed. */
export type AnswerKind =
  /** One line of text. */
  | 'text'
  /** y or n. */
  | 'yes-no'
  /** One item per line, an empty line ends the list. */
  | 'lines'
  /** Several short items on one line, separated by commas or spaces. */
  | 'codes';

export interface Question {
  field: FieldName;
  kind: AnswerKind;
  /** The words before the cursor. */
  label: string;
  /** One or two lines printed before the question. */
  help: string;
  /** Whether an empty answer is refused. */
  required: boolean;
  /** Controlled values, for Tab completion and numbered menus. */
  choices?: ReadonlyArray<{ value: string; label?: string }>;
  /** Shown as a numbered menu (short lists). */
  menu?: boolean;
  /** Used when the answer is empty. */
  defaultAnswer?: string;
  /** Asked only when this says so, given the answers so far. */
  when?: (answers: Partial<Record<FieldName, unknown>>) => boolean;
}

/** Whether a title is mostly in a script other than Latin (Arabic, Cyrillic, Chinese, …). */
export function isNonLatinTitle(title: unknown): boolean {
  if (typeof title !== 'string') return false;
  const letters = title.match(/\p{L}/gu)?.length ?? 0;
  const latin = title.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return letters > 0 && latin / letters < 0.5;
}

export const QUESTIONS: readonly Question[] = [
  {
    field: 'title',
    kind: 'text',
    label: 'Title',
    help: 'The title as printed on the publication (its cover or title page).',
    required: true,
  },
  {
    field: 'title_supplied',
    kind: 'yes-no',
    label: 'Did you make up this title because the publication has none? (y/N)',
    help: 'Answer y only if you wrote a descriptive title yourself; the site then shows it in [brackets].',
    required: false,
    defaultAnswer: 'n',
  },
  {
    field: 'title_language',
    kind: 'text',
    label: 'Language of the title',
    help: 'The title is not in the Latin alphabet: give its language as a two-letter ISO 639-1 code (e.g. ar, ru, zh) so the site displays it correctly (right to left for Arabic). Empty if unsure.',
    required: false,
    choices: LANGUAGE_CODES.map((value) => ({ value, label: languageName(value) })),
    when: (answers) => isNonLatinTitle(answers.title),
  },
  {
    field: 'authors',
    kind: 'lines',
    label: 'Author',
    help: 'Authors (people or organisations) as credited, one per line. An empty line ends the list; leave it empty if none is credited.',
    required: false,
  },
  {
    field: 'year',
    kind: 'text',
    label: 'Year',
    help: 'Year of publication, e.g. 2021. Leave it empty if the publication does not say: never guess.',
    required: false,
  },
  {
    field: 'region',
    kind: 'lines',
    label: 'Region',
    help: 'Regions it is about, one per line: a number or a name (Tab completes). An empty line ends the list.',
    required: false,
    choices: REGIONS.map((value) => ({ value })),
    menu: true,
  },
  {
    field: 'country',
    kind: 'codes',
    label: 'Countries',
    help: 'Countries it is about, as two-letter ISO codes separated by commas, e.g. NG, GH, XK (Tab completes). Empty for none.',
    required: false,
    choices: COUNTRY_CODES.map((value) => ({ value, label: countryName(value) })),
  },
  {
    field: 'category',
    kind: 'text',
    label: 'Category',
    help: 'What kind of publication it is: a number or a name (Tab completes).',
    required: true,
    choices: CATEGORY_KEYS.map((value) => ({ value, label: CATEGORIES[value] })),
    menu: true,
  },
  {
    field: 'languages',
    kind: 'codes',
    label: 'Languages',
    help: 'Languages it is available in, as two-letter ISO 639-1 codes, e.g. en, fr, ar (Tab completes). Empty if unknown.',
    required: false,
    choices: LANGUAGE_CODES.map((value) => ({ value, label: languageName(value) })),
  },
  {
    field: 'summary',
    kind: 'text',
    label: 'Summary',
    help: 'Two to four sentences in your own words (not the abstract): what it covers, where, for whom.',
    required: true,
  },
  {
    field: 'link',
    kind: 'text',
    label: 'Link',
    help: 'Where to read or download it: an address starting with https://. Empty if there is none.',
    required: false,
  },
  {
    field: 'source',
    kind: 'codes',
    label: 'Source',
    help: `Where these details come from: ${SOURCE_KEYS.join(', ')}. Press Enter for "editor" (you read the publication itself).`,
    required: true,
    choices: SOURCE_KEYS.map((value) => ({ value, label: SOURCES[value] })),
    defaultAnswer: 'editor',
  },
];

export function question(field: FieldName): Question {
  return QUESTIONS.find((q) => q.field === field)!;
}

/** The answer as the schema sees it: text, a list of texts, a number or a boolean; undefined when left out. */
export type FieldValue = EntryInput[FieldName] | undefined;

export type Checked =
  | { ok: true; value: FieldValue }
  | {
      ok: false;
      problems: Problem[];
      /** The answer with each unknown item replaced by the validator's best guess, when it has one. */
      corrected?: string[];
    };

/**
 * Splits a `codes` answer: "NG, GH" / "NG GH" / "ng;gh" → ["NG", "GH"] (case is fixed later). A part with a longer
 * word stays whole ("Viet Nam, Kosovo" → ["Viet Nam", "Kosovo"]) so the did-you-mean sees the name as typed.
 */
export function splitCodes(answer: string): string[] {
  return answer
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => (/^[\p{L}-]{1,3}(?:\s+[\p{L}-]{1,3})+$/u.test(part) && !/\p{L}{4}/u.test(part) ? part.split(/\s+/) : [part]));
}

/** The vocabulary's spelling of a value typed in another case, or the 1-based number of a menu item. */
function canonical(q: Question, item: string): string {
  if (!q.choices) return item;
  if (q.menu && /^\d+$/.test(item)) {
    const choice = q.choices[Number(item) - 1];
    if (choice) return choice.value;
  }
  const folded = item.toLowerCase();
  const match = q.choices.find((c) => c.value.toLowerCase() === folded || c.label?.toLowerCase() === folded);
  return match?.value ?? item;
}

/** The validator's best replacement for an unknown vocabulary item (did-you-mean), if it has one. */
export function bestGuess(field: FieldName, item: string): string | undefined {
  switch (field) {
    case 'region':
      return suggestRegions(item)[0];
    case 'country': {
      const s = suggestCountry(item);
      return s?.kind === 'code' ? s.codes[0] : undefined;
    }
    case 'languages':
    case 'title_language':
      return suggestLanguage(item)[0];
    case 'category':
      return suggestCategory(item)[0];
    case 'source':
      return suggestSource(item)[0];
    default:
      return undefined;
  }
}

/**
 * Reads and checks one field. `answer` is what was typed (a line, or the lines of a list) or given as flags.
 * `file` names the entry in problems.
 */
export function checkField(field: FieldName, answer: string | readonly string[], file: string, now = new Date()): Checked {
  const q = question(field);
  const raw = (typeof answer === 'string' ? [answer] : [...answer]).map((s) => s.trim());
  let items = q.kind === 'codes' ? raw.flatMap(splitCodes) : raw.filter((s) => s !== '');
  if (items.length === 0 && q.defaultAnswer !== undefined) items = q.kind === 'codes' ? splitCodes(q.defaultAnswer) : [q.defaultAnswer];
  items = items.map((item) => canonical(q, item));

  if (items.length === 0) {
    // Left out. Required fields go through the schema so the message is the validator's own.
    if (!q.required) return { ok: true, value: undefined };
  }

  let value: unknown;
  switch (field) {
    case 'title':
    case 'summary':
      value = items.length ? items.join(' ') : undefined;
      break;
    case 'link':
    case 'category':
    case 'title_language':
      value = items[0];
      break;
    case 'title_supplied': {
      const yes = /^(y|yes|true|1)$/i.test(items[0] ?? '');
      const no = /^(n|no|false|0)$/i.test(items[0] ?? '');
      if (!yes && !no) {
        return {
          ok: false,
          problems: [{ file, field, severity: 'error', message: `answer y or n, not "${items[0]}"` }],
        };
      }
      value = yes ? true : undefined;
      break;
    }
    case 'year':
      // A year that is not a plain number stays text, so the validator explains what to write.
      value = items.length ? (/^\d+$/.test(items[0]!) ? Number(items[0]) : items.join(' ')) : undefined;
      break;
    default:
      value = items;
  }
  if (value === undefined && !q.required) return { ok: true, value: undefined };

  const result = entrySchema.shape[field].safeParse(value);
  if (result.success) return { ok: true, value: result.data as FieldValue };

  const issues = result.error.issues.map((issue) => ({ ...issue, path: [field, ...issue.path] }));
  const problems = zodIssuesToProblems(issues, { file, data: { [field]: value }, now });
  if (!q.choices) return { ok: false, problems };
  // Offer the answer again with each unknown item replaced by the validator's best guess.
  const vocabulary = new Set(q.choices.map((c) => c.value));
  let changed = false;
  const corrected = items.map((item) => {
    if (vocabulary.has(item)) return item;
    const guess = bestGuess(field, item);
    if (guess === undefined) return item;
    changed = true;
    return guess;
  });
  return changed ? { ok: false, problems, corrected } : { ok: false, problems };
}

/** Tab completion over a question's controlled values: the fragment being typed, and the values it could become. */
export function complete(q: Question, line: string): [string[], string] {
  if (!q.choices) return [[], line];
  const fragment = q.kind === 'codes' ? (/[^,;\s]*$/.exec(line)?.[0] ?? '') : line;
  const folded = fragment.toLowerCase();
  const hits = q.choices
    .map((c) => c.value)
    .filter((value) => value.toLowerCase().startsWith(folded) && value.startsWith(fragment));
  // Values that only differ in case from what was typed are offered too, but readline can only append, so they
  // are listed (not inserted) and `canonical` fixes the case when the answer is read.
  const caseless = q.choices
    .map((c) => c.value)
    .filter((value) => value.toLowerCase().startsWith(folded) && !value.startsWith(fragment));
  return [[...hits, ...caseless], fragment];
}
