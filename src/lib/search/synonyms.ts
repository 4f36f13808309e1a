/**
 * THE synonym table of the search: names that mean the same thing, so that a reader who types one finds entries
 * that use another. Acronyms and full names of organisations, other names of places, and a few terms of the
 * field. Keep ONE list here; src/lib/search/expand.ts applies it when the index is built (the names an entry
 * does not use are added to it as hidden, searchable words), so no query-time rewriting is needed.
 *
 * How a name matches an entry's text:
 * - words are compared as Pagefind compares them (lower case, punctuation removed: "Co-operation" = "cooperation",
 *   "U.S." = "US"), and US and UK spellings count as the same word (see SPELLING_VARIANTS);
 * - a word written here in capitals (an acronym: "US", "UN", "ILO", "TIP") only matches that word in capitals in
 *   the text, so "let us" is not "United States" and "a tip" is not "Trafficking in Persons";
 * - a name matches only as a whole run of words ("UN Women" needs "UN" followed by "Women").
 *
 * Adding a group: the first name is the one a reader most often types; order does not matter otherwise. A name
 * belongs to one group only. Avoid names that are also common words or parts of other names ("America" is part
 * of "Central America"; "Congo" alone is two countries).
 */
export interface SynonymGroup {
  kind: 'organisation' | 'place' | 'term' | 'instrument';
  names: readonly string[];
}

