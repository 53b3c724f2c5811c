// ESLint flat config: typescript-eslint for all code, react-hooks for views,
// and a guard that keeps the simulation core deterministic and DOM-free.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'public',
      'bench-results',
      // The learner's working copies of the exercises: their code, their style.
      'workshop',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.tsx', '**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Exercise files keep every parameter of a hook's signature, used or not, as documentation
    // for the learner, and starters import what the solution will need.
    files: ['exercises/*/exercise.ts', 'exercises/*/solution.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    // The simulation core runs on virtual time, with seeded randomness, in Node and in the
    // browser. Wall clocks, timers and the DOM would make runs unrepeatable.
    files: ['sandbox/core/**/*.ts', 'sandbox/telemetry/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': [
        'error',
        'setTimeout',
        'setInterval',
        'requestAnimationFrame',
        'window',
        'document',
        'performance',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use the injected virtual clock.' },
        { object: 'Math', property: 'random', message: 'Use the seeded random source.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-dom', 'zustand', 'zustand/*'] },
      ],
    },
  },
);
