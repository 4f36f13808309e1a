/**
 * THE safe-URL rule, for an entry's `link`, links and images in bodies, and every page that writes one: an https://
 * address with a host and none of the characters a URL never holds raw (spaces, quotes, angle brackets…), which
 * could end an attribute or a page part early wherever the address is copied. Bodies may also link to #anchors.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NEVER_RAW = /[\s"<>`{}|\\^\u0000-\u001f\u007f]/;

export function isSafeUrl(url: string, options: { inPage?: boolean } = {}): boolean {
  if (options.inPage && /^#[\w-]*$/.test(url)) return true;
  return /^https:\/\/[^/?#]/i.test(url) && !NEVER_RAW.test(url) && URL.canParse(url);
}

/** The first character a URL may not hold raw, for the validator's message. */
export function unsafeCharacter(url: string): string | undefined {
  return NEVER_RAW.exec(url)?.[0];
}
