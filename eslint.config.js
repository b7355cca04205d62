// ESLint with typescript-eslint over every workspace; formatting is Prettier's job.
// TypeScript is linted with the type-checked rules (they see which calls return promises, which
// values are `any`, ...), so a promise nobody awaits or a promise handed where a callback is
// expected fails the lint step.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['**/dist/**', 'dist-packages/**', 'coverage/**', '**/node_modules/**', '.state/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // tsconfig.json covers the TypeScript of every workspace; the few files outside it
        // (plain JS scripts, component scripts) get a default project.
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.js', 'bench/*.js', 'components/*/*.js', 'components/*/scripts/*.ts'] },
        tsconfigRootDir: __dirname,
      },
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
      // Stated outright (they are in recommendedTypeChecked too): these are why the type-checked rules are on.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Off: an async method that implements a promise-returning interface (AuthStrategy.headers,
      // RuntimeSelf.emit, Clock.sleep, the fakes in specs) need not await anything; the rule would
      // have them build Promise.resolve by hand, which says less.
      '@typescript-eslint/require-await': 'off',
      // Off: it flags every String(x) of an `unknown` value. Here those render loosely typed
      // platform and provider values (configuration fields, error bodies) into texts and ids; an
      // object where text belongs is an input-validation question for the readers
      // (readString & co.), not one of formatting.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  // Plain JavaScript (build and packaging scripts) has no types to check.
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/spec/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
