import { error, quote } from '../problem';
import type { Rule } from './types';

/**
 * A source-file reference in a note: "(001, line 18)", "lines 27-29", "001:18", "(004)", "001_3e4d….txt". Seed files
 * are numbered 000, 001, … (docs/DATA.md), so a bare number counts only with its leading zero ("(251 kB)" does not).
 */
export const FILE_LINE_REFERENCE = /\blines?\s+\d+|\b0\d{2}\s*:\s*\d+|\(\s*0\d{2}\s*[,;)]|\b\d{3}_[0-9a-f]{8,}\b/i;

/** `notes` is shown to readers: it names a source listing by its name, never by file number or line. */
export const readerNotes: Rule = {
  id: 'reader-notes',
  description: 'notes (shown to readers) cite no source file or line; those go in editor_notes',
  check(ctx) {
    const value = ctx.data?.notes;
    if (typeof value !== 'string') return [];
    const m = FILE_LINE_REFERENCE.exec(value);
    if (!m) return [];
    ctx.claim('notes');
    return [
      error(ctx.file, `notes is shown to readers but cites a source file or line (${quote(m[0].trim())})`, {
        ...ctx.at('notes'),
        suggestion:
          "move the file and line reference to editor_notes, and in notes name the listing by its name (e.g. \"UNODC's publications page\")",
      }),
    ];
  },
};
