/**
 * The search quality query set: what a prosecutor, a police trainer, a case worker, a journalist or a researcher
 * types, over the REAL catalogue (content/publications), each with the publications that must come up in the first
 * five results. tests/browser/search-quality.test.ts runs every case through the search page and through stock
 * Pagefind on the same index, and prints both hit rates; tests/search-quality.md records them.
 *
 * Written from the entries themselves (titles, summaries, authors, countries, and the full text of the 2023 TIP
 * Report introduction), not from what the search happened to return. When the catalogue changes, a case may need
 * its expectation updated; never change a case just to make it pass.
 */
export type QueryKind =
  | 'title'
  | 'topic'
  | 'acronym'
  | 'author'
  | 'place'
  | 'variant'
  | 'misspelling'
  | 'filter'
  | 'full text'
  | 'question'
  | 'plural';

export interface QueryCase {
  kind: QueryKind;
  /** What the reader types. */
  q: string;
  /** Ticked filters (human names, as on the browse pages). */
  filters?: Record<string, string[]>;
  /** Slugs that must be among the first five results. */
  expect: string[];
  /** How many of `expect` must be there (default: all of them). */
  atLeast?: number;
  /** For full text: the section (heading id) of the first expected entry that a result must link to. */
  anchor?: string;
}

const TIP_2023 = '2023-trafficking-in-persons-report';
const GLOBAL_REPORTS = [2009, 2012, 2014, 2016, 2020].map((y) => `global-report-on-trafficking-in-persons-${y}`);
const ASIA_SMUGGLING = [
  'migrant-smuggling-in-asia-a-thematic-review-of-literature',
  'migrant-smuggling-in-asia-an-annotated-bibliography-vol-2',
  'migrant-smuggling-in-asia-an-annotated-bibliography',
  'migrant-smuggling-in-asia-current-trends-and-related',
];

