// Lint, and the layers of the codebase held by it (as vscode-markdown-languageservice holds its own): each folder
// may import only what its layer allows. ARCHITECTURE.md's code map says why each layer is what it is.
//   report/   the engine: itself, the message catalogue, the shared constants, LSP types (type-only)
//   l10n/     the catalogue: itself, and engine types (type-only)
//   readers/  readers of published files: themselves, their parsers, engine types; no Node built-ins
//   features/ language features: the engine, the catalogue, shared, LSP types; no connection, no file system
//   node/     the only code that touches the file system
//   client/   the extension (and its webview page): vscode, the language client, shared and the catalogue; never the engine
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** A Node built-in by its exact name (a gitignore-style group would also match a file of ours named "constants"). */
const NODE_BUILTIN = `^(?:node:.*|(?:${builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/[/]/g, '\\/')).join('|')})(?:/.*)?)$`;
const FILE_SYSTEM = '^(?:node:)?fs(?:/.*)?$';

/** A layer's import rule: `patterns` for @typescript-eslint/no-restricted-imports. */
const restrict = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

const engineOutside = (up) => ({
  group: ['features', 'lsp', 'node', 'cli', 'readers', 'server', 'warmUp', 'shared/protocol'].flatMap((d) => [`${up}${d}`, `${up}${d}/*`]),
  message: 'The engine (server/src/report) imports only itself, the message catalogue, shared/constants and LSP types.',
});

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/e2e/.tools/**', '.e2e/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Only node/ touches the file system (the CLI, the server, the scripts and the tests go through it or are not shipped code).
    files: ['server/src/**/*.ts', 'client/**/*.ts'],
    ignores: ['server/src/node/**'],
    rules: restrict({ regex: FILE_SYSTEM, message: 'Only server/src/node/ touches the file system.' }),
  },
  // The engine, in its folder and in its sub-folders (checks/): the relative path out of it differs.
  ...[['server/src/report/*.ts', '../'], ['server/src/report/*/**/*.ts', '../../']].map(([files, up]) => ({
    files: [files],
    rules: restrict(
      { regex: NODE_BUILTIN, message: 'The engine does no I/O and uses no Node built-ins: it is pure functions over text.' },
      { regex: '^(?!\\.|vscode-languageserver-types$)', message: 'The engine imports no package but LSP types.' },
      { group: ['vscode-languageserver-types'], allowTypeImports: true, message: 'The engine imports LSP types only as types.' },
      engineOutside(up),
    ),
  })),
  {
    files: ['server/src/l10n/**/*.ts'],
    rules: restrict(
      { regex: '^(?!\\./|\\.\\./report/)', message: 'The message catalogue imports nothing but itself (and engine types).' },
      { group: ['../report/*'], allowTypeImports: true, message: 'The catalogue imports engine types only as types: the client bundles it.' },
    ),
  },
  {
    files: ['server/src/readers/**/*.ts'],
    rules: restrict(
      { regex: NODE_BUILTIN, message: 'Readers are pure: bytes in, text and a source map out; no Node built-ins.' },
      { regex: '^(?!\\.|htmlparser2|fflate$|saxes$|unpdf|entities)', message: 'Readers import only themselves, engine types and their parsers.' },
      { group: ['../features', '../features/*', '../lsp', '../lsp/*', '../node', '../node/*', '../cli', '../cli/*', '../server'], message: 'Readers sit below the server and the CLI.' },
    ),
  },
  {
    files: ['server/src/features/**/*.ts'],
    rules: restrict(
      { regex: NODE_BUILTIN, message: 'Language features are pure functions over the model: no I/O.' },
      { group: ['../node', '../node/*', '../lsp', '../lsp/*', '../cli', '../cli/*', '../server'], message: 'Features import the engine, the catalogue, shared and LSP types only.' },
      { group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'Features know no connection: they return LSP-shaped data.' },
    ),
  },
  {
    files: ['server/src/node/**/*.ts'],
    rules: restrict(
      { group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*', '../lsp', '../lsp/*', '../features', '../features/*', '../cli', '../cli/*'], message: 'node/ is file access for the CLI and the server: it knows neither.' },
    ),
  },
  {
    files: ['client/**/*.ts'],
    rules: restrict(
      { group: ['**/server/src/report', '**/server/src/report/*', '**/server/src/features/*', '**/server/src/node/*', '**/server/src/lsp/*', '**/server/src/readers/*', '**/server/src/cli/*'], message: 'The extension never imports the engine: it talks to the server (shared/ and l10n/ only).' },
    ),
  },
);
