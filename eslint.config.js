import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Only the Electron glue and the preload may touch Electron: the backend, db and shared
      // code must run in plain Node (browser mode, tests).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only electron/main and electron/preload import electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**', 'electron/preload/**', 'tests/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Playwright fixtures must destructure their (empty) dependencies.
    files: ['tests/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // The renderer has no Node: it talks to the backend through the api client only.
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', 'kysely'],
          patterns: [
            {
              group: ['node:*', '**/db/**', '**/electron/**'],
              message: 'The renderer reaches the backend through api only.',
            },
          ],
        },
      ],
    },
  },
);
