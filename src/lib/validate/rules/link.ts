import { isSafeUrl, unsafeCharacter } from '../../entry/url';
import { error, quote } from '../problem';
import type { Rule } from './types';

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
    const bad = unsafeCharacter(v);
    if (!scheme || scheme[1]!.toLowerCase() !== 'https' || isSafeUrl(v) || bad === undefined) return [];
    const shown = /\s/.test(bad) ? 'a space' : quote(bad);
    return fail(`link contains ${shown}, which a URL never holds as it is`, `write it percent-encoded (${encodeURIComponent(bad)}), as the browser's address bar shows it`);
  },
};
