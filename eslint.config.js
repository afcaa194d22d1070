// @ts-check
// ESLint: typescript-eslint's recommended rules, the promise rules that need types (a promise
// left floating or handed where none is expected loses its error), unused code, and import order.
import js from '@eslint/js';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import unusedImports from 'eslint-plugin-unused-imports';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.output/',
      '.wxt/',
      '.local/',
      '.wrangler/',
      'worker-configuration.d.ts',
      'test/fixtures/',
      'docs/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './shared/tsconfig.json',
          './worker/tsconfig.json',
          './extension/tsconfig.json',
          './tsconfig.node.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'simple-import-sort': simpleImportSort, 'unused-imports': unusedImports },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': 'off',
      'unused-imports/no-unused-imports': 'error',
      'unused-imports/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      // TypeScript itself reports undefined names, with the right globals for each runtime.
      'no-undef': 'off',
      // Sanitisers match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  // Tests, scripts and benchmarks drive browsers and read untyped JSON: `any` is theirs to use.
  {
    files: ['test/**', 'scripts/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Files outside the TypeScript projects: checked without types.
  {
    files: ['eslint.config.js', 'extension/build/**', 'extension/scripts/**'],
    ...tseslint.configs.disableTypeChecked,
  },
);
