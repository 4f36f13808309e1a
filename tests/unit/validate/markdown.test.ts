import { afterAll, describe, expect, it } from 'vitest';
import { IN_PROCESS_LIMIT, closeMarkdownWorker, scanMarkdown } from '../../../src/lib/entry/markdown';

afterAll(() => closeMarkdownWorker());

describe('scanMarkdown (worker thread with a time limit)', () => {
  it('lists raw HTML, links, images and definitions with their body positions', () => {
    const scan = scanMarkdown(
      'Text <b>bold</b>\n\n[a](https://a.example) ![i](http://i.example/x.png)\n\n[d]: data:text/html,x\n\n```\n<script>\n```\n',
    );
    expect(scan).toEqual({
      ok: true,
      nodes: [
        { type: 'html', value: '<b>', line: 1, col: 6 },
        { type: 'html', value: '</b>', line: 1, col: 13 },
        { type: 'link', value: 'https://a.example', line: 3, col: 1 },
        { type: 'image', value: 'http://i.example/x.png', line: 3, col: 24 },
        { type: 'definition', value: 'data:text/html,x', line: 5, col: 1 },
      ],
    });
  });

  it('stops a pathological body at the time limit instead of hanging, then works again', () => {
    const started = performance.now();
    const scan = scanMarkdown(`${'*a'.repeat(100_000)} [x](https://x.example)`, { timeoutMs: 500 });
    expect(scan).toMatchObject({ ok: false, reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(5_000);
    // A new worker takes over (the body is over the in-process limit).
    const large = `${'A plain paragraph of text. '.repeat(200)}\n\n[x](https://x.example)\n`;
    expect(large.length).toBeGreaterThan(IN_PROCESS_LIMIT);
    expect(scanMarkdown(large)).toMatchObject({ ok: true, nodes: [{ type: 'link', line: 3 }] });
  });

  it('a body without `<` or `[` needs no parse (it cannot hold HTML or links)', () => {
    expect(scanMarkdown('  \n')).toEqual({ ok: true, nodes: [] });
    const started = performance.now();
    expect(scanMarkdown('*a'.repeat(400_000))).toEqual({ ok: true, nodes: [] });
    expect(performance.now() - started).toBeLessThan(500);
  });
});
