/**
 * What editors meet on GitHub and in the guides: the validator's annotations (file, line, column, message) as the
 * pull-request check prints them, the templates and workflows, and CONTRIBUTING.md's examples, run as written.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTRIBUTING_URL, CORRECTION_TEMPLATE } from '../../src/lib/new-entry/editor-links';
import { CATEGORIES, CATEGORY_KEYS } from '../../src/lib/schema/categories';
import { ENTRY_KEYS } from '../../src/lib/schema/entry';
import { REGIONS } from '../../src/lib/schema/regions';
import { SOURCE_KEYS } from '../../src/lib/schema/sources';
import { validateFile, validateSource } from '../../src/lib/validate/index';

const TSX = resolve('node_modules/.bin/tsx');
const read = (path: string) => readFileSync(path, 'utf8');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'editors-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('annotations on the pull request', () => {
  it('`scripts/validate.ts --format github` puts each problem on its file, line and column, with the did-you-mean', () => {
    const file = join(dir, 'broken-entry.md');
    writeFileSync(
      file,
      [
        '---',
        'title: A broken entry',
        'year: 2019',
        'region: [Worldwide]',
        'country: [NG, Kosova]',
        'category: report',
        'summary: One sentence. Two sentences.',
        'source: [editor]',
        'added: 2026-11-23',
        '---',
        '',
      ].join('\n'),
    );
    const run = spawnSync(TSX, ['scripts/validate.ts', '--format', 'github', file], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      `::error file=${file},line=5,col=15,title=country[1]::"Kosova" is not a country code (did you mean XK (Kosovo)?)`,
    ]);
  });

  it('escapes what GitHub would otherwise read as the end of a property or of the message', () => {
    const file = join(dir, 'Report, 100%.md');
    writeFileSync(file, '---\ntitle: Report\ncategory: report\nsummary: S. T.\nsource: [editor]\nadded: 2026-11-23\n---\n');
    const run = spawnSync(TSX, ['scripts/validate.ts', '--format', 'github', file], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    const [line] = run.stdout.trim().split('\n');
    expect(line).toMatch(new RegExp(`^::error file=${dir}/Report%2C 100%25\\.md::file name "Report, 100%25\\.md" `));
    expect(line).toContain('rename it to report-100.md');
  });
});

describe('GitHub templates and workflows', () => {
  it('the "Suggest a publication" form offers exactly the catalogue categories', () => {
    const form = parse(read('.github/ISSUE_TEMPLATE/suggest-a-publication.yml'));
    const category = form.body.find((b: { id?: string }) => b.id === 'category');
    expect(category.attributes.options).toEqual(CATEGORY_KEYS.map((key) => CATEGORIES[key]));
  });

  it('the issue chooser links to the guide in the repository named in site.ts, and the correction template exists', () => {
    const config = parse(read('.github/ISSUE_TEMPLATE/config.yml'));
    expect(config.blank_issues_enabled).toBe(true);
    expect(config.contact_links[0].url).toBe(CONTRIBUTING_URL);
    expect(read(`.github/ISSUE_TEMPLATE/${CORRECTION_TEMPLATE}`)).toMatch(/^---\nname: Suggest a correction\n/);
  });

  it('every pull request installs, validates with annotations, builds and tests, in that order', () => {
    const workflow = parse(read('.github/workflows/pull-request.yml'));
    expect(Object.keys(workflow.on)).toContain('pull_request');
    const runs: string[] = workflow.jobs.check.steps.map((s: { run?: string }) => s.run ?? '').filter(Boolean);
    const order = ['npm ci', 'npm run validate -- --format github', 'npm run build', 'apt-get install', 'npm test'];
    const positions = order.map((command) => runs.findIndex((r) => r.includes(command)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('every push to main builds and deploys dist/ to GitHub Pages', () => {
    const workflow = parse(read('.github/workflows/deploy.yml'));
    expect(workflow.on.push.branches).toEqual(['main']);
    const uses = (job: string) => workflow.jobs[job].steps.map((s: { uses?: string }) => s.uses ?? '');
    const upload = workflow.jobs.build.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/upload-pages-artifact'));
    expect(upload.with.path).toBe('dist/');
    expect(uses('deploy')).toContain('actions/deploy-pages@v4');
    expect(workflow.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  it('every workflow and template is well-formed YAML', () => {
    for (const folder of ['.github/workflows', '.github/ISSUE_TEMPLATE']) {
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.yml'))) {
        expect(() => parse(read(join(folder, name))), name).not.toThrow();
      }
    }
  });
});

describe('CONTRIBUTING.md', () => {
  const guide = read('CONTRIBUTING.md');

  it('explains every field of the schema, with a good and a bad example', () => {
    for (const key of ENTRY_KEYS) {
      const section = new RegExp(`### ${key}\\n([\\s\\S]*?)(?=\\n### |\\n## )`).exec(guide)?.[1];
      expect(section, `a section for ${key}`).toBeDefined();
      expect(section, key).toContain('- Good:');
      expect(section, key).toContain('- Bad:');
    }
  });

  it('lists every region, category and source exactly as the vocabularies spell them', () => {
    for (const region of REGIONS) expect(guide).toContain(`\n- ${region}\n`);
    for (const key of CATEGORY_KEYS) expect(guide).toContain(`| \`${key}\` | ${CATEGORIES[key]} |`);
    for (const key of SOURCE_KEYS) expect(guide).toContain(`| \`${key}\` |`);
  });

  it('has a template that the validator accepts as it is written', () => {
    const template = /```yaml\n((?: {3}.*\n)+?) {3}```/.exec(guide)![1]!.replace(/^ {3}/gm, '');
    const result = validateSource('referral-of-trafficked-children-in-coastal-west-africa.md', template);
    expect(result.problems).toEqual([]);
  });

  it('has an `npm run new` command that works as written', async () => {
    const block = /```sh\n(npm run new -- [\s\S]*?)```/.exec(guide)![1]!;
    // The same words, run by the shell, with the file written into a temporary folder instead of content/.
    const command = block.replace('npm run new --', `${TSX} scripts/new.ts --dir '${dir}'`);
    const run = spawnSync('bash', ['-c', command], { encoding: 'utf8' });
    expect(run.stderr).toContain('Wrote');
    expect(run.status).toBe(0);
    const written = readdirSync(dir);
    expect(written).toHaveLength(1);
    expect((await validateFile(join(dir, written[0]!))).problems).toEqual([]);
  });
});
