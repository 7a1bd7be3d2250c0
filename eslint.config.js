// One lint configuration for every workspace: typescript-eslint's recommended rules plus a few house rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.data/**',
      '**/.cache/**',
      '**/.tools/**',
      '**/coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        AbortController: 'readonly',
        fetch: 'readonly',
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
        requestAnimationFrame: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The TV app's service worker (overnight prefetch): plain JavaScript in the worker's global scope.
    files: ['tv-app/public/sw.js'],
    languageOptions: { globals: { self: 'readonly', caches: 'readonly', Response: 'readonly' } },
  },
  {
    files: ['**/cli.ts', 'tools/**/*.ts', '**/*.test.ts', '**/test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // The TV bundle stays free of zod: the contract and the catalogue give it types only, and plain values only
    // from their zod-free modules.
    files: ['tv-app/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'zod stays out of the TV bundle.', allowTypeImports: true },
            {
              name: '@ketang/contract',
              message:
                "Import the contract's types only (import type): its schemas would bring zod into the bundle.",
              allowTypeImports: true,
            },
            {
              name: '@ketang/catalog',
              message:
                'Import types only, or plain values from @ketang/catalog/codec-family: the catalogue brings zod.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
