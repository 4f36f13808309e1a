import { error, quote, warning, type Problem } from '../problem';
import type { Rule } from './types';

/** Words that mark an organisation: its name may contain commas and "and", and must not be split. */
const ORGANISATION =
  /\b(office|organi[sz]ations?|ministry|department|united|nations|council|institute|university|foundation|association|cent(?:er|re)|commission|agency|programme|program|bureau|network|inc|ltd|llc|group|coalition|project|fund|society|committee|government|international|national|services?|alliance|initiative|unit|secretariat|forum|trust|partnership|campaign|watch|federation|union|authority|court|police|embassy|mission|bank|church|caritas|children|women|rights|free|justice|action|global|world|unodc|iom|ilo|osce|unicef|unhcr|ohchr|oecd|icmpd|ecpat|gaatw)\b/i;
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)`;
const PARTICLE = String.raw`(?:van|von|de|der|den|da|das|dos|del|della|di|du|la|le|bin|ibn|al|el|y)`;
const PERSON = new RegExp(String.raw`^${NAME_WORD}(?:\s+(?:${NAME_WORD}|${PARTICLE}))*$`, 'u');
const INITIALS = /^(?:\p{Lu}\.?[\s-]*){1,4}$/u;

/** "Anne Gallagher, Marika McAdam" or "Smith, J., Doe, K." — but not "Gallagher, Anne" nor an organisation. */
export function looksLikeSeveralPeople(item: string): boolean {
  const s = item.trim();
  if (!/[,;]|\s(?:and|&)\s/.test(s) || ORGANISATION.test(s)) return false;
  const parts = s.split(/\s*(?:[,;]|\s(?:and|&)\s)\s*/).filter((p) => p !== '');
  if (parts.length < 2 || !parts.every((p) => PERSON.test(p))) return false;
  // Surname-first pairs: "Smith, J., Doe, K."
  if (parts.length >= 4 && parts.length % 2 === 0 && parts.every((p, i) => (i % 2 === 1 ? INITIALS.test(p) : !INITIALS.test(p)))) {
    return true;
  }
  // Full names: at least two parts of two or more words ("Anne Gallagher", "Marika McAdam").
  return parts.filter((p) => /\s/.test(p) && !INITIALS.test(p)).length >= 2;
}

/** Why an item is part of a citation rather than a name, or undefined. */
export function citationSign(item: string, listLength: number): string | undefined {
  const s = item.trim();
  if (/\(\s*(?:1[5-9]|20)\d\d[a-z]?\s*\)/.test(s) || /^\(?(?:1[5-9]|20)\d\d[a-z]?\)?\.?$/.test(s)) return 'a year in parentheses';
  if (/[‘’“”«»„]/.test(s) || /"[^"]{3,}"/.test(s)) return 'a quoted title';
  if (/^In:?\s+\p{Lu}/u.test(s)) return '"In …" (the book it appeared in)';
  if (/\b(?:pp?\.\s*\d|vol\.\s*\d|no\.\s*\d|eds?\.|ISBN|doi:|https?:\/\/)/i.test(s)) return 'page, volume, editor or DOI details';
  if (listLength > 1 && /^[\p{L} .'’-]{2,40}:\s*[\p{L} .'’&-]{2,60}$/u.test(s)) return '"Place: Publisher"';
  return undefined;
}

export const authors: Rule = {
  id: 'authors',
  description:
    'authors is a list of names: not one comma-joined string (warning), not a citation cut at its commas (error)',
  check(ctx) {
    const data = ctx.data;
    if (!data || !('authors' in data)) return [];
    const value = data.authors;
    if (typeof value === 'string') {
      ctx.claim('authors');
      const several = looksLikeSeveralPeople(value);
      return [
        error(ctx.file, `authors must be a list, not the text ${quote(value)}`, {
          ...ctx.at('authors'),
          suggestion: several
            ? `write authors: [${JSON.stringify(value)}] if it is one name; if it is several people, give one per item (not split automatically: organisation names contain commas)`
            : `write authors: [${JSON.stringify(value)}]`,
        }),
      ];
    }
    if (!Array.isArray(value)) return [];
    const items = value.map((v) => (typeof v === 'string' ? v : ''));

    const cited = items.map((it, i) => ({ i, sign: citationSign(it, items.length) })).filter((c) => c.sign);
    if (cited.length) {
      ctx.claim('authors');
      const first = cited[0]!;
      const keep = items.slice(0, first.i).filter((it) => !citationSign(it, items.length) && it.trim() !== '');
      const keepText = keep.length ? `authors: [${keep.map((k) => JSON.stringify(k.trim())).join(', ')}]` : 'only the author';
      return [
        error(ctx.file, `authors looks like a citation cut at its commas: item ${first.i + 1} ${quote(items[first.i])} has ${first.sign}`, {
          ...ctx.at(`authors[${first.i}]`),
          suggestion: `keep ${keepText} and put the full citation in notes`,
        }),
      ];
    }

    const problems: Problem[] = [];
    items.forEach((it, i) => {
      if (!looksLikeSeveralPeople(it)) return;
      const parts = it.split(/\s*(?:;|\s(?:and|&)\s)\s*|,\s+/).filter(Boolean);
      problems.push(
        warning(ctx.file, `${quote(it)} looks like several people in one item`, {
          ...ctx.at(`authors[${i}]`),
          suggestion: `if so, give one per item, e.g. ${parts.map((p) => JSON.stringify(p)).join(', ')}; leave it if it is one name (it is never split automatically)`,
        }),
      );
    });
    return problems;
  },
};
