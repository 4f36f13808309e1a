/** The kinds of publication, as stored in entries (key) and shown to readers (label). */
export const CATEGORIES = {
  report: 'Report',
  toolkit: 'Toolkit',
  manual: 'Manual',
  handbook: 'Handbook',
  guidance: 'Guidance',
  training: 'Training material',
  'issue-paper': 'Issue paper',
  'policy-brief': 'Policy brief',
  'model-law': 'Model law',
  'legal-review': 'Legal review',
  'case-digest': 'Case digest',
  assessment: 'Assessment',
  bibliography: 'Bibliography',
  strategy: 'Strategy',
  study: 'Study',
  other: 'Other',
} as const;

export type Category = keyof typeof CATEGORIES;
export const CATEGORY_KEYS = Object.keys(CATEGORIES) as [Category, ...Category[]];

export function categoryLabel(key: Category): string {
  return CATEGORIES[key];
}
