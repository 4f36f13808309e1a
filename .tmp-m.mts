import { fromMarkdown } from 'mdast-util-from-markdown';
const cases: Record<string,string> = {
  brackets: '['.repeat(1e6), closebr: '[a]('.repeat(2e5), emph: '*a'.repeat(5e5), under: '_a_ '.repeat(2.5e5), lt: '<'.repeat(1e6),
  quote: '>'.repeat(1e5), list: '- '.repeat(1e5), backticks: '`'.repeat(1e6), ticks2: '`a``'.repeat(2e5), links: '[a](b '.repeat(2e5), img: '![x'.repeat(3e5),
  html: '<a '.repeat(3e5), ent: '&#'.repeat(5e5), norm: 'Hello world. '.repeat(8e4), listnest: Array.from({length: 2000}, (_, i) => ' '.repeat(i*2)+'- x').join('\n'),
};
for (const [k, v] of Object.entries(cases)) {
  const t0 = performance.now();
  try { fromMarkdown(v); console.log(k, (performance.now()-t0).toFixed(0)); } catch (e: any) { console.log(k, 'THROW', e.message.slice(0,80), (performance.now()-t0).toFixed(0)); }
}
