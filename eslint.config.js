// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

/** Lint for every source file; `npm test` runs it. Type errors are `astro check`'s job, not this one's. */
export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.astro/', '.tmp-*/', 'vendor/', 'public/', 'bench/baseline-*/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    rules: {
      // TypeScript (astro check) knows Node's and the browser's globals better than a list here would.
      'no-undef': 'off',
      // `_name` marks a value left out on purpose (`const { a: _a, ...rest } = x`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Matching control characters is these files' job (XML escaping; a test reading terminal colours).
    files: ['src/lib/feeds/xml.ts', 'tests/unit/new-entry.test.ts'],
    rules: { 'no-control-regex': 'off' },
  },
);
