/**
 * The formula syntax tree. Every node keeps its source span (`start` inclusive, `end`
 * exclusive, 0-based) so errors can point at it and operations can rewrite the formula text
 * without losing the author's formatting.
 */
export type FormulaNode =
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'ref'; name: string; start: number; end: number }
  | { kind: 'unary'; op: '-'; arg: FormulaNode; start: number; end: number }
  | { kind: 'binary'; op: BinaryOp; left: FormulaNode; right: FormulaNode; start: number; end: number }
  | { kind: 'call'; name: FunctionName; args: FormulaNode[]; start: number; end: number };

/** Arithmetic and comparison operators. */
export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=';

/** The only functions the language has, with their arities. */
export const FUNCTIONS = {
  min: { min: 1, max: Infinity },
  max: { min: 1, max: Infinity },
  abs: { min: 1, max: 1 },
  round: { min: 1, max: 2 },
  floor: { min: 1, max: 1 },
  ceil: { min: 1, max: 1 },
  if: { min: 3, max: 3 },
} as const;

/** A function name of the language. */
export type FunctionName = keyof typeof FUNCTIONS;

/** Every input key a formula refers to, in order of first appearance. */
export function references(node: FormulaNode): string[] {
  const seen = new Set<string>();
  const visit = (n: FormulaNode): void => {
    switch (n.kind) {
      case 'ref':
        seen.add(n.name);
        return;
      case 'unary':
        visit(n.arg);
        return;
      case 'binary':
        visit(n.left);
        visit(n.right);
        return;
      case 'call':
        n.args.forEach(visit);
        return;
      case 'number':
        return;
    }
  };
  visit(node);
  return [...seen];
}

/** Every reference node (with its span), in source order. */
export function referenceNodes(node: FormulaNode): Array<Extract<FormulaNode, { kind: 'ref' }>> {
  const out: Array<Extract<FormulaNode, { kind: 'ref' }>> = [];
  const visit = (n: FormulaNode): void => {
    if (n.kind === 'ref') out.push(n);
    else if (n.kind === 'unary') visit(n.arg);
    else if (n.kind === 'binary') {
      visit(n.left);
      visit(n.right);
    } else if (n.kind === 'call') n.args.forEach(visit);
  };
  visit(node);
  return out.sort((a, b) => a.start - b.start);
}
