import { describe, expect, it } from 'vitest';
import { FILE_LINE_REFERENCE, readerNotes } from '../../../../src/lib/validate/rules/reader-notes';
import { brief, file, runRule } from './helpers';

const run = (notes: string, editorNotes?: string) =>
  runRule(readerNotes, file(`title: x\nnotes: ${JSON.stringify(notes)}${editorNotes ? `\neditor_notes: ${JSON.stringify(editorNotes)}` : ''}`));

describe('rule: reader-notes', () => {
  it('refuses a source file and line in notes, and says where it goes instead', () => {
    const r = run('No title on the page (001, line 18); the title is supplied.');
    expect(brief(r.problems)).toEqual([
      `3:8 notes notes is shown to readers but cites a source file or line ("(001,") (move the file and line reference to editor_notes, and in notes name the listing by its name (e.g. "UNODC's publications page"))`,
    ]);
    expect(r.claimed).toEqual(['notes']);
  });

  it('knows the ways the catalogue wrote references', () => {
    for (const text of ['lines 27-29', 'see line 5', '001:18', '002:5–16', '(004)', '001_3e4db16b36bc5885.txt']) {
      expect(FILE_LINE_REFERENCE.test(text), text).toBe(true);
    }
    for (const text of ["UNODC's publications page", 'the 2023 report', '(251 kB)', 'Resolution 1244', 'in 2012: a year']) {
      expect(FILE_LINE_REFERENCE.test(text), text).toBe(false);
    }
  });

  it('accepts a listing named by its name, and leaves editor_notes alone', () => {
    expect(run("UNODC's publications page lists it without a year.", 'Year missing (001, line 159).').problems).toEqual([]);
  });
});
