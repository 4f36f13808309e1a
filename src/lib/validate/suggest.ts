/**
 * Did-you-mean for every vocabulary (regions, countries, languages, categories, sources, field names), and slugs.
 * The vocabularies themselves stay in `src/lib/schema/`; this file only knows how people and scrapers get them wrong.
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
// One edit distance for the validator and the search page's spelling help (swaps count as one edit).
import { editDistance as edits } from '../search/spelling';
import { CATEGORIES, CATEGORY_KEYS } from '../schema/categories';
import { COUNTRY_CODES, countryName, isCountryCode } from '../schema/countries';
import { ENTRY_KEYS } from '../schema/entry';
import { LANGUAGE_CODES, isLanguageCode, languageCodeForName, languageName } from '../schema/languages';
import { REGIONS, isRegion, type Region } from '../schema/regions';
import { SOURCE_KEYS } from '../schema/sources';
import { slugify } from '../slug';

/** Lower case, no accents, `&` → and, `St.` → saint, punctuation → space, spaces collapsed. */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bst\.\s*/g, 'saint ')
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The closest candidates within `max` edits (default: a third of the length, at least 1, at most 3). */
export function closest<T>(
  value: string,
  candidates: ReadonlyArray<{ key: string; value: T }>,
  max = Math.min(3, Math.max(1, Math.floor(value.length / 3))),
): T[] {
  let best = Infinity;
  let found: T[] = [];
  for (const c of candidates) {
    const d = edits(value, c.key);
    if (d < best) {
      best = d;
      found = [c.value];
    } else if (d === best && !found.includes(c.value)) found.push(c.value);
  }
  return best <= max ? found : [];
}

/** "a", "a or b", "a, b or c" */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------------------------- //
// Field names

const FIELD_ALIASES: Record<string, string> = {
  author: 'authors',
  creator: 'authors',
  creators: 'authors',
  organisation: 'publisher',
  organization: 'publisher',
  language: 'languages',
  lang: 'languages',
  countries: 'country',
  regions: 'region',
  categories: 'category',
  type: 'category',
  url: 'link',
  href: 'link',
  pdf: 'link',
  abstract: 'summary',
  description: 'summary',
  note: 'notes',
  sources: 'source',
  date: 'year',
  published: 'year',
  date_added: 'added',
};

/** `contry` → `country`, `author` → `authors`. */
export function suggestField(key: string): string | undefined {
  const k = key.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if ((ENTRY_KEYS as string[]).includes(k)) return k;
  if (FIELD_ALIASES[k]) return FIELD_ALIASES[k];
  return closest(k, ENTRY_KEYS.map((f) => ({ key: f, value: f as string })))[0];
}

// ---------------------------------------------------------------------------------------------------------------- //
// Regions

const REGION_ALIASES: Record<string, Region> = {
  global: 'Worldwide',
  world: 'Worldwide',
  international: 'Worldwide',
  'world wide': 'Worldwide',
  worldwide: 'Worldwide',
  eea: 'European Economic Area',
  'european union': 'European Economic Area',
  eu: 'European Economic Area',
  mena: 'Middle East and North Africa',
  'middle east': 'Middle East and North Africa',
  'north africa': 'Middle East and North Africa',
  caribbean: 'Central and North America and the Caribbean',
  'latin america': 'South America',
  'central asia': 'South-Eastern Europe, Eastern Europe and Central Asia',
  'eastern europe': 'South-Eastern Europe, Eastern Europe and Central Asia',
  'south eastern europe': 'South-Eastern Europe, Eastern Europe and Central Asia',
  'southeast europe': 'South-Eastern Europe, Eastern Europe and Central Asia',
  balkans: 'South-Eastern Europe, Eastern Europe and Central Asia',
  'asia pacific': 'Asia and the Pacific',
  asia: 'Asia and the Pacific',
  pacific: 'Asia and the Pacific',
  'southeast asia': 'Asia and the Pacific',
  'south asia': 'Asia and the Pacific',
  'east africa': 'East and Horn of Africa',
  'horn of africa': 'East and Horn of Africa',
  'west africa': 'West and Central Africa',
  'central africa': 'West and Central Africa',
  'north america': 'Central and North America and the Caribbean',
  'central america': 'Central and North America and the Caribbean',
};

