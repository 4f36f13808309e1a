/**
 * THE slug rule for names that become URLs (regions, authors): one rule, in one place, so a browse page and every
 * link to it always agree.
 *
 *   "Organisation internationale pour les migrations (OIM)" → "organisation-internationale-pour-les-migrations-oim"
 *   "Ministère de la Justice"                               → "ministere-de-la-justice"
 *   "Sweden's Ministry of Justice"                          → "swedens-ministry-of-justice"
 *   "وزارة العدل" (no Latin letters or digits)               → "n-" + a short hash of the name
 */

/** The slug of a name: NFKD, diacritics stripped, lower case, every run of other characters → "-", trimmed. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    // Letters that NFKD does not decompose into a base letter plus a mark.
    .replace(/[ßæœøłđðþı]/giu, (c) => LATIN_FOLDS[c.toLowerCase()] ?? c)
    .toLowerCase()
    // "Sweden's" → "swedens", not "sweden-s".
    .replace(/['’ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // A name with no Latin letters or digits (Arabic, Chinese, Cyrillic, …) still needs a non-empty slug that differs
  // from every other such name: a hash of the name itself is stable however the catalogue grows.
  return slug || `n-${shortHash(name.normalize('NFC').trim())}`;
}

const LATIN_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Eight hex digits of FNV-1a over the UTF-8 bytes: short, stable across runs and machines, no dependencies. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * A slug for every distinct name, unique among them. When several names share a slug ("José Pérez" and "Jose
 * Perez"), the first in code-point order keeps the plain slug and each other gets "-" plus a hash of its own name,
 * so its URL does not depend on which other names happen to be in the catalogue. `reserved` slugs are never given
 * out plainly (e.g. "page", which pagination uses).
 */
export function uniqueSlugs(names: Iterable<string>, reserved: Iterable<string> = []): Map<string, string> {
  const distinct = [...new Set(names)].sort(compareCodePoints);
  const taken = new Set<string>(reserved);
  const result = new Map<string, string>();
  const byBase = new Map<string, string[]>();
  for (const name of distinct) {
    const base = slugify(name);
    const group = byBase.get(base);
    if (group) group.push(name);
    else byBase.set(base, [name]);
  }
  // Plain slugs first, so a suffixed slug can never take a plain one away from another name.
  const needSuffix: Array<[string, string]> = [];
  for (const [base, group] of byBase) {
    const [first, ...rest] = group;
    if (taken.has(base)) {
      needSuffix.push(...group.map((name): [string, string] => [name, base]));
      continue;
    }
    taken.add(base);
    result.set(first!, base);
    needSuffix.push(...rest.map((name): [string, string] => [name, base]));
  }
  for (const [name, base] of needSuffix) {
    let candidate = `${base}-${shortHash(name)}`;
    // Vanishingly rare (a name whose own slug ends in another name's hash); still deterministic.
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${shortHash(name)}-${n}`;
    taken.add(candidate);
    result.set(name, candidate);
  }
  return result;
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
