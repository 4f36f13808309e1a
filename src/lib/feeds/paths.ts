import { FACETS, facetValueName } from '../facets';
import { CATEGORY_KEYS } from '../schema/categories';
import { COUNTRY_CODES } from '../schema/countries';
import { REGIONS } from '../schema/regions';
import { uniqueSlugs } from '../slug';

/**
 * Where the Atom feeds live. One feed of the newest additions, and one per region, country and category, so a
 * country desk can subscribe to its own country:
 *
 *   /feeds/newest.xml   /feeds/regions/<slug>.xml   /feeds/countries/<code>.xml   /feeds/categories/<key>.xml
 *
 * Slugs follow the browse pages' rule (src/lib/facets.ts: regions through src/lib/slug.ts, countries as lower-case
 * codes, categories as keys), so /regions/worldwide/ and /feeds/regions/worldwide.xml always match. Feeds exist for
 * every value in the vocabularies, not only those some entry has yet: a desk can subscribe before its first entry.
 */
export const FEED_FACETS = ['region', 'country', 'category'] as const;
export type FeedFacet = (typeof FEED_FACETS)[number];

export const NEWEST_FEED_PATH = '/feeds/newest.xml';

/** Entries per feed: the newest additions only (feeds are for following changes, the data files hold everything). */
export const FEED_SIZE = 50;

const REGION_SLUGS = uniqueSlugs(REGIONS);

const VOCABULARIES: Record<FeedFacet, readonly string[]> = {
  region: REGIONS,
  country: COUNTRY_CODES,
  category: CATEGORY_KEYS,
};

/** The slug a facet value's browse page and feed share. */
export function feedSlug(facet: FeedFacet, key: string): string {
  switch (facet) {
    case 'region': {
      const slug = REGION_SLUGS.get(key);
      if (slug === undefined) throw new Error(`Not a region: ${JSON.stringify(key)}`);
      return slug;
    }
    case 'country':
      return key.toLowerCase();
    case 'category':
      return key;
  }
}

export function feedPath(facet: FeedFacet, key: string): string {
  return `/feeds/${FACETS[facet].segment}/${feedSlug(facet, key)}.xml`;
}

export interface FeedValue {
  facet: FeedFacet;
  /** As stored in entries: region name, country code, category key. */
  key: string;
  /** In words: "Trinidad and Tobago", "Issue paper". */
  name: string;
  slug: string;
  path: string;
}

/** Every facet value that has a feed. */
export function feedValues(): FeedValue[] {
  return FEED_FACETS.flatMap((facet) =>
    VOCABULARIES[facet].map((key) => ({
      facet,
      key,
      name: facetValueName(facet, key),
      slug: feedSlug(facet, key),
      path: feedPath(facet, key),
    })),
  );
}
