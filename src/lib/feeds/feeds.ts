import { newestAdditions, type Publication } from '../catalogue';
import { FACETS, type Facets } from '../facets';
import { SITE_NAME } from '../site';
import { toAtom } from './atom';
import { FEED_SIZE, NEWEST_FEED_PATH, type FeedValue } from './paths';
import { lastAdded } from '../export/json';

/** The Atom text of the catalogue's newest additions. */
export function newestFeed(publications: readonly Publication[]): string {
  return toAtom({
    path: NEWEST_FEED_PATH,
    alternatePath: '/',
    title: `Newest additions · ${SITE_NAME}`,
    subtitle: `The ${FEED_SIZE} publications most recently added to the catalogue.`,
    publications: newestAdditions(publications, FEED_SIZE),
  });
}

const ABOUT: Record<FeedValue['facet'], string> = {
  region: 'about the region',
  country: 'about',
  category: 'in the category',
};

/** The Atom text of one region's, country's or category's newest additions (possibly none yet). */
export function facetFeed(value: FeedValue, facets: Facets, publications: readonly Publication[]): string {
  const listed = facets.byKey[value.facet].get(value.key);
  return toAtom({
    path: value.path,
    // The value's browse page when it has one; the facet's index until its first entry arrives.
    alternatePath: listed?.path ?? `/${FACETS[value.facet].segment}/`,
    title: `${value.name} · ${SITE_NAME}`,
    subtitle: `Publications ${ABOUT[value.facet]} ${value.name}, newest additions first.`,
    publications: newestAdditions(listed?.publications ?? [], FEED_SIZE),
    fallbackUpdated: lastAdded(publications),
  });
}
