// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Layer rules from docs/architecture.md, enforced here so the boundaries stay honest. */
const duckdbOnlyInStore = {
  group: ['@duckdb/*'],
  message: 'Only src/store may import DuckDB (docs/architecture.md).',
};
/** Domain: vocabulary and pure rules; `up` reaches src/ from the file's folder. */
const domainImports = (up) => [
  'error',
  {
    patterns: [
      duckdbOnlyInStore,
      {
        group: [`${up}*`, `!${up}errors.js`, `!${up}domain/*`],
        message: 'domain/ imports only domain/ and errors (docs/architecture.md).',
      },
      { group: ['node:*'], message: 'domain/ does no I/O.' },
    ],
  },
];
const pureLayers = [
  duckdbOnlyInStore,
  { group: ['**/store/*', '**/store'], message: 'Pure layers must not import the store.' },
  { group: ['**/cli/*', '**/usecases/*'], message: 'Inner layers must not import adapters.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'bin/**', 'data/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // A data-sized array spread into a call overflows the stack (about 125,000 arguments):
    // a force's points did, in `hotspots`. Use d3-array's min/max or a loop.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.name='Math'][callee.property.name=/^(min|max)$/] > SpreadElement",
          message:
            'Spreading an array into Math.min/max overflows the stack on large data: use d3-array min/max.',
        },
        {
          selector: "CallExpression[callee.property.name='fromCharCode'] > SpreadElement",
          message:
            'Spreading an array into String.fromCharCode overflows the stack on large data: use TextDecoder.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/store/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [duckdbOnlyInStore] }] },
  },
  {
    files: [
      'src/domain/**/*.ts',
      'src/ingest/**/*.ts',
      'src/analysis/**/*.ts',
      'src/geo/**/*.ts',
      'src/demo/**/*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: pureLayers }] },
  },
  {
    // Charts and report renderers run unchanged in a browser (the dashboard): no Node APIs either.
    files: ['src/charts/**/*.ts', 'src/report/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...pureLayers,
            { group: ['node:*'], message: 'Charts and reports must run in a browser too.' },
            { group: ['**/render/*'], message: 'Rendering to PDF/PNG is an adapter (src/render).' },
          ],
        },
      ],
    },
  },
  {
    // Domain: vocabulary and pure rules. It imports nothing of Lantern's but errors, and no I/O.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': domainImports('../'),
    },
  },
  {
    // A folder of domain/ (domain/plan): the same rule, one level down.
    files: ['src/domain/*/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': domainImports('../../'),
    },
  },
  {
    // Ingest reads and checks input; mapping files are loaded by config/ at the edge.
    files: ['src/ingest/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...pureLayers,
            { group: ['**/config/*'], message: 'ingest/ takes settings as domain values.' },
          ],
        },
      ],
    },
  },
  {
    // The CLI is an adapter over the command definitions: it never opens the store itself.
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            duckdbOnlyInStore,
            {
              group: ['**/store/*', '**/usecases/*'],
              message:
                'The CLI runs commands (src/commands); it never imports the store or a use case.',
            },
          ],
        },
      ],
    },
  },
  {
    // Commands are the edge: they load settings and run use cases; the store they see as a type
    // (the runtime opens it).
    files: ['src/commands/**/*.ts'],
    ignores: ['src/commands/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            duckdbOnlyInStore,
            {
              group: ['**/store/*'],
              allowTypeImports: true,
              message: 'Commands reach the store through use cases (src/usecases).',
            },
            { group: ['**/cli/*', '**/server/*'], message: 'Commands know no adapter.' },
          ],
        },
      ],
    },
  },
  {
    // `serve` is the one command that starts an adapter: the HTTP server.
    files: ['src/commands/serve.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            duckdbOnlyInStore,
            {
              group: ['**/store/*'],
              allowTypeImports: true,
              message: 'Commands reach the store through use cases (src/usecases).',
            },
            { group: ['**/cli/*'], message: 'Commands know no adapter but the one serve starts.' },
          ],
        },
      ],
    },
  },
  {
    // The HTTP server is an adapter like the CLI: it runs commands, and use cases for the
    // dashboard's views that no command has (the map); the store it holds open but never queries.
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            duckdbOnlyInStore,
            {
              group: ['**/store/*'],
              allowTypeImports: true,
              message: 'The server reads through commands and use cases, never the store itself.',
            },
            { group: ['**/cli/*'], message: 'The server and the CLI are separate adapters.' },
          ],
        },
      ],
    },
  },
  {
    // Use cases take settings loaded at the edge (config/settings.ts) and know no adapter.
    files: ['src/usecases/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            duckdbOnlyInStore,
            {
              group: ['**/config/*'],
              importNamePattern: '^load',
              message: 'Use cases never read settings files: take them loaded, from the edge.',
            },
            {
              group: ['**/cli/*', '**/commands/*', '**/server/*'],
              message: 'Use cases know no adapter.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/cli/*', '**/usecases/*', '**/ingest/*'],
              message: 'The store sits below ingest and use cases.',
            },
          ],
        },
      ],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  {
    // The dashboard's one browser script: plain JavaScript, no build step, no type information.
    files: ['web/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'script',
      globals: Object.fromEntries(
        ['window', 'document', 'navigator', 'location', 'fetch', 'FormData', 'EventSource'].map(
          (name) => [name, 'readonly'],
        ),
      ),
    },
  },
  prettier,
);
