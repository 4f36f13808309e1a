/**
 * The search page's client code (loaded by src/pages/search.astro only). See search/app.ts for the behaviour,
 * src/lib/search/ for the parts shared with the build and unit tests.
 */
import './search/app';
