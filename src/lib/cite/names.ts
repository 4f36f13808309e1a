/**
 * Is an author credit a person or an organisation? ONE heuristic for every citation format, so "Walk Free
 * Foundation" never becomes "Foundation, W. F.". A person is 2–4 capitalised words (plus particles) with no
 * organisation word, acronym or function word; anything else stays whole: a literal is never mangled, a wrongly
 * split name always is.
 */

export type AuthorName =
  | { kind: 'organization'; name: string }
  | { kind: 'person'; name: string; family: string; given: string };

/** Organisation words, matched as whole words, case-insensitively ("Sweden'S Ministry Of Justice" too). */
const ORGANISATION_WORDS = [
  // English
  'organization', 'organisation', 'office', 'foundation', 'ministry', 'department', 'council', 'commission',
  'commissioner', 'agency', 'network', 'institute', 'institution', 'university', 'centre', 'center', 'committee',
  'federation', 'society', 'union', 'nations', 'fund', 'programme', 'program', 'association', 'group', 'coalition',
  'initiative', 'red cross', 'red crescent', 'school', 'college', 'academy', 'mission', 'secretariat', 'task force',
  'team', 'cluster', 'bureau', 'service', 'services', 'police', 'tribunal', 'government', 'parliament',
  'assembly', 'embassy', 'trust', 'alliance', 'partnership', 'project', 'forum', 'platform', 'observatory',
  'board', 'authority', 'directorate', 'unit', 'secretary', 'rapporteur', 'representative', 'campaign', 'consortium',
  'international', 'national', 'global', 'regional', 'watch', 'inc', 'ltd', 'llc', 'gmbh', 'ngo',
  // French, Spanish, Portuguese
  'organisation', 'organización', 'organização', 'ministère', 'ministerio', 'ministério', 'bureau', 'oficina',
  'fondation', 'fundación', 'fundação', 'comité', 'comisión', 'commission', 'conseil', 'consejo', 'institut',
  'instituto', 'université', 'universidad', 'universidade', 'unies', 'unidas', 'centro', 'asociación', 'associação',
  'réseau', 'gobierno', 'gouvernement', 'secretaría', 'defensoría', 'procuraduría', 'fiscalía',
  // Russian, Ukrainian
  'организация', 'министерство', 'управление', 'фонд', 'институт', 'университет', 'комитет', 'совет', 'центр',
  'агентство', 'бюро', 'ассоциация', 'союз', 'служба', 'комиссия', 'миссия', 'офис', 'сеть', 'програма',
  'программа', 'міністерство', 'організація',
  // Arabic
  'منظمة', 'وزارة', 'مكتب', 'مؤسسة', 'جمعية', 'مركز', 'معهد', 'جامعة', 'لجنة', 'مجلس', 'الأمم', 'هيئة', 'شبكة',
  'اتحاد', 'برنامج', 'صندوق', 'المنظمة', 'الوزارة', 'المكتب', 'المؤسسة', 'الجمعية', 'المركز', 'المعهد',
];

/** Lower-case words that occur in organisation names but not in personal names. */
const FUNCTION_WORDS = new Set(['of', 'for', 'on', 'against', 'and', 'the', 'to', 'in', 'at', 'with', '&', 'und', 'pour', 'contre', 'para', 'contra', 'por']);

/** Lower-case particles that personal names do have ("Ludwig van Beethoven", "Maria de la Cruz", "Omar al-Said"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'do', 'dos', 'du', 'la', 'le', 'ter', 'ten', 'bin', 'bint', 'ibn', 'al', 'el', 'y', 'e']);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ORGANISATION_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...new Set(ORGANISATION_WORDS)].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);

/** "(UNODC)", "(ICAT)", "(CBSS TF-THB)": an acronym in parentheses. */
const ACRONYM_IN_PARENTHESES = /\(\s*\p{Lu}[\p{Lu}\p{N}&.\-\s]*\p{Lu}[\p{Lu}\p{N}.]*\s*\)/u;
/** "UNODC", "IOM", "OSCE", "NIMHANS": a word of two or more capitals (and digits), not an initial like "B.". */
const ALL_CAPS_WORD = /(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}\p{N}&-]*\p{Lu}(?![\p{L}\p{N}])/u;

/** A capitalised name word: "Rachel", "B.", "Soiland-Reyes", "O'Brien", "al-Said", "Петров". */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const PARTICLE_WORD = /^(?:[\p{Ll}]+)(?:[-'’]\p{Lu}[\p{L}\p{M}'’-]*)?$/u;

/** Classifies one author credit; persons come back with family and given names for citation styles. */
export function classifyAuthor(credit: string): AuthorName {
  const name = credit.normalize('NFC').trim().replace(/\s+/g, ' ');
  const organisation: AuthorName = { kind: 'organization', name };
  if (ORGANISATION_PATTERN.test(name) || ACRONYM_IN_PARENTHESES.test(name) || ALL_CAPS_WORD.test(name)) {
    return organisation;
  }
  // "Bigio, Jamille": already inverted. Anything else with a comma is a place or a sub-unit ("…, New Delhi").
  const comma = name.split(',').map((part) => part.trim());
  if (comma.length === 2) {
    const [family, given] = comma as [string, string];
    const familyWords = family.split(' ');
    const givenWords = given.split(' ');
    if (
      familyWords.length <= 3 &&
      givenWords.length <= 3 &&
      isPersonWords(familyWords) &&
      isPersonWords(givenWords) &&
      familyWords.length + givenWords.length <= 4
    ) {
      return { kind: 'person', name: `${given} ${family}`, family, given };
    }
    return organisation;
  }
  if (comma.length > 2) return organisation;

  const words = name.split(' ');
  if (words.some((word) => FUNCTION_WORDS.has(word.toLowerCase()) && !PARTICLES.has(word))) return organisation;
  const capitalised = words.filter((word) => NAME_WORD.test(word) || /[-'’]\p{Lu}/u.test(word));
  if (capitalised.length < 2 || capitalised.length > 4 || !isPersonWords(words)) return organisation;

  // The family name is the last capitalised word with the particles just before it ("van Beethoven").
  let start = words.length - 1;
  while (start > 1 && PARTICLE_WORD.test(words[start - 1]!) && PARTICLES.has(words[start - 1]!.split(/[-'’]/)[0]!)) {
    start--;
  }
  return { kind: 'person', name, family: words.slice(start).join(' '), given: words.slice(0, start).join(' ') };
}

function isPersonWords(words: readonly string[]): boolean {
  if (words.length === 0) return false;
  if (!NAME_WORD.test(words[0]!)) return false;
  return words.every(
    (word) => NAME_WORD.test(word) || (PARTICLE_WORD.test(word) && PARTICLES.has(word.split(/[-'’]/)[0]!)),
  );
}

/** Every author of an entry, classified, in credited order. */
export function classifyAuthors(authors: readonly string[] | undefined): AuthorName[] {
  return (authors ?? []).map(classifyAuthor);
}
