import { isSafeUrl, unsafeCharacter } from '../../entry/url';
import { error, quote } from '../problem';
import type { Rule } from './types';

/**
 * The URL with what may not stand in it percent-encoded (spaces, <, >, quotes…), the form a browser's address bar
 * copies: "https://a.org/a b" → "https://a.org/a%20b". Undefined when encoding cannot make it safe.
 */
function percentEncoded(url: string): string | undefined {
  const encoded = encodeURI(url.replace(/%(?![0-9a-f]{2})/gi, '%25'))
    .replace(/%25([0-9a-f]{2})/gi, '%$1')
    .replace(/[`{}|\\^]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return isSafeUrl(encoded) ? encoded : undefined;
}

/** `link` must be https://. Say why not, and give the https form where there is one. */
export const link: Rule = {
  id: 'link',
  description: 'link is an https:// URL (http: gets the https form; javascript:, data: and others are refused)',
  check(ctx) {
    const value = ctx.data?.link;
    if (typeof value !== 'string') return [];
    const v = value.trim();
    const fail = (message: string, suggestion: string) => {
      ctx.claim('link');
      return [error(ctx.file, message, { ...ctx.at('link'), suggestion })];
    };
    if (/^http:\/\//i.test(v)) {
      return fail('link uses http://; only https:// links are allowed', `use link: ${v.replace(/^http:/i, "https:")} and check that it opens`);
    }
    // eslint-disable-next-line no-control-regex -- control characters hidden in a scheme are what it looks for
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(v.replace(/[\s\u0000-\u001f]+/g, ''));
    if (scheme && scheme[1]!.toLowerCase() !== 'https') {
      return fail(`link uses the ${scheme[1]!.toLowerCase()}: scheme; only https:// links are allowed`, 'use the https:// address of the page or PDF');
    }
    if (!scheme && /^(?:www\.|[a-z0-9-]+\.[a-z]{2,}\/?)/i.test(v)) {
      return fail(`link ${quote(v)} has no https://`, `use link: https://${v.replace(/^\/+/, '')}`);
    }
    if (!scheme || isSafeUrl(v) || unsafeCharacter(v) === undefined) return [];
    const bad = [...new Set([...v].filter((c) => unsafeCharacter(c) !== undefined))]
      .map((c) => (c === ' ' ? 'a space' : /\s/.test(c) ? 'a line break or tab' : quote(c)))
      .join(', ');
    const fixed = percentEncoded(v);
    return fail(
      `link is not a well-formed URL: it contains ${bad}`,
      fixed
        ? `copy the address from the browser's address bar, or write it percent-encoded: link: ${fixed}`
        : "copy the address from the browser's address bar",
    );
  },
};
