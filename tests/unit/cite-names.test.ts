import { describe, expect, it } from 'vitest';
import { classifyAuthor } from '../../src/lib/cite/names';

describe('organisation or person: one heuristic for citations, exports and JSON-LD', () => {
  it.each([
    'Walk Free Foundation',
    'United Nations Office on Drugs and Crime (UNODC)',
    'Inter-Agency Coordination Group against Trafficking in Persons (ICAT)',
    'International Organization for Migration (IOM)',
    'International Organization For Migration (IOM)',
    "Sweden'S Ministry Of Justice",
    'United States Department of State',
    'London School of Hygiene & Tropical Medicine',
    'Tech Against Trafficking (TAT)',
    'NIMHANS',
    'UNODC',
    'IOM',
    'OSCE Mission to Moldova',
    'Issara Institute',
    'Global Protection Cluster Anti-Trafficking Task Team',
    'Institute of Social Sciences, New Delhi',
    'Organization for Security and Co-operation in Europe, Office for Democratic Institutions and Human Rights',
    'Institute for International Research on Criminal Policy (IRCP), Ghent University',
    'Council of the Baltic Sea States Task Force on Trafficking in Human Beings (CBSS TF-THB)',
    'International Federation of Red Cross and Red Crescent Societies',
    'Save the Children',
    'ОБСЕ, Бюро по демократическим институтам и правам человека',
    'Министерство внутренних дел',
    'وزارة العدل',
    'Organisation internationale pour les migrations (OIM)',
    'Liu',
  ])('%s is an organisation, kept whole', (name) => {
    expect(classifyAuthor(name)).toEqual({ kind: 'organization', name });
    expect(classifyAuthor(name).kind).toBe('organization');
  });

  it.each([
    ['Jamille Bigio', 'Bigio', 'Jamille'],
    ['Rachel B. Vogelstein', 'Vogelstein', 'Rachel B.'],
    ['G. Liu', 'Liu', 'G.'],
    ['Dominika Borg Jansson', 'Jansson', 'Dominika Borg'],
    ['Ludwig van Beethoven', 'van Beethoven', 'Ludwig'],
    ['Maria de la Cruz', 'de la Cruz', 'Maria'],
    ['Omar al-Said', 'al-Said', 'Omar'],
    ['Stian Soiland-Reyes', 'Soiland-Reyes', 'Stian'],
    ['Мария Иванова', 'Иванова', 'Мария'],
    ['Bigio, Jamille', 'Bigio', 'Jamille'],
  ])('%s is a person: family %s, given %s', (name, family, given) => {
    expect(classifyAuthor(name)).toMatchObject({ kind: 'person', family, given });
  });

  it('normalises spacing and Unicode before deciding', () => {
    expect(classifyAuthor('  Jamille   Bigio ')).toEqual({ kind: 'person', name: 'Jamille Bigio', family: 'Bigio', given: 'Jamille' });
    expect(classifyAuthor('Mari\u0301a Lopez')).toMatchObject({ kind: 'person', given: 'María' });
  });

  it('never splits five or more words into a personal name', () => {
    expect(classifyAuthor('Alpha Beta Gamma Delta Epsilon').kind).toBe('organization');
  });
});