const REGION_WORDS = REGIONS.flatMap((r) =>
  fold(r)
    .split(' ')
    .filter((w) => w.length >= 5)
    .map((w) => ({ key: w, value: r as Region })),
);

/** Regions that `value` (not itself a region) probably means; usually one. */
export function suggestRegions(value: string): Region[] {
  if (isRegion(value)) return [value];
  const f = fold(value);
  if (f === '') return [];
  const exact = REGIONS.find((r) => fold(r) === f);
  if (exact) return [exact];
  if (REGION_ALIASES[f]) return [REGION_ALIASES[f]];
  const whole = closest(f, REGIONS.map((r) => ({ key: fold(r), value: r as Region })), 4);
  if (whole.length) return whole;
  // A part of a region name ("Caribbean", "Horn of Africa") or a misspelt word of one ("Carribean").
  const containing = REGIONS.filter((r) => ` ${fold(r)} `.includes(` ${f} `));
  if (containing.length) return containing;
  const alias = closest(f, Object.entries(REGION_ALIASES).map(([k, v]) => ({ key: k, value: v })));
  if (alias.length) return alias;
  if (!f.includes(' ')) return closest(f, REGION_WORDS, 2);
  return [];
}

// ---------------------------------------------------------------------------------------------------------------- //
// Countries


const EXTRA_COUNTRY_NAMES: Record<string, string> = {
  drc: 'CD',
  'dr congo': 'CD',
  'democratic republic of congo': 'CD',
  'republic of the congo': 'CG',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  burma: 'MM',
  holland: 'NL',
  'czech republic': 'CZ',
  swaziland: 'SZ',
  macedonia: 'MK',
  turkey: 'TR',
  turkiye: 'TR',
  palestine: 'PS',
  uae: 'AE',
  'hong kong': 'HK',
  macau: 'MO',
  macao: 'MO',
  'south korea': 'KR',
  'north korea': 'KP',
  russia: 'RU',
  'netherlands antilles': 'AN',
};

