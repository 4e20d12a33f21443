/**
 * No text a reader sees is written into the UI's code: it comes from the messages
 * (components/i18n.ts). Read with the TypeScript compiler API: the components and entry points
 * fail on JSX text with a letter in it, on literal text in attributes a reader sees or hears
 * (title, aria-label, placeholder, alt, label), and on literal text rendered from a JSX
 * expression, passed as a notice, or set as a message, label or title property.
 * Separators and symbols ("·", "×", "—") have no letters and may stay.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { nodes, type Source, sourceFiles, where } from '../support/source-files';

/** Written as they are in every language: none so far (the name "Glossa" is the extName message). */
const ALLOWED = new Set<string>([]);

const VISIBLE_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description']);
/** Properties whose value a reader reads: a notice's text, a toast's action label, a menu's title. */
const VISIBLE_PROPERTIES = new Set(['text', 'message', 'label', 'title', 'description']);
/** Calls whose first argument is shown as it is: notices, statuses, errors on a page. */
const SHOWING_CALLS = new Set(['show', 'setStatus', 'setError', 'onChanged', 'onError']);

const hasLetters = (text: string) => /\p{L}/u.test(text) && !ALLOWED.has(text.trim());

/** The literal text an expression renders: itself, or the branches it may take (not its conditions). */
function renderedLiterals(expr: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr) || ts.isTemplateExpression(expr)) {
    return [expr];
  }
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr)) return renderedLiterals(expr.expression);
  if (ts.isConditionalExpression(expr))
    return [...renderedLiterals(expr.whenTrue), ...renderedLiterals(expr.whenFalse)];
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return renderedLiterals(expr.right);
    if (
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.PlusToken
    ) {
      return [...renderedLiterals(expr.left), ...renderedLiterals(expr.right)];
    }
  }
  if (ts.isArrayLiteralExpression(expr)) return expr.elements.flatMap((e) => renderedLiterals(e));
  return [];
}

/** The words of a literal, without what a template fills in. */
function literalText(node: ts.Node): string {
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return (node as ts.StringLiteralLike).text;
}

/** Every place in `source` that writes text a reader sees. */
function hardcodedText(source: Source): string[] {
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => found.push(`${where(source, node)}: ${JSON.stringify(text.trim())}`);
  const check = (expr: ts.Expression | undefined) => {
    if (!expr) return;
    for (const literal of renderedLiterals(expr))
      if (hasLetters(literalText(literal))) report(literal, literalText(literal));
  };
  for (const node of nodes(source.ast)) {
    if (ts.isJsxText(node) && hasLetters(node.text)) report(node, node.text);
    else if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      check(node.expression);
    } else if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText())) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value) && hasLetters(value.text)) report(value, value.text);
      else if (value && ts.isJsxExpression(value)) check(value.expression);
    } else if (ts.isPropertyAssignment(node) && VISIBLE_PROPERTIES.has(node.name.getText())) {
      check(node.initializer);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      if (SHOWING_CALLS.has(name)) check(node.arguments[0]);
    }
  }
  return found;
}

const UI_SOURCES = [
  ...sourceFiles('components', { deep: false }).filter((s) => s.file.endsWith('.tsx')),
  ...sourceFiles('entrypoints'),
];

describe('no text is written into the UI’s code', () => {
  it('reads the components and entry points', () => {
    expect(UI_SOURCES.map((s) => s.file)).toEqual(
      expect.arrayContaining([
        'components/PopupApp.tsx',
        'components/TermCard.tsx',
        'entrypoints/content/glossa-page.ts',
      ]),
    );
  });

  it.each(UI_SOURCES.map((s) => [s.file, s] as const))('%s', (_file, source) => {
    expect(hardcodedText(source)).toEqual([]);
  });

  it.each<[string, string, string[]]>([
    ['JSX text', '<p>Loading…</p>', ['"Loading…"']],
    ['a visible attribute', '<input placeholder="Search" aria-label={`Find ${x}`} />', ['"Search"', '"Find"']],
    ['a rendered branch', '<p>{busy ? "Saving…" : label}</p>', ['"Saving…"']],
    ['a notice', 'notices.show("Saved.")', ['"Saved."']],
    ['a toast action', 'const a = { label: "Undo", onClick };', ['"Undo"']],
    ['symbols and translated text', '<p>{" · "}{t("popupOnThisPage")} ×</p>', []],
    ['a class name and a condition', '<p class="muted">{status === "saved" && t("savedToList")}</p>', []],
  ])('finds %s', (_what, code, expected) => {
    const ast = ts.createSourceFile('example.tsx', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    expect(hardcodedText({ file: 'example.tsx', ast }).map((f) => f.replace(/^example\.tsx:\d+: /u, ''))).toEqual(
      expected,
    );
  });
});