export const QUERIES: QueryCase[] = [
  // Titles, whole or in part.
  { kind: 'title', q: 'Caring for Trafficked Persons', expect: ['caring-for-trafficked-persons-guidance-for-health-providers'] },
  {
    kind: 'title',
    q: 'toolkit to combat trafficking in persons',
    expect: ['toolkit-to-combat-trafficking-in-persons-2006', 'toolkit-to-combat-trafficking-in-persons-updated-edition'],
  },
  { kind: 'title', q: 'global report on trafficking in persons', expect: GLOBAL_REPORTS, atLeast: 4 },
  { kind: 'title', q: 'model law against trafficking in persons', expect: ['model-law-against-trafficking-in-persons'] },
  { kind: 'title', q: 'Unseen, Unheard', expect: ['unseen-unheard-gender-based-violence-in-disasters-global'] },
  { kind: 'title', q: 'pivoting toward the evidence', expect: ['pivoting-toward-the-evidence-building-effective-counter'] },
  { kind: 'title', q: 'global slavery index 2018', expect: ['the-global-slavery-index-2018-europe-and-central-asia-report'] },
  { kind: 'title', q: 'first aid kit', expect: ['first-aid-kit-for-use-by-law-enforcement-first-responders'] },
  { kind: 'title', q: 'VITA', expect: ['vita'] },
  { kind: 'title', q: '2023 Trafficking in Persons Report', expect: [TIP_2023] },
  { kind: 'title', q: 'HTMSS annual report', expect: ['htmss-annual-report-2017', 'htmss-annual-report-2018'] },

  // Topics a practitioner searches for.
  { kind: 'topic', q: 'organ removal', expect: ['toolkit-on-trafficking-in-persons-for-the-purpose-of-organ'] },
  { kind: 'topic', q: 'fishing industry', expect: ['issue-paper-on-transnational-organized-crime-in-the-fishing'] },
  { kind: 'topic', q: 'smuggling of migrants by sea', expect: ['issue-paper-on-smuggling-of-migrants-by-sea'] },
  {
    kind: 'topic',
    q: 'abuse of a position of vulnerability',
    expect: ['issue-paper-on-abuse-of-a-position-of-vulnerability', 'guidance-note-on-abuse-of-a-position-of-vulnerability'],
  },
  { kind: 'topic', q: 'Islamic law', expect: ['combating-trafficking-in-persons-in-accordance'] },
  { kind: 'topic', q: 'journalists', expect: ['toolkit-for-journalists-reporting-on-human-trafficking'] },
  {
    kind: 'topic',
    q: 'parliamentarians',
    expect: ['combating-trafficking-in-persons-a-handbook', 'manual-for-parliamentarians-in-afghanistan-on-combating'],
  },
  { kind: 'topic', q: 'consent', expect: ['issue-paper-on-the-role-of-consent-in-the-definition'] },
  { kind: 'topic', q: 'shelter homes for women', expect: ['manual-for-staff-of-shelter-homes-for-women-in-india'] },
  { kind: 'topic', q: 'national referral mechanism', expect: ['national-referral-mechanisms-for-victims-of-human'] },
  { kind: 'topic', q: 'ethical recruitment', expect: ['worker-driven-ethical-recruitment-toolkit'] },
  { kind: 'topic', q: 'gender-based violence in disasters', expect: ['unseen-unheard-gender-based-violence-in-disasters-global'] },
  {
    kind: 'topic',
    q: 'technology',
    expect: ['leveraging-innovation-to-fight-trafficking-in-human-beings', TIP_2023],
  },
  {
    kind: 'topic',
    q: 'survivors',
    expect: [TIP_2023, '2022-trafficking-in-persons-report', 'vita', 'measurement-action-freedom-an-independent-assessment'],
    atLeast: 3,
  },
  {
    kind: 'topic',
    q: 'supply chains',
    expect: ['ending-human-trafficking-in-the-twenty-first-century', 'measurement-action-freedom-an-independent-assessment', TIP_2023],
  },
  {
    kind: 'topic',
    q: 'money laundering',
    expect: ['legal-review-on-trafficking-in-persons-in-the-caribbean', 'unodc-strategic-approach-to-the-smuggling-of-migrants'],
  },
  // A title match must beat the one long full text, which uses these words dozens of times.
  { kind: 'topic', q: 'civil society', expect: ['human-trafficking-in-the-baltic-sea-region-state-and-civil'] },
  { kind: 'topic', q: 'law enforcement', expect: ['first-aid-kit-for-use-by-law-enforcement-first-responders'] },
  {
    kind: 'topic',
    q: 'victims of trafficking',
    expect: ['non-punishment-of-victims-of-trafficking', 'icat-issue-paper-on-access-to-effective-remedies-for-victims'],
  },
  { kind: 'topic', q: 'partnership', expect: [TIP_2023] },
  { kind: 'topic', q: 'child soldiers', expect: ['understanding-human-trafficking-in-conflict'] },
  {
    kind: 'topic',
    q: 'smuggling of migrants protocol',
    expect: ['international-framework-for-action-smuggling-of-migrants', 'the-concept-of-financial-or-other-material-benefit'],
  },
  { kind: 'topic', q: 'human smuggling', expect: ['global-review-and-annotated-bibliography-of-recent'] },
  { kind: 'topic', q: 'corruption', expect: ['issue-paper-on-corruption-and-trafficking-in-persons', 'issue-paper-on-corruption-and-the-smuggling-of-migrants'] },

  // Organisations by acronym or full name (each finds the other).
  { kind: 'acronym', q: 'ILO', expect: ['international-framework-for-action-trafficking-in-persons'] },
  { kind: 'acronym', q: 'International Labour Organization', expect: ['international-framework-for-action-trafficking-in-persons'] },
  {
    kind: 'acronym',
    q: 'Inter-Agency Coordination Group against Trafficking in Persons',
    expect: [
      'non-punishment-of-victims-of-trafficking',
      'preventing-trafficking-in-persons-by-addressing-demand',
      'pivoting-toward-the-evidence-building-effective-counter',
      'a-toolkit-for-guidance-in-designing-and-evaluating-counter',
      'introduction-to-five-key-challenges-in-combating-trafficking',
      'the-international-legal-frameworks-concerning-trafficking',
      'icat-issue-paper-on-access-to-effective-remedies-for-victims',
    ],
    atLeast: 4,
  },
  { kind: 'acronym', q: 'Council on Foreign Relations', expect: ['ending-human-trafficking-in-the-twenty-first-century'] },
  { kind: 'acronym', q: 'CFR', expect: ['ending-human-trafficking-in-the-twenty-first-century'] },
  { kind: 'acronym', q: 'UNHCR', expect: ['developing-standard-operating-procedures-to-facilitate'] },
  {
    kind: 'acronym',
    q: 'United Nations High Commissioner for Refugees',
    expect: ['developing-standard-operating-procedures-to-facilitate'],
  },
  { kind: 'acronym', q: 'UN Women', expect: ['legal-and-policy-review-of-responses-to-human-trafficking'] },
  { kind: 'acronym', q: 'IFRC', expect: ['unseen-unheard-gender-based-violence-in-disasters-global'] },
  {
    kind: 'acronym',
    q: 'OSCE',
    expect: [
      'leveraging-innovation-to-fight-trafficking-in-human-beings',
      'simulation-based-training-exercises-to-combat-human',
      'course-and-curriculum-on-combating-human-trafficking',
    ],
    atLeast: 2,
  },
  {
    kind: 'acronym',
    q: 'Organization for Security and Co-operation in Europe',
    expect: [
      'leveraging-innovation-to-fight-trafficking-in-human-beings',
      'simulation-based-training-exercises-to-combat-human',
      'course-and-curriculum-on-combating-human-trafficking',
    ],
    atLeast: 2,
  },
  { kind: 'acronym', q: 'UNICEF', expect: ['international-framework-for-action-trafficking-in-persons'] },
  { kind: 'acronym', q: "United Nations Children's Fund", expect: ['international-framework-for-action-trafficking-in-persons'] },
  {
    kind: 'acronym',
    q: 'State Department',
    expect: ['2017-trafficking-in-persons-report', '2022-trafficking-in-persons-report', TIP_2023],
  },
  {
    kind: 'acronym',
    q: 'Palermo Protocol',
    expect: [
      'issue-paper-on-the-concept-of-exploitation',
      'review-of-the-ten-years-since-the-adoption',
      'international-framework-for-action-trafficking-in-persons',
      'model-law-against-trafficking-in-persons',
    ],
    atLeast: 2,
  },
  { kind: 'acronym', q: 'ECOWAS', expect: ['training-manual-assistance-for-the-implementation'] },
  {
    kind: 'acronym',
    q: 'Economic Community of West African States',
    expect: ['training-manual-assistance-for-the-implementation'],
  },
  { kind: 'acronym', q: 'Tech Against Trafficking', expect: ['leveraging-innovation-to-fight-trafficking-in-human-beings'] },
  {
    kind: 'acronym',
    q: 'United Nations Office on Drugs and Crime toolkit',
    expect: [
      'toolkit-to-combat-trafficking-in-persons-2006',
      'toolkit-to-combat-trafficking-in-persons-updated-edition',
      'needs-assessment-toolkit-on-the-criminal-justice-response',
      'first-aid-kit-for-use-by-law-enforcement-first-responders',
    ],
    atLeast: 2,
  },

  // People and organisations as authors.
  {
    kind: 'author',
    q: 'Vogelstein',
    expect: ['ending-human-trafficking-in-the-twenty-first-century', 'understanding-human-trafficking-in-conflict'],
  },
  { kind: 'author', q: 'Jobe', expect: ['the-causes-and-consequences-of-re-trafficking-evidence'] },
  { kind: 'author', q: 'Borg Jansson', expect: ['modern-slavery-a-comparative-study-of-the-definition'] },
  { kind: 'author', q: 'Lucia Bird', expect: ['smuggling-in-the-time-of-covid-19'] },
  { kind: 'author', q: 'Issara Institute', expect: ['worker-driven-ethical-recruitment-toolkit'] },
  {
    kind: 'author',
    q: 'Walk Free',
    expect: ['measurement-action-freedom-an-independent-assessment', 'the-global-slavery-index-2018-europe-and-central-asia-report'],
  },
  {
    kind: 'author',
    q: 'UNODC Regional Office for South Asia',
    expect: [
      'compilation-prepared-with-police-agencies-in-india-on-human',
      'successful-ngo-initiatives-against-human-trafficking',
      'study-of-irregular-migration-from-tamil-nadu',
    ],
    atLeast: 2,
  },
  { kind: 'author', q: 'Liu', expect: ['national-referral-mechanisms-for-victims-of-human'] },

  // Countries and places, national and sub-national.
  { kind: 'place', q: 'Moldova', expect: ['course-and-curriculum-on-combating-human-trafficking'] },
  { kind: 'place', q: 'Punjab', expect: ['study-of-irregular-migration-from-punjab-and-haryana'] },
  { kind: 'place', q: 'Jalandhar', expect: ['study-of-irregular-migration-from-punjab-and-haryana'] },
  { kind: 'place', q: 'Tamil Nadu', expect: ['study-of-irregular-migration-from-tamil-nadu'] },
  { kind: 'place', q: 'Kosovo', expect: ['needs-assessment-human-trafficking-in-the-western-balkans'] },
  { kind: 'place', q: 'FYROM', expect: ['needs-assessment-human-trafficking-in-the-western-balkans'] },
  { kind: 'place', q: 'Baltic Sea', expect: ['human-trafficking-in-the-baltic-sea-region-state-and-civil'] },
  { kind: 'place', q: 'Trinidad and Tobago', expect: ['legal-review-on-trafficking-in-persons-in-the-caribbean'] },
  { kind: 'place', q: 'Costa Rica', expect: ['assessment-of-the-institutions-investigating-prosecuting'] },
  { kind: 'place', q: 'Afghanistan', expect: ['manual-for-parliamentarians-in-afghanistan-on-combating'] },
  { kind: 'place', q: 'Mediterranean', expect: ['unodc-strategic-approach-to-the-smuggling-of-migrants'] },
  {
    kind: 'place',
    q: 'Holland',
    expect: ['the-global-slavery-index-2018-europe-and-central-asia-report', 'issue-paper-on-abuse-of-a-position-of-vulnerability'],
    atLeast: 1,
  },
  { kind: 'place', q: 'Nepal', expect: ['legal-and-policy-review-of-responses-to-human-trafficking'] },
  {
    kind: 'place',
    q: 'South Asia',
    expect: [
      'successful-ngo-initiatives-against-human-trafficking',
      'legal-and-policy-review-of-responses-to-human-trafficking',
      'compilation-prepared-with-police-agencies-in-india-on-human',
    ],
    atLeast: 2,
  },
  { kind: 'place', q: 'Black Sea', expect: ['model-guide-on-strengthening-national-criminal-justice'] },
  { kind: 'place', q: 'Nigeria police', expect: ['community-engagement-in-preventing-and-responding-to-gender'] },

  // Spellings: US and UK, hyphens, numbers with punctuation.
  { kind: 'variant', q: 'labor exploitation', expect: ['preventing-trafficking-in-persons-by-addressing-demand'] },
  {
    kind: 'variant',
    q: 'organized crime smuggling',
    expect: ['study-on-the-involvement-of-organized-crime-in-trafficking', 'organized-crime-involvement-in-the-smuggling-of-migrants'],
  },
  { kind: 'variant', q: 'counter trafficking programs', expect: ['a-toolkit-for-guidance-in-designing-and-evaluating-counter'] },
  { kind: 'variant', q: 'retrafficking', expect: ['the-causes-and-consequences-of-re-trafficking-evidence'] },
  { kind: 'variant', q: 're trafficking', expect: ['the-causes-and-consequences-of-re-trafficking-evidence'] },
  { kind: 'variant', q: 'COVID 19 smuggling', expect: ['smuggling-in-the-time-of-covid-19'] },
  { kind: 'variant', q: 'SDG 8.7', expect: ['measurement-action-freedom-an-independent-assessment'] },
  {
    kind: 'variant',
    q: 'victim centered',
    expect: ['2022-trafficking-in-persons-report', 'comparison-of-the-responses-of-the-united-states-and-sweden'],
    atLeast: 1,
  },
  { kind: 'variant', q: 'criminalizing the purchase of sex', expect: ['comparison-of-the-responses-of-the-united-states-and-sweden'] },
  { kind: 'variant', q: 'migrant smuggling Bali Process', expect: ['migrant-smuggling-in-asia-an-annotated-bibliography-vol-2'] },

  // Misspellings.
  { kind: 'misspelling', q: 'handbok for parliamentarians', expect: ['combating-trafficking-in-persons-a-handbook'] },
  { kind: 'misspelling', q: 'smuggeling of migrants by air', expect: ['issue-paper-on-smuggling-of-migrants-by-air'] },
  {
    kind: 'misspelling',
    q: 'vulnerabilty',
    expect: ['issue-paper-on-abuse-of-a-position-of-vulnerability', 'guidance-note-on-abuse-of-a-position-of-vulnerability'],
  },
  {
    kind: 'misspelling',
    q: 'Vogelstien',
    expect: ['ending-human-trafficking-in-the-twenty-first-century', 'understanding-human-trafficking-in-conflict'],
  },
  { kind: 'misspelling', q: 'Afganistan', expect: ['manual-for-parliamentarians-in-afghanistan-on-combating'] },
  { kind: 'misspelling', q: 'jounalists', expect: ['toolkit-for-journalists-reporting-on-human-trafficking'] },
  { kind: 'misspelling', q: 'exploitaton of migrants', expect: ['thematic-paper-on-the-exploitation-of-migrants-global'] },
  { kind: 'misspelling', q: 'Mediteranean', expect: ['unodc-strategic-approach-to-the-smuggling-of-migrants'] },
  { kind: 'misspelling', q: 'Kosvo', expect: ['needs-assessment-human-trafficking-in-the-western-balkans'] },
  { kind: 'misspelling', q: 'Islamc law', expect: ['combating-trafficking-in-persons-in-accordance'] },
  {
    kind: 'misspelling',
    q: 'forced labuor',
    expect: ['ending-human-trafficking-in-the-twenty-first-century', 'understanding-human-trafficking-in-conflict'],
  },
  { kind: 'misspelling', q: 'ECOWSA', expect: ['training-manual-assistance-for-the-implementation'] },

  // Filters, with and without words.
  { kind: 'filter', q: 'smuggling', filters: { region: ['Asia and the Pacific'] }, expect: ASIA_SMUGGLING, atLeast: 3 },
  {
    kind: 'filter',
    q: '',
    filters: { country: ['India'] },
    expect: [
      'compilation-prepared-with-police-agencies-in-india-on-human',
      'manual-for-staff-of-shelter-homes-for-women-in-india',
      'study-of-irregular-migration-from-punjab-and-haryana',
      'study-of-irregular-migration-from-tamil-nadu',
      'legal-and-policy-review-of-responses-to-human-trafficking',
    ],
    atLeast: 4,
  },
  {
    kind: 'filter',
    q: 'toolkit',
    filters: { category: ['Toolkit'], language: ['Arabic'] },
    expect: [
      'toolkit-to-combat-smuggling-of-migrants',
      'toolkit-to-combat-trafficking-in-persons-updated-edition',
      'needs-assessment-toolkit-on-the-criminal-justice-response',
    ],
  },
  {
    kind: 'filter',
    q: 'report',
    filters: { author: ['United States Department of State'] },
    expect: ['2017-trafficking-in-persons-report', '2022-trafficking-in-persons-report', TIP_2023],
  },
  {
    kind: 'filter',
    q: 'covid',
    filters: { year: ['2020'] },
    expect: [
      'covid-19-impact-on-trafficking-in-persons-a-protection',
      'smuggling-in-the-time-of-covid-19',
      'implications-of-covid-19-for-the-prevention-of-and-response',
    ],
  },
  {
    kind: 'filter',
    q: 'migrants',
    filters: { region: ['Middle East and North Africa', 'West and Central Africa'] },
    expect: [
      'smuggling-of-migrants-into-through-and-from-north-africa',
      'unodc-strategic-approach-to-the-smuggling-of-migrants',
      'organized-crime-involvement-in-the-smuggling-of-migrants',
    ],
    atLeast: 2,
  },

  // Phrases from deep inside the one long full text, linking to their section.
  { kind: 'full text', q: 'Quizrr', expect: [TIP_2023], anchor: 'partnerships-for-monitoring-and-eliminating-forced-labor-in-supply-chains-and-enhancing-worker-protections' },
  { kind: 'full text', q: 'threat multiplier', expect: [TIP_2023], anchor: 'partner-to-protect-multi-stakeholder-approaches-to-addressing-impacts-of-climate-change-on-human-trafficking' },
  { kind: 'full text', q: 'Kathmandu', expect: [TIP_2023], anchor: 'partnerships-to-address-cross-border-trafficking' },
  { kind: 'full text', q: 'wage theft money laundering', expect: [TIP_2023], anchor: 'partnerships-to-further-investigations' },
  { kind: 'full text', q: 'mobile teams social workers', expect: [TIP_2023], anchor: 'the-role-of-partnerships-in-supporting-the-3p-framework' },
  { kind: 'full text', q: 'Tunisia survivors council', expect: [TIP_2023], anchor: 'partnerships-with-survivors' },
  { kind: 'full text', q: 'Accelerator Program', expect: [TIP_2023], anchor: 'partnerships-to-advance-technology-and-innovation-for-anti-trafficking-purposes' },

  // Questions in plain words (issue 19): stop words left out, and when all the words never meet, the publications
  // with most of them.
  { kind: 'question', q: 'what counts as financial or other material benefit in smuggling', expect: ['the-concept-of-financial-or-other-material-benefit'] },
  { kind: 'question', q: 'how should journalists report on human trafficking', expect: ['toolkit-for-journalists-reporting-on-human-trafficking'] },
  { kind: 'question', q: 'what is the concept of exploitation', expect: ['issue-paper-on-the-concept-of-exploitation'] },
  {
    kind: 'question',
    q: 'how can parliamentarians combat trafficking in persons',
    expect: ['combating-trafficking-in-persons-a-handbook', 'manual-for-parliamentarians-in-afghanistan-on-combating'],
  },
  // Plurals of words the entries use in the singular.
  { kind: 'plural', q: 'toolkits for journalists', expect: ['toolkit-for-journalists-reporting-on-human-trafficking'] },
  { kind: 'plural', q: 'handbooks for parliamentarians', expect: ['combating-trafficking-in-persons-a-handbook'] },
  { kind: 'plural', q: 'organs', expect: ['toolkit-on-trafficking-in-persons-for-the-purpose-of-organ'] },
  // Acronyms: one the catalogue only spells out (BSEC, in the hand-kept table), one it spells out with its acronym
  // in a title (PGI, found automatically at build time).
  { kind: 'acronym', q: 'BSEC', expect: ['model-guide-on-strengthening-national-criminal-justice'] },
  { kind: 'acronym', q: 'Black Sea Economic Cooperation', expect: ['model-guide-on-strengthening-national-criminal-justice'] },
  { kind: 'acronym', q: 'PGI', expect: ['covid-19-impact-on-trafficking-in-persons-a-protection'] },
  // Typos of the commonest words.
  {
    kind: 'misspelling',
    q: 'trafficing in persons toolkit',
    expect: ['toolkit-to-combat-trafficking-in-persons-2006', 'toolkit-to-combat-trafficking-in-persons-updated-edition'],
  },
  { kind: 'misspelling', q: 'victms non punishment', expect: ['non-punishment-of-victims-of-trafficking'] },
  { kind: 'misspelling', q: 'smugling of migrants toolkit', expect: ['toolkit-to-combat-smuggling-of-migrants'] },
  { kind: 'misspelling', q: 'traffiking in persons report 2023', expect: ['2023-trafficking-in-persons-report'] },
];