export const SYNONYMS: readonly SynonymGroup[] = [
  // Organisations: acronyms and full names as they are credited in the catalogue and its sources.
  { kind: 'organisation', names: ['IOM', 'International Organization for Migration', 'UN Migration'] },
  { kind: 'organisation', names: ['UNODC', 'United Nations Office on Drugs and Crime', 'UN Office on Drugs and Crime'] },
  {
    kind: 'organisation',
    names: ['ICAT', 'Inter-Agency Coordination Group against Trafficking in Persons', 'Inter-Agency Coordination Group against Trafficking'],
  },
  { kind: 'organisation', names: ['CFR', 'Council on Foreign Relations'] },
  { kind: 'organisation', names: ['OSCE', 'Organization for Security and Co-operation in Europe'] },
  { kind: 'organisation', names: ['ODIHR', 'Office for Democratic Institutions and Human Rights'] },
  {
    kind: 'organisation',
    names: ['UNHCR', 'United Nations High Commissioner for Refugees', 'UN Refugee Agency', 'Office of the United Nations High Commissioner for Refugees'],
  },
  {
    kind: 'organisation',
    names: ['OHCHR', 'Office of the High Commissioner for Human Rights', 'UN Human Rights Office'],
  },
  { kind: 'organisation', names: ['ILO', 'International Labour Organization', 'International Labour Office'] },
  { kind: 'organisation', names: ['UNICEF', "United Nations Children's Fund", 'UN Children’s Fund'] },
  {
    kind: 'organisation',
    names: ['UN Women', 'United Nations Entity for Gender Equality and the Empowerment of Women'],
  },
  { kind: 'organisation', names: ['UNDP', 'United Nations Development Programme'] },
  { kind: 'organisation', names: ['UNFPA', 'United Nations Population Fund'] },
  { kind: 'organisation', names: ['UNICRI', 'United Nations Interregional Crime and Justice Research Institute'] },
  { kind: 'organisation', names: ['UN.GIFT', 'Global Initiative to Fight Human Trafficking'] },
  { kind: 'organisation', names: ['EU', 'European Union'] },
  { kind: 'organisation', names: ['UN', 'United Nations'] },
  { kind: 'organisation', names: ['CoE', 'Council of Europe'] },
  {
    kind: 'organisation',
    names: ['GRETA', 'Group of Experts on Action against Trafficking in Human Beings'],
  },
  { kind: 'organisation', names: ['IPU', 'Inter-Parliamentary Union'] },
  { kind: 'organisation', names: ['TAT', 'Tech Against Trafficking'] },
  { kind: 'organisation', names: ['ECOWAS', 'Economic Community of West African States'] },
  { kind: 'organisation', names: ['ASEAN', 'Association of Southeast Asian Nations'] },
  { kind: 'organisation', names: ['SADC', 'Southern African Development Community'] },
  { kind: 'organisation', names: ['AU', 'African Union'] },
  { kind: 'organisation', names: ['OAS', 'Organization of American States'] },
  { kind: 'organisation', names: ['CBSS', 'Council of the Baltic Sea States'] },
  {
    kind: 'organisation',
    names: ['ILANUD', 'United Nations Latin American Institute for the Prevention of Crime and the Treatment of Offenders'],
  },
  { kind: 'organisation', names: ['IRCP', 'Institute for International Research on Criminal Policy'] },
  { kind: 'organisation', names: ['NIMHANS', 'National Institute of Mental Health and Neuro Sciences', 'National Institute of Mental Health and Neurosciences'] },
  { kind: 'organisation', names: ['GMG', 'Global Migration Group'] },
  { kind: 'organisation', names: ['GPC', 'Global Protection Cluster'] },
  { kind: 'organisation', names: ['ECPAT', 'End Child Prostitution and Trafficking'] },
  { kind: 'organisation', names: ['GAATW', 'Global Alliance Against Traffic in Women'] },
  { kind: 'organisation', names: ['INTERPOL', 'International Criminal Police Organization'] },
  { kind: 'organisation', names: ['Europol', 'European Union Agency for Law Enforcement Cooperation'] },
  { kind: 'organisation', names: ['USAID', 'United States Agency for International Development'] },
  {
    kind: 'organisation',
    names: ['State Department', 'Department of State', 'DOS'],
  },
  {
    kind: 'organisation',
    names: ['J/TIP', 'Office to Monitor and Combat Trafficking in Persons', 'TIP Office'],
  },
  { kind: 'organisation', names: ['LSHTM', 'London School of Hygiene and Tropical Medicine', 'London School of Hygiene & Tropical Medicine'] },
  { kind: 'organisation', names: ['Walk Free', 'Walk Free Foundation'] },
  { kind: 'organisation', names: ['NIJ', 'National Institute of Justice'] },
  // Credited in full on the Black Sea model guide, never with its acronym (so acronyms.ts cannot find it).
  { kind: 'organisation', names: ['BSEC', 'Organization of the Black Sea Economic Cooperation', 'Black Sea Economic Cooperation'] },
  { kind: 'organisation', names: ['SRSG-SVC', 'Special Representative of the Secretary-General on Sexual Violence in Conflict'] },

  // Instruments and programmes.
  {
    kind: 'instrument',
    names: [
      'Palermo Protocol',
      'Trafficking in Persons Protocol',
      'TIP Protocol',
      'Protocol to Prevent, Suppress and Punish Trafficking in Persons',
    ],
  },
  {
    kind: 'instrument',
    names: ['Smuggling of Migrants Protocol', 'Migrant Smuggling Protocol', 'Protocol against the Smuggling of Migrants'],
  },
  {
    kind: 'instrument',
    names: ['UNTOC', 'Organized Crime Convention', 'United Nations Convention against Transnational Organized Crime'],
  },
  { kind: 'instrument', names: ['TVPA', 'Trafficking Victims Protection Act'] },
  { kind: 'instrument', names: ['TIP Report', 'Trafficking in Persons Report'] },
  { kind: 'instrument', names: ['GLOTIP', 'Global Report on Trafficking in Persons'] },
  { kind: 'instrument', names: ['SDG', 'SDGs', 'Sustainable Development Goal', 'Sustainable Development Goals'] },
  { kind: 'instrument', names: ['NRM', 'National Referral Mechanism', 'National Referral Mechanisms'] },
  { kind: 'instrument', names: ['SOP', 'SOPs', 'Standard Operating Procedures', 'Standard Operating Procedure'] },

  // Terms of the field that mean the same thing.
  {
    kind: 'term',
    names: ['human trafficking', 'trafficking in persons', 'trafficking in human beings', 'THB', 'trafficking of persons'],
  },
  { kind: 'term', names: ['migrant smuggling', 'smuggling of migrants', 'people smuggling', 'human smuggling'] },
  { kind: 'term', names: ['GBV', 'gender-based violence'] },
  { kind: 'term', names: ['CRSV', 'conflict-related sexual violence'] },
  { kind: 'term', names: ['NGO', 'NGOs', 'non-governmental organization', 'non-governmental organizations'] },
  { kind: 'term', names: ['CSO', 'CSOs', 'civil society organization', 'civil society organizations'] },
  { kind: 'term', names: ['IDP', 'IDPs', 'internally displaced persons', 'internally displaced people', 'internal displacement'] },
  { kind: 'term', names: ['COVID-19', 'coronavirus', 'SARS-CoV-2', 'Covid'] },
  { kind: 'term', names: ['organ trafficking', 'organ removal', 'trafficking in organs'] },
  { kind: 'term', names: ['CSAM', 'child sexual abuse material'] },
  { kind: 'term', names: ['OSEC', 'online sexual exploitation of children'] },
  { kind: 'term', names: ['CSEC', 'commercial sexual exploitation of children'] },
  { kind: 'term', names: ['MEL', 'monitoring, evaluation and learning'] },
  { kind: 'term', names: ['M&E', 'monitoring and evaluation'] },
  { kind: 'term', names: ['GSI', 'Global Slavery Index'] },

  // Places: other names of countries and regions (country display names come from CLDR, see schema/countries.ts).
  { kind: 'place', names: ['United States', 'US', 'USA', 'United States of America'] },
  { kind: 'place', names: ['United Kingdom', 'UK', 'Great Britain', 'Britain'] },
  { kind: 'place', names: ['United Arab Emirates', 'UAE', 'Emirates'] },
  { kind: 'place', names: ['Democratic Republic of the Congo', 'DRC', 'DR Congo', 'Congo - Kinshasa', 'Congo-Kinshasa'] },
  { kind: 'place', names: ['Republic of the Congo', 'Congo - Brazzaville', 'Congo-Brazzaville'] },
  { kind: 'place', names: ['Myanmar', 'Burma'] },
  { kind: 'place', names: ['Côte d’Ivoire', 'Ivory Coast'] },
  { kind: 'place', names: ['Türkiye', 'Turkey'] },
  { kind: 'place', names: ['Czechia', 'Czech Republic'] },
  { kind: 'place', names: ['Vietnam', 'Viet Nam'] },
  { kind: 'place', names: ['Laos', 'Lao PDR', "Lao People's Democratic Republic"] },
  { kind: 'place', names: ['South Korea', 'Republic of Korea'] },
  { kind: 'place', names: ['North Korea', 'DPRK', "Democratic People's Republic of Korea"] },
  { kind: 'place', names: ['Moldova', 'Republic of Moldova'] },
  { kind: 'place', names: ['North Macedonia', 'Macedonia', 'FYROM', 'former Yugoslav Republic of Macedonia'] },
  { kind: 'place', names: ['Eswatini', 'Swaziland'] },
  { kind: 'place', names: ['Cape Verde', 'Cabo Verde'] },
  { kind: 'place', names: ['Timor-Leste', 'East Timor'] },
  { kind: 'place', names: ['Syria', 'Syrian Arab Republic'] },
  { kind: 'place', names: ['Russia', 'Russian Federation'] },
  { kind: 'place', names: ['Iran', 'Islamic Republic of Iran'] },
  { kind: 'place', names: ['Tanzania', 'United Republic of Tanzania'] },
  { kind: 'place', names: ['Bolivia', 'Plurinational State of Bolivia'] },
  { kind: 'place', names: ['Venezuela', 'Bolivarian Republic of Venezuela'] },
  { kind: 'place', names: ['Kyrgyzstan', 'Kyrgyz Republic'] },
  { kind: 'place', names: ['Netherlands', 'Holland'] },
  { kind: 'place', names: ['Palestinian Territories', 'Palestine', 'State of Palestine', 'Occupied Palestinian Territory'] },
  { kind: 'place', names: ['Netherlands Antilles', 'Dutch Antilles'] },
  { kind: 'place', names: ['Sub-Saharan Africa', 'Sub Saharan Africa'] },
  { kind: 'place', names: ['MENA', 'Middle East and North Africa'] },
  { kind: 'place', names: ['Western Balkans', 'West Balkans'] },
  { kind: 'place', names: ['Gulf Cooperation Council', 'GCC', 'Gulf States'] },
];

