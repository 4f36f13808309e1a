import { positionInText } from '../../entry/parse';
import { error, type Problem } from '../problem';
import type { Rule } from './types';

/**
 * Characters that are invisible or reorder text (Trojan Source), or are control characters. A leading BOM is
 * removed when the file is read; anywhere else U+FEFF is reported.
 */
const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (BOM)',
};

/**
 * Tabs and newlines are allowed; other C0/C1 controls are not. U+200C/U+200D are normal spelling in Persian, Urdu,
 * Arabic and Indic scripts: allowed between two letters of such a script, reported anywhere else.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;
/** The same characters, for a yes/no test (not global: no lastIndex state). */
const ANY_INVISIBLE = new RegExp(INVISIBLE.source, 'u');
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const NO_JOINERS = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]/u;
const joinsHere = (ch: string) => LETTER_OR_MARK.test(ch) && !NO_JOINERS.test(ch);

/** Each invisible character to report in `text`: its UTF-16 index and the character. */
export function findInvisible(text: string): Array<{ index: number; char: string }> {
  const out: Array<{ index: number; char: string }> = [];
  // Almost every text has none: one test, without the iterator and regex copy `matchAll` makes.
  if (!ANY_INVISIBLE.test(text)) return out;
  for (const m of text.matchAll(INVISIBLE)) {
    const ch = m[0];
    if (ch === '\u200C' || ch === '\u200D') {
      const before = [...text.slice(Math.max(0, m.index - 2), m.index)].pop() ?? '';
      const after = [...text.slice(m.index + 1, m.index + 3)][0] ?? '';
      if (joinsHere(before) && joinsHere(after)) continue;
    }
    out.push({ index: m.index, char: ch });
  }
  return out;
}

function describeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[cp] ?? 'CONTROL CHARACTER';
  return `${hex} ${name}`;
}

export const invisibleCharacters: Rule = {
  id: 'invisible-characters',
  description: 'no invisible, bidirectional-control or control characters in any field or in the body',
  check(ctx) {
    const problems: Problem[] = [];
    const fm = ctx.frontmatter;
    const split = ctx.split;
    if (fm && split) {
      for (const s of fm.strings) {
        const found = findInvisible(s.value);
        if (!found.length) continue;
        const first = found[0]!;
        // Point at the character in the source when it is written literally; else at the value.
        const raw = split.frontmatter.slice(s.offset, s.end);
        const idx = raw.indexOf(first.char);
        const pos = fm.position(idx >= 0 ? s.offset + idx : s.offset);
        const count = found.length;
        problems.push(
          error(ctx.file, `${s.isKey ? 'key' : 'value'} contains the invisible character ${describeChar(first.char)}${count > 1 ? ` (${count} in all)` : ''}`, {
            ...pos,
            field: s.path,
            suggestion: 'delete it: it is invisible but changes search, sorting or display',
          }),
        );
      }
    }
    if (split && split.body) {
      const found = findInvisible(split.body);
      if (found.length) {
        const first = found[0]!;
        const pos = positionInText(split.body, first.index);
        const count = found.length;
        problems.push(
          error(ctx.file, `body contains the invisible character ${describeChar(first.char)}${count > 1 ? ` (${count} in all)` : ''}`, {
            line: split.bodyStartLine + pos.line - 1,
            col: pos.col,
            suggestion: 'delete it; it is invisible but changes search or display',
          }),
        );
      }
    }
    return problems;
  },
};
