import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS, extractDocument } from '../../src/lib/documents/extract';
import { FIXTURE_PHRASES, makeImageOnlyPdf, makePdf, writeTempFiles } from '../support/pdf-fixtures';

let dir: string;

beforeAll(async () => {
  const good = await makePdf(FIXTURE_PHRASES);
  dir = writeTempFiles({
    'manual.pdf': good,
    'truncated.pdf': good.subarray(0, Math.floor(good.length / 3)),
    'encrypted.pdf': await makePdf(['Secret text'], { userPassword: 'secret', ownerPassword: 'owner' }),
    'scan.pdf': await makeImageOnlyPdf(2),
    'web-page.pdf': '<!doctype html><title>Download</title><p>Not found</p>',
    'pages.txt': 'First page text.\fSecond   page\ntext.\f',
    'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9]),
    'notes.docx': 'PK',
  });
});

describe('extractDocument', () => {
  it('returns each page of a PDF as its own text, in order, with a content digest', async () => {
    const result = await extractDocument(join(dir, 'manual.pdf'), 'manual.pdf');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.problems).toEqual([]);
    expect(result.document.pages).toEqual(FIXTURE_PHRASES);
    expect(result.document.digest).toMatch(/^[0-9a-f]{64}$/);
    const again = await extractDocument(join(dir, 'manual.pdf'));
    expect(again.ok && again.document.digest).toBe(result.document.digest);
  });

  it('splits plain text into pages at form feeds', async () => {
    const result = await extractDocument(join(dir, 'pages.txt'));
    expect(result.ok && result.document.pages).toEqual(['First page text.', 'Second page text.', '']);
  });

  it.each([
    ['missing.pdf', /missing\.pdf: no such file/, /content\/documents/],
    ['web-page.pdf', /web-page\.pdf: not a PDF/, /PDF itself/],
    ['truncated.pdf', /truncated\.pdf: a damaged or truncated PDF/, /download the file again/],
    ['encrypted.pdf', /encrypted\.pdf: the PDF is encrypted/, /unprotected copy/],
    ['latin1.txt', /latin1\.txt: not UTF-8 text/, /UTF-8/],
    ['notes.docx', /notes\.docx: not a document type/, /PDF/],
  ])('refuses %s with an error naming the file and a fix', async (name, message, fix) => {
    const result = await extractDocument(join(dir, name), name);
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ severity: 'error', message: expect.stringMatching(message), fix: expect.stringMatching(fix) });
  });

  it('warns that an image-only scan has nothing to index', async () => {
    const result = await extractDocument(join(dir, 'scan.pdf'), 'scan.pdf');
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/scan\.pdf: no text in any of its 2 pages/) }),
    ]);
  });

  it('refuses a file over the size limit, saying its size and the limit, without reading it', async () => {
    const { truncateSync, writeFileSync } = await import('node:fs');
    const big = join(dir, 'big.pdf');
    writeFileSync(big, '%PDF-1.7\n');
    truncateSync(big, DOCUMENT_LIMITS.bytes + 1_000_000);
    const result = await extractDocument(big, 'big.pdf');
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.message).toBe(`big.pdf: 61.0 MB is over the limit of ${DOCUMENT_LIMITS.bytes / 1_000_000} MB`);
  });
});

describe('extractDocument with a cache folder', () => {
  it('reads a file once per content: the second read comes from the cache, a changed file is read again', async () => {
    const { mkdtempSync, writeFileSync, readdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const cacheDir = mkdtempSync(join(tmpdir(), 'documents-cache-'));
    const file = join(dir, 'cached.txt');
    writeFileSync(file, 'one\ftwo');
    const first = await extractDocument(file, 'cached.txt', cacheDir);
    expect(readdirSync(join(cacheDir, 'documents'))).toEqual([`${first.ok && first.document.digest}.json`]);
    // Same bytes: the cached pages are returned even if the cache entry is the only place they are.
    const cachePath = join(cacheDir, 'documents', readdirSync(join(cacheDir, 'documents'))[0]!);
    const kept = JSON.parse((await import('node:fs')).readFileSync(cachePath, 'utf8'));
    kept.document.pages = ['from the cache'];
    writeFileSync(cachePath, JSON.stringify(kept));
    const second = await extractDocument(file, 'cached.txt', cacheDir);
    expect(second.ok && second.document.pages).toEqual(['from the cache']);
    writeFileSync(file, 'one\fthree');
    const third = await extractDocument(file, 'cached.txt', cacheDir);
    expect(third.ok && third.document.pages).toEqual(['one', 'three']);
  });
});

describe('the fixture site’s document', () => {
  it('is the PDF these tests make (tests/support/pdf-fixtures.ts), byte for byte', async () => {
    const { readFileSync } = await import('node:fs');
    const committed = readFileSync('tests/fixtures/site/documents/labour-inspection-checklist.pdf');
    expect(Buffer.compare(committed, await makePdf(FIXTURE_PHRASES))).toBe(0);
  });
});

describe('npm run validate checks the documents entries name', () => {
  it('reports a missing, a broken and an unreadable document at the line of `document:`, and a good one not at all', async () => {
    const { mkdirSync, mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { spawnSync } = await import('node:child_process');
    const root = mkdtempSync(join(tmpdir(), 'documents-cli-'));
    mkdirSync(join(root, 'publications'));
    mkdirSync(join(root, 'documents'));
    writeFileSync(join(root, 'documents', 'good.pdf'), await makePdf(['Text on page one.']));
    writeFileSync(join(root, 'documents', 'html.pdf'), '<html>Not found</html>');
    writeFileSync(join(root, 'documents', 'scan.pdf'), await makeImageOnlyPdf(1));
    const entry = (slug: string, document: string) =>
      writeFileSync(
        join(root, 'publications', `${slug}.md`),
        `---\ntitle: ${slug}\ncategory: report\nsummary: A fixture.\ndocument: ${document}\ndocument_redistributable: true\n---\n`,
      );
    entry('good', 'good.pdf');
    entry('missing', 'gone.pdf');
    entry('html', 'html.pdf');
    entry('scan', 'scan.pdf');
    const run = spawnSync('node_modules/.bin/tsx', ['scripts/validate.ts', join(root, 'publications')], {
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', CATALOGUE_CACHE_DIR: join(root, 'cache') },
    });
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n').map((line) => line.replaceAll(root, '<root>'));
    expect(lines).toEqual([
      expect.stringMatching(/^<root>\/publications\/html\.md:5:1 {2}error {2}document {2}<root>\/documents\/html\.pdf: not a PDF/),
      expect.stringMatching(/^<root>\/publications\/missing\.md:5:1 {2}error {2}document {2}<root>\/documents\/gone\.pdf: no such file/),
      expect.stringMatching(/^<root>\/publications\/scan\.md:5:1 {2}warning {2}document {2}<root>\/documents\/scan\.pdf: no text in any of its 1 pages/),
    ]);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });
});
