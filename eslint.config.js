// @ts-check
import { globSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'eslint/config';
import eslintPluginAstro from 'eslint-plugin-astro';
import ts from 'typescript';
import tseslint from 'typescript-eslint';

/**
 * The files plain Node runs (with its built-in type stripping, outside Vite): the scripts, the
 * bench and astro.config.mjs, and every file they import at runtime, followed from import to
 * import. Node resolves no extensionless path and no `astro:` module, so these files import
 * with the file's own extension; a file joins the set as soon as one of them imports it.
 * `import type` is not followed: Node erases it.
 * @returns {string[]} paths relative to the project root, as ESLint's `files` wants them
 */
function filesPlainNodeRuns() {
  const root = dirname(fileURLToPath(import.meta.url));
  const found = new Set();
  const queue = globSync(['scripts/*.mjs', 'bench/*.mjs', 'astro.config.mjs'], { cwd: root }).map((file) =>
    resolve(root, file),
  );
  while (queue.length > 0) {
    const file = queue.pop();
    if (file === undefined || found.has(file)) continue;
    found.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    /** @param {ts.Node} node */
    const visit = (node) => {
      let specifier;
      if (ts.isImportDeclaration(node) && node.importClause?.phaseModifier !== ts.SyntaxKind.TypeKeyword)
        specifier = node.moduleSpecifier;
      else if (ts.isExportDeclaration(node) && !node.isTypeOnly) specifier = node.moduleSpecifier;
      else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
        specifier = node.arguments[0];
      if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) {
        const target = resolve(dirname(file), specifier.text);
        // A missing extension is what the rule below reports; follow the file it means anyway.
        const imported = [target, `${target}.ts`].find((path) =>
          statSync(path, { throwIfNoEntry: false })?.isFile(),
        );
        if (imported && /\.(ts|mjs|js)$/.test(imported)) queue.push(imported);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...found].map((file) => relative(root, file)).sort();
}

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-fixtures/',
      'parts/',
      'parts-fixtures/',
      '.dist-*/',
      '.astro/',
      'node_modules/',
      'playwright-report/',
      'test-results/',
    ],
  },
  ...tseslint.configs.recommended,
  ...eslintPluginAstro.configs.recommended,
  {
    rules: {
      // Unused names are always a mistake here; an intentionally unused one starts with "_".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Scripts are command-line tools, and budget tests print the figures they measure:
    // printing is what they are for.
    files: ['scripts/**', 'bench/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Plain Node runs these (see filesPlainNodeRuns): an import it cannot resolve fails a script,
    // the bench or the build's card pre-drawing, not Astro, so the lint says so first.
    files: filesPlainNodeRuns(),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^\.{1,2}/(?!.*\.(ts|mjs|js|json)$)`,
              allowTypeImports: true,
              message:
                'Plain Node runs this file (scripts/, bench/ or astro.config.mjs import it): name the imported file with its extension, e.g. "./dates.ts".',
            },
            {
              regex: '^astro:',
              allowTypeImports: true,
              message:
                'Plain Node runs this file (scripts/, bench/ or astro.config.mjs import it) and cannot resolve astro: modules: import it with `import type`, or move what needs it to a file only Astro runs.',
            },
          ],
        },
      ],
      // `import { type A } from './a'` keeps a bare `import './a'` after type stripping, which Node
      // then resolves: `import type` is erased whole.
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
);