/**
 * US and UK spellings of the same word (US first). Each pair also covers the word with these endings:
 * "labor" ↔ "labour" also gives "laborers" ↔ "labourers", but not "laboratory" (its ending is not listed).
 * Words ending in -ize/-ization/-yze are handled by a rule in expand.ts (`spellingVariants`), not listed here.
 */
export const SPELLING_VARIANTS: ReadonlyArray<readonly [us: string, uk: string]> = [
  ['labor', 'labour'],
  ['behavior', 'behaviour'],
  ['favor', 'favour'],
  ['honor', 'honour'],
  ['color', 'colour'],
  ['neighbor', 'neighbour'],
  ['harbor', 'harbour'],
  ['endeavor', 'endeavour'],
  ['rumor', 'rumour'],
  ['vigor', 'vigour'],
  ['humor', 'humour'],
  ['savior', 'saviour'],
  ['center', 'centre'],
  ['theater', 'theatre'],
  ['fiber', 'fibre'],
  ['liter', 'litre'],
  ['meter', 'metre'],
  ['program', 'programme'],
  ['defense', 'defence'],
  ['offense', 'offence'],
  ['license', 'licence'],
  ['pretense', 'pretence'],
  ['catalog', 'catalogue'],
  ['dialog', 'dialogue'],
  ['analog', 'analogue'],
  ['counseling', 'counselling'],
  ['counselor', 'counsellor'],
  ['traveling', 'travelling'],
  ['traveler', 'traveller'],
  ['traveled', 'travelled'],
  ['modeling', 'modelling'],
  ['labeling', 'labelling'],
  ['labeled', 'labelled'],
  ['canceled', 'cancelled'],
  ['signaling', 'signalling'],
  ['enrollment', 'enrolment'],
  ['fulfill', 'fulfil'],
  ['fulfillment', 'fulfilment'],
  ['skillful', 'skilful'],
  ['judgment', 'judgement'],
  ['acknowledgment', 'acknowledgement'],
  ['aging', 'ageing'],
  ['gray', 'grey'],
  ['pediatric', 'paediatric'],
  ['maneuver', 'manoeuvre'],
  ['anesthesia', 'anaesthesia'],
  ['encyclopedia', 'encyclopaedia'],
  ['skeptical', 'sceptical'],
  ['mold', 'mould'],
  ['plow', 'plough'],
  ['practice', 'practise'],
];

/** The endings a SPELLING_VARIANTS pair also applies to. */
export const VARIANT_ENDINGS = ['', 's', 'ed', 'er', 'ers', 'ing', 'al', 'ally', 'ist', 'ists', 'able', 'ably'] as const;
