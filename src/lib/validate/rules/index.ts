/** Every rule, in the order they run. Each lives in its own file with its own unit tests. */
import { authors } from './authors';
import { bodyHtml } from './body-html';
import { bodyLinks } from './body-links';
import { countrySplit } from './country-split';
import { duplicates } from './duplicates';
import { fileName } from './file-name';
import { htmlInFields } from './html-in-fields';
import { invisibleCharacters } from './invisible-characters';
import { link } from './link';
import { readerNotes } from './reader-notes';
import { regionSplit } from './region-split';
import { slugClash } from './slug-clash';
import { titleScript } from './title-script';
import type { Rule, SetRule } from './types';
import { year } from './year';

export type { EntryContext, Rule, SetItem, SetRule } from './types';

/** Rules on one file. They run before the schema; what they claim, the schema does not repeat. */
export const ENTRY_RULES: readonly Rule[] = [
  fileName,
  invisibleCharacters,
  htmlInFields,
  year,
  authors,
  regionSplit,
  countrySplit,
  link,
  readerNotes,
  titleScript,
  bodyHtml,
  bodyLinks,
];

/** Rules across the files of a folder. */
export const SET_RULES: readonly SetRule[] = [duplicates, slugClash];
