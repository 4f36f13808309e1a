import { describe, expect, it } from 'vitest';
import { slugClash, slugOf } from '../../../../src/lib/validate/rules/slug-clash';
import type { SetItem } from '../../../../src/lib/validate/rules/types';

const item = (fileName: string): SetItem => ({ file: `dir/${fileName}`, fileName, locate: () => undefined });

describe('rule: slug-clash (set)', () => {
  it('gives the slug a file name produces', () => {
    expect(slugOf('Foo-Bar.md')).toBe('foo-bar');
    expect(slugOf('foo bar.md')).toBe('foo-bar');
    expect(slugOf('Café.md')).toBe('cafe');
  });

  it('reports every file whose name gives the same slug', () => {
    const problems = slugClash.check([item('Foo-Bar.md'), item('foo-bar.md'), item('foo_bar.md'), item('other.md')]);
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'dir/Foo-Bar.md: file name gives the slug "foo-bar", the same as dir/foo-bar.md, dir/foo_bar.md',
      'dir/foo-bar.md: file name gives the slug "foo-bar", the same as dir/Foo-Bar.md, dir/foo_bar.md',
      'dir/foo_bar.md: file name gives the slug "foo-bar", the same as dir/Foo-Bar.md, dir/foo-bar.md',
    ]);
  });
});
