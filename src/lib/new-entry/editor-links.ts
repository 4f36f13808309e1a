/**
 * Where an entry lives in the repository and the GitHub links that let a reader correct it: the one place that
 * knows the content folder's path as editors see it, and how a pre-filled correction issue is worded.
 */
import { displayTitle, publicationPath, type Publication } from '../catalogue';
import { CONTENT_DIR, REPOSITORY_URL, SITE_URL } from '../site';

/** The folder of entry files (the default of `npm run new -- --dir`), kept once in src/lib/site.ts. */
export { CONTENT_DIR };

/** The branch the site is published from (edit links open files on it). */
export const MAIN_BRANCH = 'main';

/** The issue template a correction opens with (`.github/ISSUE_TEMPLATE/`), for its label and headings. */
export const CORRECTION_TEMPLATE = 'suggest-a-correction.md';

/** `content/publications/<slug>.md` */
export function entryFilePath(slug: string): string {
  return `${CONTENT_DIR}/${slug}.md`;
}

/** GitHub's web editor for the entry's file: editors without write access get a fork and a pull request for free. */
export function editFileUrl(slug: string): string {
  return `${REPOSITORY_URL}/edit/${MAIN_BRANCH}/${entryFilePath(slug)}`;
}

/** The file on GitHub, for reading its history. */
export function viewFileUrl(slug: string): string {
  return `${REPOSITORY_URL}/blob/${MAIN_BRANCH}/${entryFilePath(slug)}`;
}

/** The guide for editors, on GitHub. */
export const CONTRIBUTING_URL = `${REPOSITORY_URL}/blob/${MAIN_BRANCH}/CONTRIBUTING.md`;

/**
 * A new issue pre-filled with the entry's slug, title, page and file, and the questions a maintainer needs
 * answered. The slug is in the title too: if GitHub ever shows the template's text instead of `body`, the issue
 * still names the entry.
 */
export function correctionIssueUrl(publication: Publication): string {
  const { slug, data } = publication;
  const title = displayTitle(data);
  const body = [
    `**Entry:** ${title}`,
    `**Page:** ${new URL(publicationPath(slug), SITE_URL).href}`,
    `**File:** \`${entryFilePath(slug)}\``,
    '',
    '### What is wrong or missing?',
    '<!-- Which field (title, authors, year, region, country, category, languages, summary, link) and what it says now. -->',
    '',
    '',
    '### What should it say?',
    '',
    '',
    '### Where does the correct information come from?',
    '<!-- A link to the publication, its title page or the publisher\'s page. The catalogue never guesses a year, an author or a link. -->',
    '',
  ].join('\n');
  const query = new URLSearchParams({ template: CORRECTION_TEMPLATE, title: `Correction: ${title} (${slug})`, body });
  return `${REPOSITORY_URL}/issues/new?${query}`;
}
