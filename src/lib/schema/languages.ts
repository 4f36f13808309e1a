import ISO6391 from 'iso-639-1';

/** Languages are stored as ISO 639-1 codes (two lower-case letters); names come from `iso-639-1`. */
export const LANGUAGE_CODES: readonly string[] = ISO6391.getAllCodes();

export function isLanguageCode(code: string): boolean {
  return ISO6391.validate(code);
}

export function languageName(code: string): string {
  return ISO6391.getName(code) || code;
}

/** The code for an English language name ("Arabic" → "ar"), or undefined. */
export function languageCodeForName(name: string): string | undefined {
  return ISO6391.getCode(name) || undefined;
}

/** Languages written right to left, for `dir` on titles. */
const RTL = new Set(['ar', 'dv', 'fa', 'he', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);
export function isRightToLeft(code: string | undefined): boolean {
  return code !== undefined && RTL.has(code);
}
