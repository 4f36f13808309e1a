/**
 * `npx tsx scripts/text-to-pdf.ts <entry.md> <out.pdf>`: a plain, reproducible PDF of an entry's full text, for a
 * publication whose licence lets us publish that text (content/documents/2023-tip-report-introduction.pdf).
 */
import { createWriteStream } from 'node:fs';
import PDFDocument from 'pdfkit';
import { validateFile } from '../src/lib/validate';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: npx tsx scripts/text-to-pdf.ts <entry.md> <out.pdf>');
  process.exit(2);
}
const { entries, problems } = await validateFile(input);
const entry = entries[0];
if (!entry || !entry.body.trim()) {
  console.error(`${input}: ${entry ? 'has no full text to print' : problems.map((p) => p.message).join('; ')}`);
  process.exit(1);
}

const doc = new PDFDocument({
  size: 'A4',
  margin: 64,
  bufferPages: true,
  info: { Title: entry.data.title, Author: entry.data.authors?.join('; ') ?? '', CreationDate: new Date(Date.UTC(2023, 5, 15)) },
});
doc.pipe(createWriteStream(output));
doc.font('Helvetica-Bold').fontSize(18).text(entry.data.title).moveDown(0.3);
doc.font('Helvetica').fontSize(11).text('Introduction').moveDown();
for (const block of entry.body.split(/\n{2,}/)) {
  const heading = /^(#{1,6})\s+(.*)$/.exec(block.trim());
  if (heading) doc.moveDown(0.5).font('Helvetica-Bold').fontSize(heading[1]!.length <= 2 ? 14 : 12).text(heading[2]!);
  else doc.font('Helvetica').fontSize(11).text(block.replace(/\s*\n\s*/g, ' ').trim(), { align: 'left' });
  doc.moveDown(0.6);
}
// Page numbers, so "page 7" in search results is the number printed on the page.
const { count } = doc.bufferedPageRange();
for (let i = 0; i < count; i++) {
  doc.switchToPage(i);
  doc.page.margins.bottom = 0; // writing below the bottom margin would otherwise start a new page
  doc.font('Helvetica').fontSize(9).text(String(i + 1), 0, doc.page.height - 40, { align: 'center', width: doc.page.width, lineBreak: false });
}
doc.end();
console.log(`${output}: ${count} pages`);
