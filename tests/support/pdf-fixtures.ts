/**
 * PDFs made in the tests with pdfkit: a multi-page document with known phrases on known pages, and each bad kind
 * the document reader must report (encrypted, truncated, image-only, not a PDF).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

/** Renders a PDF whose page N (1-based) carries `pages[N - 1]` as text (an empty string leaves a page blank). */
export function makePdf(pages: string[], options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, compress: false, info: { CreationDate: new Date(0) }, ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const text of pages) {
    doc.addPage({ size: 'A4', margin: 56 });
    if (text) doc.fontSize(11).text(text);
  }
  doc.end();
  return done;
}

/** A page that is only a drawn picture: what a scan without a text layer looks like to a text extractor. */
export function makeImageOnlyPdf(pageCount: number): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (let i = 0; i < pageCount; i++) {
    doc.addPage({ size: 'A4' });
    doc.rect(80, 80, 300, 400).fill('#777');
  }
  doc.end();
  return done;
}

/** The known multi-page fixture: a distinct phrase on each of pages 1–5, page 3 the one tests look for. */
export const FIXTURE_PHRASES = [
  'Introduction to the screening checklist for labour inspectors.',
  'Recruitment fees charged to workers are an indicator of debt bondage.',
  'Withholding of identity documents is an indicator of forced labour under ILO convention 29.',
  'Referral pathways connect identified victims with shelters and legal aid.',
  'Annex: contact points in each province.',
];

/** Writes `files` (name → bytes) into a fresh temporary folder and returns its path. */
export function writeTempFiles(files: Record<string, Uint8Array | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'documents-'));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return dir;
}
