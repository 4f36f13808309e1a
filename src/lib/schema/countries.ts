import countries from 'i18n-iso-countries';

/**
 * Countries are stored as ISO 3166-1 alpha-2 codes in upper case. The list of valid codes comes from
 * `i18n-iso-countries` (which includes XK, Kosovo); display names come from the CLDR data in `Intl.DisplayNames`.
 */

/**
 * Codes that CLDR does not name correctly for a catalogue: `AN` was withdrawn in 2010 and `Intl.DisplayNames`
 * silently calls it "Curaçao"; Kosovo is named as the United Nations refers to it in its publications.
 */
const HISTORICAL: Record<string, string> = {
  AN: 'Netherlands Antilles',
  XK: 'Kosovo',
};

const CURRENT = new Set(Object.keys(countries.getAlpha2Codes()));
export const COUNTRY_CODES: readonly string[] = [...new Set([...CURRENT, ...Object.keys(HISTORICAL)])].sort();

const displayNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

export function isCountryCode(code: string): boolean {
  return CURRENT.has(code) || code in HISTORICAL;
}

/**
 * The English name of a country code. CLDR's short forms write "&" and "St."; a library catalogue spells them out
 * ("Trinidad and Tobago", "Saint Lucia").
 */
export function countryName(code: string): string {
  const historical = HISTORICAL[code];
  if (historical) return historical;
  const name = displayNames.of(code) ?? code;
  return name.replace(/ & /g, ' and ').replace(/\bSt\. /g, 'Saint ');
}

/** Every valid code with its display name, for did-you-mean look-ups by name. */
export function countryNames(): Array<{ code: string; name: string }> {
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code) }));
}
