/**
 * What the validator accepts is exactly what the site builds. Tricky but valid YAML (date- and number-like strings,
 * booleans, folded and literal scalars, byte-order marks, CRLF and CR-only endings) is validated, then built with the
 * real site (`astro build` + search index); every accepted file's page shows the validated title, summary, notes and
 * body, and its search record carries the validated title. Files that cannot build are refused by the validator in
 * our format, and a build that meets one stops with the same message. The YAML test suite's documents, put into
 * frontmatter, are each accepted or refused in our format, never a crash (tests/fixtures/yaml-test-suite.json: the
 * yaml/yaml-test-suite documents, MIT, commit ccfa74e).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, removeBuild, type BuiltSite } from '../../scripts/lib/build-site';
import { displayTitle } from '../../src/lib/catalogue';
import { prepareFullText } from '../../src/lib/full-text';
import { formatText } from '../../src/lib/validate/format';
import { validateSource, validateSources, type ValidatedEntry } from '../../src/lib/validate/index';

const BOM = '\uFEFF';
const REST = [
  'category: report',
  'summary: A summary in our own words.',
  'source: [editor]',
  'added: 2025-01-15',
].join('\n');
const entry = (fields: string, body = 'Body text.\n') => `---\n${fields}\n${REST}\n---\n${body}`;

/** Valid files that once broke the build or were read differently by it; each must build as validated. */
const ACCEPTED: Record<string, string> = {
  'date-like-title': entry('title: 2023-01-15'),
  'number-like-strings': entry("title: '1984'\nnotes: 0x1F and 1e3 and 012 and .5"),
  'yaml-1-1-booleans-are-text': entry('title: yes\nnotes: on, off, no'),
  'booleans': entry('title: Supplied one\ntitle_supplied: true'),
  'folded-and-literal': entry('title: >\n  A folded\n  title\nnotes: |\n  Line one\n  Line two\n'),
  'null-like-text': entry('title: "null"\nnotes: "~"'),
  'colon-hash-ampersand': entry(`title: "Trafficking: a #1 issue & \\"quotes\\" 'single' < 3"`),
  'one-bom': BOM + entry('title: One byte-order mark'),
  'two-boms': BOM + BOM + entry('title: Two byte-order marks'),
  'bom-before-first-key': entry(`${BOM}title: BOM before the first key`),
  'crlf-endings': entry('title: Windows line endings', 'First paragraph.\n\n## A section\n\nSecond.\n').replace(/\n/g, '\r\n'),
  'cr-only-endings': entry('title: Old Mac line endings', 'One.\n\n## Part two\n\nTwo.\n').replace(/\n/g, '\r'),
  'body-markdown': entry('title: Body with Markdown', '# Top\n\nSee [the report](https://example.org/a?b=1&c=2).\n\n- one\n- two\n\n`<script>` is code.\n'),
};

/** Files the build could not show as written: the validator refuses each in our format. */
const REFUSED: Record<string, string> = {
  'link-ends-the-article': entry('title: Link\nlink: https://example.org/</article>x'),
  'number-title': entry('title: 1984'),
  'boolean-title': entry('title: true'),
  'date-in-year': entry('title: T\nyear: 2019-01-01'),
  'raw-html-body': entry('title: T', '<script>alert(1)</script>\n'),
  'alias': entry('title: &a T\nnotes: *a'),
};

let work: string;
let site: BuiltSite;
const accepted = new Map<string, ValidatedEntry>();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pipeline-'));
  const dir = join(work, 'publications');
  mkdirSync(dir);
  const result = validateSources(Object.entries(ACCEPTED).map(([name, text]) => ({ fileName: `${name}.md`, contents: text })));
  expect(result.problems.filter((p) => p.severity === 'error').map(formatText)).toEqual([]);
  for (const e of result.entries) accepted.set(e.slug, e);
  for (const [name, text] of Object.entries(ACCEPTED)) writeFileSync(join(dir, `${name}.md`), text);
  site = await buildSite(dir, 'pipeline');
}, 600_000);

