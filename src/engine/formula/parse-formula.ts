import type { BinaryOp, FormulaNode, FunctionName } from './ast.ts';
import { FUNCTIONS } from './ast.ts';

/** A syntax error: a message naming the offending token and its 1-based position. */
export interface FormulaSyntaxError {
  message: string;
  /** 1-based character position in the formula. */
  position: number;
  token: string;
}

type Token =
  | { type: 'number'; value: number; text: string; start: number; end: number }
  | { type: 'ident'; text: string; start: number; end: number }
  | { type: 'op'; text: string; start: number; end: number }
  | { type: 'end'; text: ''; start: number; end: number };

const NUMBER = /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?%?/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const OPERATORS = ['<=', '>=', '==', '!=', '+', '-', '*', '/', '^', '(', ')', ',', '<', '>'];

class SyntaxFailure extends Error {
  constructor(readonly detail: FormulaSyntaxError) {
    super(detail.message);
  }
}

function failAt(token: { text: string; start: number }, what: string): never {
  const shown = token.text === '' ? 'end of formula' : `'${token.text}'`;
  throw new SyntaxFailure({
    message: `${what}: ${shown} at position ${token.start + 1}`,
    position: token.start + 1,
    token: token.text,
  });
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(source);
    if (num) {
      const text = num[0];
      const percent = text.endsWith('%');
      const value = Number(percent ? text.slice(0, -1) : text);
      if (!Number.isFinite(value)) failAt({ text, start: i }, 'number out of range');
      tokens.push({ type: 'number', value: percent ? value / 100 : value, text, start: i, end: i + text.length });
      i += text.length;
      continue;
    }
    IDENT.lastIndex = i;
    const ident = IDENT.exec(source);
    if (ident) {
      tokens.push({ type: 'ident', text: ident[0], start: i, end: i + ident[0].length });
      i += ident[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op) {
      tokens.push({ type: 'op', text: op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    failAt({ text: ch, start: i }, 'unexpected character');
  }
  tokens.push({ type: 'end', text: '', start: source.length, end: source.length });
  return tokens;
}

const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=']);

/**
 * Parses a formula into a syntax tree. Precedence, tightest first: `^` (right
 * associative), unary minus, `* /`, `+ -`, comparisons (left associative).
 */
export function parseFormula(
  source: string,
): { ok: true; ast: FormulaNode } | { ok: false; error: FormulaSyntaxError } {
  try {
    const tokens = tokenize(source);
    let pos = 0;
    const peek = (): Token => tokens[pos]!;
    const next = (): Token => tokens[pos++]!;
    const isOp = (text: string): boolean => {
      const t = peek();
      return t.type === 'op' && t.text === text;
    };
    const expectOp = (text: string, what: string): Token => {
      if (!isOp(text)) failAt(peek(), what);
      return next();
    };

    const comparison = (): FormulaNode => {
      let left = additive();
      while (peek().type === 'op' && COMPARISONS.has(peek().text)) {
        const op = next().text as BinaryOp;
        const right = additive();
        left = { kind: 'binary', op, left, right, start: left.start, end: right.end };
      }
      return left;
    };
    const additive = (): FormulaNode => {
      let left = multiplicative();
      while (isOp('+') || isOp('-')) {
        const op = next().text as BinaryOp;
        const right = multiplicative();
        left = { kind: 'binary', op, left, right, start: left.start, end: right.end };
      }
      return left;
    };
    const multiplicative = (): FormulaNode => {
      let left = unary();
      while (isOp('*') || isOp('/')) {
        const op = next().text as BinaryOp;
        const right = unary();
        left = { kind: 'binary', op, left, right, start: left.start, end: right.end };
      }
      return left;
    };
    const unary = (): FormulaNode => {
      if (isOp('-')) {
        const minus = next();
        const arg = unary();
        return { kind: 'unary', op: '-', arg, start: minus.start, end: arg.end };
      }
      return power();
    };
    const power = (): FormulaNode => {
      const base = primary();
      if (isOp('^')) {
        next();
        const exponent = unary();
        return { kind: 'binary', op: '^', left: base, right: exponent, start: base.start, end: exponent.end };
      }
      return base;
    };
    const primary = (): FormulaNode => {
      const token = peek();
      if (token.type === 'number') {
        next();
        return { kind: 'number', value: token.value, start: token.start, end: token.end };
      }
      if (token.type === 'ident') {
        next();
        if (!isOp('(')) return { kind: 'ref', name: token.text, start: token.start, end: token.end };
        if (!Object.hasOwn(FUNCTIONS, token.text)) failAt(token, 'unknown function');
        const name = token.text as FunctionName;
        next();
        const args: FormulaNode[] = [];
        if (!isOp(')')) {
          args.push(comparison());
          while (isOp(',')) {
            next();
            args.push(comparison());
          }
        }
        const close = expectOp(')', `expected ',' or ')' in ${name}(...)`);
        const arity = FUNCTIONS[name];
        if (args.length < arity.min || args.length > arity.max) {
          const wanted =
            arity.max === Infinity
              ? `at least ${arity.min} argument${arity.min === 1 ? '' : 's'}`
              : arity.min === arity.max
                ? `${arity.min} argument${arity.min === 1 ? '' : 's'}`
                : `${arity.min} to ${arity.max} arguments`;
          failAt(token, `${name}() takes ${wanted}, got ${args.length}`);
        }
        if (name === 'round' && args[1]?.kind === 'number' && !Number.isInteger(args[1].value)) {
          failAt({ text: source.slice(args[1].start, args[1].end), start: args[1].start }, 'round() digits must be a whole number');
        }
        return { kind: 'call', name, args, start: token.start, end: close.end };
      }
      if (isOp('(')) {
        next();
        const inner = comparison();
        expectOp(')', "expected ')'");
        return inner;
      }
      failAt(token, token.type === 'end' ? 'formula ends too early' : 'unexpected token');
    };

    if (peek().type === 'end') failAt(peek(), 'empty formula');
    const ast = comparison();
    if (peek().type !== 'end') failAt(peek(), 'unexpected token');
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, error: e.detail };
    throw e;
  }
}
