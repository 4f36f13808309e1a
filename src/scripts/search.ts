/**
 * The search page's client code: reads ?q= from the URL, queries the Pagefind index and renders results.
 * Progressive enhancement: without JavaScript the form still submits to this page.
 */
type PagefindResult = { id: string; data: () => Promise<{ url: string; excerpt: string; meta: Record<string, string> }> };
type Pagefind = { search: (q: string) => Promise<{ results: PagefindResult[] }>; init?: () => Promise<void> };

const input = document.querySelector<HTMLInputElement>('#search-input')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
let pagefind: Pagefind | undefined;

async function load(): Promise<Pagefind> {
  if (!pagefind) {
    const path = '/pagefind/pagefind.js';
    pagefind = (await import(/* @vite-ignore */ path)) as Pagefind;
    await pagefind.init?.();
  }
  return pagefind;
}

async function run(query: string): Promise<void> {
  list.replaceChildren();
  if (!query.trim()) {
    status.textContent = '';
    return;
  }
  const { results } = await (await load()).search(query);
  const data = await Promise.all(results.slice(0, 20).map((r) => r.data()));
  status.textContent = `${results.length} ${results.length === 1 ? 'result' : 'results'} for “${query}”`;
  for (const d of data) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = d.url;
    const title = document.createElement('bdi');
    title.textContent = d.meta.title ?? d.url;
    a.append(title);
    const heading = document.createElement('div');
    heading.className = 'entry-title';
    heading.append(a);
    const excerpt = document.createElement('p');
    // Pagefind's excerpt is escaped text with <mark> around matches.
    excerpt.innerHTML = d.excerpt;
    li.append(heading, excerpt);
    list.append(li);
  }
}

const query = new URLSearchParams(location.search).get('q') ?? '';
input.value = query;
void run(query);
