/**
 * Text matching over Chinese wording in one file, read from its TypeScript syntax tree (so
 * comments and messages do not count): regex literals with Chinese, RegExp built at run time,
 * substring searches for a Chinese string.
 */
import ts from "typescript";

const HAN = /\p{Script=Han}/u;
const SEARCHES = new Set(["test", "match", "matchAll", "exec", "search", "includes", "startsWith", "endsWith", "indexOf", "lastIndexOf", "replace", "replaceAll", "split"]);

export function wordingMatches(name: string, code: string): string[] {
  const file = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const at = (n: ts.Node) => `${name}:${file.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(n) && HAN.test(n.text)) found.push(`${at(n)} ${n.text}`);
    if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === "RegExp") found.push(`${at(n)} RegExp(...)`);
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && SEARCHES.has(n.expression.name.text)) {
      const chinese = n.arguments.find((a) => (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a)) && HAN.test(a.text));
      if (chinese) found.push(`${at(n)} .${n.expression.name.text}(${chinese.getText()})`);
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  return found;
}

