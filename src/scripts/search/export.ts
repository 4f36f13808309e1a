import type { PagefindResult } from '../../lib/search/pagefind-types';
import { RESULT_SLUGS_PATH, resultFile, resultSlugs, type ResultExportFormat, type ResultSlugs } from '../../lib/search/export-results';

/**
 * "Download these results": every result of the search on screen (not only those shown), in the order shown, as
 * the open dataset's CSV, RIS or BibTeX. The records come from the whole catalogue's file of that format
 * (/data/catalogue.<ext>, written at build time by src/lib/export) and the results' slugs from the map written
 * beside the index, both fetched only when a reader asks for a download.
 */
let slugs: Promise<ResultSlugs> | undefined;

function loadSlugs(): Promise<ResultSlugs> {
  slugs ??= fetch(RESULT_SLUGS_PATH).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.status}`))));
  slugs.catch(() => (slugs = undefined));
  return slugs;
}

export async function exportResults(
  results: readonly PagefindResult[],
  button: HTMLButtonElement,
  status: HTMLElement,
): Promise<void> {
  const format = button.dataset.export as ResultExportFormat;
  const label = button.textContent ?? format;
  status.textContent = `Preparing ${label}…`;
  try {
    const [map, file] = await Promise.all([
      loadSlugs(),
      // Decoded keeping the CSV's byte-order mark (response.text() would drop it), so the file is as /data/ has it.
      fetch(button.dataset.source!)
        .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${r.status}`))))
        .then((bytes) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)),
    ]);
    const wanted = await resultSlugs(results, map);
    const { text } = resultFile(format, file, wanted);
    const blob = new Blob([text], { type: button.dataset.mediaType ?? 'text/plain' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `search-results.${button.dataset.extension ?? format}`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    status.textContent = `${label}: ${wanted.length.toLocaleString('en')} ${wanted.length === 1 ? 'publication' : 'publications'} downloaded.`;
  } catch {
    status.textContent = `The ${label} file could not be made. Check your connection and try again.`;
  }
}