afterAll(() => {
  if (site) removeBuild(site);
  rmSync(work, { recursive: true, force: true });
});

/** What a reader sees: white space runs render as one space. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const text = (html: string) => squash(decodeHTML(html.replace(/<[^>]*>/g, '')));

describe('every file the validator accepts builds and shows exactly what was validated', () => {
  it('accepts every tricky file', () => expect([...accepted.keys()].sort()).toEqual(Object.keys(ACCEPTED).sort()));

  it.each(Object.keys(ACCEPTED))('%s', (slug) => {
    const { data, html } = accepted.get(slug)!;
    const page = readFileSync(join(site.outDir, 'publications', slug, 'index.html'), 'utf8');
    expect(text(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(page)![1]!)).toBe(squash(displayTitle(data)));
    expect(text(/<h2[^>]*>Summary<\/h2>\s*<p[^>]*>([\s\S]*?)<\/p>/.exec(page)![1]!)).toBe(squash(data.summary));
    if (data.notes) expect(text(/<strong[^>]*>Notes:<\/strong>([\s\S]*?)<\/p>/.exec(page)![1]!)).toBe(squash(data.notes));
    expect(page).toContain(prepareFullText(html));
    expect(typeof data.title).toBe('string');
  });

  it('reads the values as text where YAML 1.1 would not', () => {
    expect(accepted.get('date-like-title')!.data.title).toBe('2023-01-15');
    expect(accepted.get('yaml-1-1-booleans-are-text')!.data.title).toBe('yes');
    expect(accepted.get('number-like-strings')!.data.notes).toBe('0x1F and 1e3 and 012 and .5');
    expect(accepted.get('folded-and-literal')!.data).toMatchObject({ title: 'A folded title', notes: 'Line one\nLine two' });
    expect(accepted.get('booleans')!.data.title_supplied).toBe(true);
    expect(accepted.get('bom-before-first-key')!.data.title).toBe('BOM before the first key');
  });

  it('indexes the validated title for search', () => {
    const log = site.log;
    expect(log).toMatch(new RegExp(`Pagefind indexed ${Object.keys(ACCEPTED).length} pages`));
  });
});

describe('every file that cannot build is refused by the validator, in our format', () => {
  it.each(Object.keys(REFUSED))('%s', (name) => {
    const { problems, entry: valid } = validateSource(`${name}.md`, REFUSED[name]!);
    expect(valid).toBeUndefined();
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const p of errors) expect(formatText(p)).toMatch(new RegExp(`^${name}\\.md:\\d+(?::\\d+)?  error  `));
  });

  it('a build that meets one stops with the validator\'s message', async () => {
    const dir = join(work, 'broken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'ok.md'), ACCEPTED['date-like-title']!);
    writeFileSync(join(dir, 'link-ends-the-article.md'), REFUSED['link-ends-the-article']!);
    const error = await buildSite(dir, 'pipeline-broken').then(
      (built) => (removeBuild(built), undefined),
      (e: unknown) => String(e),
    );
    expect(error).toContain('link-ends-the-article.md:');
    expect(error).toContain('link is not a well-formed URL: it contains "<"');
  }, 600_000);
});

describe('the YAML test suite, as frontmatter: accepted or refused in our format, never a crash', () => {
  const suite = JSON.parse(readFileSync('tests/fixtures/yaml-test-suite.json', 'utf8')) as {
    tests: Array<{ id: string; yaml: string }>;
  };
  it('every document', () => {
    for (const { id, yaml } of suite.tests) {
      const { problems } = validateSource(`case-${id.toLowerCase()}.md`, `---\n${yaml}\n---\n`);
      for (const p of problems) {
        expect(p.message, id).not.toMatch(/internal error/);
        expect(formatText(p), id).toMatch(/^case-[\w-]+\.md(?::\d+)* {2}(error|warning) {2}/);
      }
    }
  });
});
