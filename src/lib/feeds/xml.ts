import { escapeUTF8 } from 'entities';

/** Small, strict helpers for writing XML by hand (feeds, sitemap, OpenSearch): escape once, drop what XML forbids. */

/** Characters XML 1.0 does not allow at all (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML element content and attribute values (both quote kinds), after dropping forbidden characters. */
export function escapeXml(text: string): string {
  return escapeUTF8(text.replace(NOT_XML, ''));
}

/** `<name a="1">text</name>`, or a self-closing element without text. Attribute values and text are escaped. */
export function element(name: string, attributes: Record<string, string | undefined>, text?: string): string {
  const attrs = Object.entries(attributes)
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  return text === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${escapeXml(text)}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';