let countryIndex: Array<{ key: string; value: string }> | undefined;
function countryNameIndex(): Array<{ key: string; value: string }> {
  if (countryIndex) return countryIndex;
  const seen = new Set<string>();
  const out: Array<{ key: string; value: string }> = [];
  const add = (name: string, code: string) => {
    const key = fold(name);
    if (!key || seen.has(`${key}\u0000${code}`) || !isCountryCode(code)) return;
    seen.add(`${key}\u0000${code}`);
    out.push({ key, value: code });
  };
  for (const code of COUNTRY_CODES) {
    add(countryName(code), code);
    // CLDR short forms: "Congo - Kinshasa" → also "Congo Kinshasa"; "Myanmar (Burma)" → "Myanmar".
    add(countryName(code).replace(/\s*\(.*\)$/, ''), code);
  }
  // English names and common variants ("Ivory Coast", "USA", "Great Britain") from i18n-iso-countries.
  const library = createRequire(import.meta.url)('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> };
  for (const [code, names] of Object.entries(library.countries)) {
    for (const name of Array.isArray(names) ? names : [names]) add(name, code);
  }
  for (const [name, code] of Object.entries(EXTRA_COUNTRY_NAMES)) add(name, code);
  countryIndex = out;
  return out;
}

/** The code of an exact (folded) country name, e.g. "Trinidad and Tobago" → TT. */
export function countryCodeForName(name: string): string | undefined {
  const f = fold(name);
  return countryNameIndex().find((c) => c.key === f)?.value;
}

type CountrySuggestion =
  | { kind: 'code'; codes: string[] }
  /** The value is a region (or "Worldwide"): belongs in `region`. */
  | { kind: 'region'; regions: Region[] };

/** `ng` → NG, `Nigerai` → NG, `NGA` → NG, `UK` → GB, `Worldwide` → region. */
export function suggestCountry(value: string): CountrySuggestion | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  const up = v.toUpperCase();
  if (/^[A-Za-z]{2}$/.test(v)) {
    if (up === 'UK') return { kind: 'code', codes: ['GB'] };
    if (isCountryCode(up)) return { kind: 'code', codes: [up] };
  }
  if (/^[A-Za-z]{3}$/.test(v)) {
    const a2 = countries.alpha3ToAlpha2(up);
    if (a2 && isCountryCode(a2)) return { kind: 'code', codes: [a2] };
  }
  const byName = countryCodeForName(v);
  if (byName) return { kind: 'code', codes: [byName] };
  const f = fold(v);
  if (REGION_ALIASES[f] || REGIONS.some((r) => fold(r) === f)) {
    return { kind: 'region', regions: suggestRegions(v) };
  }
  const near = closest(f, countryNameIndex(), Math.min(3, Math.max(1, Math.floor(f.length / 4))));
  if (near.length) return { kind: 'code', codes: near.slice(0, 3) };
  const regions = suggestRegions(v);
  if (regions.length && /\s/.test(v)) return { kind: 'region', regions };
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------- //
// Languages

/** Codes people write that are not ISO 639-1 (country codes, old habits). */
const LANGUAGE_ALIASES: Record<string, string> = {
  sp: 'es',
  spa: 'es',
  esp: 'es',
  eng: 'en',
  fre: 'fr',
  fra: 'fr',
  ger: 'de',
  deu: 'de',
  gr: 'el',
  jp: 'ja',
  cn: 'zh',
  ch: 'zh',
  dk: 'da',
  ua: 'uk',
  rus: 'ru',
  ara: 'ar',
  por: 'pt',
  br: 'pt',
  vn: 'vi',
  kr: 'ko',
  ir: 'fa',
  farsi: 'fa',
  persian: 'fa',
  mandarin: 'zh',
  cantonese: 'zh',
  filipino: 'tl',
  'en-gb': 'en',
  'en-us': 'en',
  'pt-br': 'pt',
  'zh-cn': 'zh',
  'zh-tw': 'zh',
  'es-419': 'es',
};

/** `sp` → es, `English` → en, `EN` → en, `Español` → es. */
export function suggestLanguage(value: string): string[] {
  const v = value.trim();
  if (v === '') return [];
  const low = v.toLowerCase();
  if (isLanguageCode(low)) return [low];
  if (LANGUAGE_ALIASES[low]) return [LANGUAGE_ALIASES[low]];
  const region = /^([a-z]{2})[-_][a-z0-9]+$/i.exec(v);
  if (region && isLanguageCode(region[1]!.toLowerCase())) return [region[1]!.toLowerCase()];
  const title = low.charAt(0).toUpperCase() + low.slice(1);
  const byName = languageCodeForName(title);
  if (byName) return [byName];
  const f = fold(v);
  const names = LANGUAGE_CODES.flatMap((code) =>
    languageName(code)
      .split(/[;,]\s*/)
      .map((name) => ({ key: fold(name), value: code })),
  );
  const exact = names.find((n) => n.key === f);
  if (exact) return [exact.value];
  if (f.length <= 3) return [];
  return closest(f, names, 2).slice(0, 3);
}

// ---------------------------------------------------------------------------------------------------------------- //
// Categories and sources

/** `Issue Paper` → issue-paper, `Reports` → report, `Training material` → training. */
export function suggestCategory(value: string): string[] {
  const slug = slugify(value);
  if ((CATEGORY_KEYS as string[]).includes(slug)) return [slug];
  const singular = slug.replace(/s$/, '');
  if ((CATEGORY_KEYS as string[]).includes(singular)) return [singular];
  const byLabel = CATEGORY_KEYS.find((k) => slugify(CATEGORIES[k]) === slug || slugify(CATEGORIES[k]) === singular);
  if (byLabel) return [byLabel];
  return closest(slug, [
    ...CATEGORY_KEYS.map((k) => ({ key: k as string, value: k as string })),
    ...CATEGORY_KEYS.map((k) => ({ key: slugify(CATEGORIES[k]), value: k as string })),
  ]).slice(0, 3);
}

export function suggestSource(value: string): string[] {
  const slug = slugify(value);
  if ((SOURCE_KEYS as string[]).includes(slug)) return [slug];
  return closest(slug, SOURCE_KEYS.map((k) => ({ key: k as string, value: k as string }))).slice(0, 3);
}
