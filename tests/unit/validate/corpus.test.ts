/**
 * Every fixture: accept/ files give no problem at all; each reject/ file gives exactly its one defect (field, line,
 * message, and suggestion where the expectation names one); warn/ files give their warning and no error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateFile, validatePaths } from '../../../src/lib/validate/index';
import type { Problem } from '../../../src/lib/validate/problem';
import { FIXTURES, acceptFiles, committedCases, writeGeneratedCases, writeSlugClashSet, type Case } from './fixtures';

const tmp = mkdtempSync(join(tmpdir(), 'validate-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function check(c: Case, problems: Problem[]) {
  const severity = c.expected.severity ?? 'error';
  const errors = problems.filter((p) => p.severity === 'error');
  const first = problems.find((p) => p.severity === severity);
  const shown = problems.map((p) => `${p.line}:${p.col} ${p.severity} ${p.field} ${p.message} (${p.suggestion})`).join('\n');
  expect(first, shown).toBeDefined();
  expect(first!.field ?? null, shown).toBe(c.expected.field);
  expect(first!.line ?? null, shown).toBe(c.expected.line);
  expect(first!.message, shown).toContain(c.expected.messageIncludes);
  if (c.expected.col !== undefined) expect(first!.col, shown).toBe(c.expected.col);
  if (c.expected.suggestionIncludes) expect(first!.suggestion ?? '', shown).toContain(c.expected.suggestionIncludes);
  // One defect per file: no other error hides in the fixture.
  expect(errors.length, shown).toBe(c.expected.errors ?? (severity === 'warning' ? 0 : 1));
}

describe('accept fixtures', () => {
  it.each(acceptFiles())('%s is valid with no warnings', async (path) => {
    const result = await validateFile(path);
    expect(result.problems).toEqual([]);
    expect(result.entries).toHaveLength(1);
  });
});

describe('reject fixtures (committed)', () => {
  it.each(committedCases('reject').map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const result = await validateFile(c.path);
    check(c, result.problems);
    expect(result.entries).toEqual([]);
  });
});

describe('reject fixtures (generated: binary, huge, pathological)', () => {
  const cases = writeGeneratedCases(join(tmp, 'generated'));
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const result = await validateFile(c.path);
    check(c, result.problems);
  });
});

describe('warning fixtures', () => {
  it.each(committedCases('warn').map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const result = await validateFile(c.path);
    check(c, result.problems);
    expect(result.entries).toHaveLength(1);
  });
});

describe('sets (a folder is validated as one set)', () => {
  it('reports the same publication in two files, in both files', async () => {
    const result = await validatePaths([join(FIXTURES, 'sets/duplicate-publication')]);
    const dup = result.problems.filter((p) => p.message.startsWith('the same publication'));
    expect(dup.map((p) => p.file.split('/').pop()).sort()).toEqual(['handbook-2019.md', 'handbook-copy.md']);
    expect(dup[0]).toMatchObject({ severity: 'error', field: 'title', line: 2 });
    expect(dup.find((p) => p.file.endsWith('handbook-2019.md'))!.message).toContain('handbook-copy.md');
    // The 2020 edition has another year: not a duplicate.
    expect(result.problems.filter((p) => p.file.endsWith('handbook-2020-edition.md'))).toEqual([]);
    expect(result.entries.map((e) => e.slug)).toEqual(['handbook-2020-edition']);
  });

  it('the same files given one by one are not a set', async () => {
    const dir = join(FIXTURES, 'sets/duplicate-publication');
    const result = await validatePaths([join(dir, 'handbook-2019.md'), join(dir, 'handbook-copy.md')]);
    expect(result.problems).toEqual([]);
  });

  it('reports two file names that give the same slug, and the file name that is not a slug', async () => {
    const { dir } = writeSlugClashSet(join(tmp, 'clash'));
    const result = await validatePaths([dir]);
    const clash = result.problems.filter((p) => p.message.includes('the same as'));
    expect(clash).toHaveLength(2);
    expect(clash[0]!.message).toContain('gives the slug "foo-bar"');
    const notSlug = result.problems.filter((p) => p.message.includes('is not a valid slug'));
    expect(notSlug).toHaveLength(1);
    expect(notSlug[0]!.file).toMatch(/Foo-Bar\.md$/);
    expect(notSlug[0]!.suggestion).toBe('rename it to foo-bar.md');
  });
});

describe('entries: false (what the CLI asks for)', () => {
  it('gives exactly the same problems, set checks included, and keeps no entries', async () => {
    const { dir } = writeSlugClashSet(join(tmp, 'clash-entries'));
    const paths = [join(FIXTURES, 'sets/duplicate-publication'), dir, join(FIXTURES, 'reject'), join(FIXTURES, 'accept/full-entry.md')];
    const full = await validatePaths(paths);
    const lean = await validatePaths(paths, { entries: false });
    expect(lean.problems).toEqual(full.problems);
    expect(lean.files).toBe(full.files);
    expect(full.entries.length).toBeGreaterThan(0);
    expect(lean.entries).toEqual([]);
  });
});

describe('safety', () => {
  it('never evaluates ---js frontmatter', async () => {
    const result = await validateFile(join(FIXTURES, 'reject/frontmatter-javascript.md'));
    expect(result.problems[0]!.message).toContain('only YAML frontmatter');
    expect((globalThis as { PWNED?: boolean }).PWNED).toBeUndefined();
  });

  it('never pollutes Object.prototype through __proto__ keys', async () => {
    await validateFile(join(FIXTURES, 'reject/proto-key.md'));
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
