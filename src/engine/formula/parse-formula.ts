import type { BinaryOp, FormulaNode, FunctionName } from './ast.ts';
import { FUNCTIONS } from './ast.ts';
import { FORMULA_LIMITS } from './formula-limits.ts';

/** A syntax error: a message naming the offending token and its 1-based position. */
export interface FormulaSyntaxError {
  message: string;
  /** 1-based character position in the formula. */
  position: number;
  token: string;
  /** Set when the formula is refused for a size limit (`FORMULA_LIMITS`) rather than its syntax. */
  limit?: 'length' | 'depth' | 'arguments';
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

/** Longest token quoted in a message; a longer one is cut (the `token` field keeps it whole). */
const SHOWN_TOKEN = 40;

function failAt(token: { text: string; start: number }, what: string, limit?: FormulaSyntaxError['limit']): never {
  const text = token.text.length > SHOWN_TOKEN ? `${token.text.slice(0, SHOWN_TOKEN)}...` : token.text;
  const shown = token.text === '' ? 'end of formula' : `'${text}'`;
  throw new SyntaxFailure({
    message: `${what}: ${shown} at position ${token.start + 1}`,
    position: token.start + 1,
    token: token.text,
    ...(limit ? { limit } : {}),
  });
}

const { maxLength, maxDepth, maxArguments } = FORMULA_LIMITS;

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
 *
 * The size limits (`FORMULA_LIMITS`) are checked on the way: the length before anything is
 * tokenized, the depth and the arguments of a call while parsing, before the parser goes a
 * level deeper or reads one more argument. The parser recurses only when a level is added
 * (chains of `+`, `*`, `^`, comparisons are loops), so it never recurses more than
 * `maxDepth` levels, and the tree it returns is at most as high as the formula is long.
 */
export function parseFormula(source: string): { ok: true; ast: FormulaNode } | { ok: false; error: FormulaSyntaxError } {
  if (source.length > maxLength) {
    return {
      ok: false,
      error: {
        message: `formula is ${source.length} characters long; at most ${maxLength} are allowed`,
        position: maxLength + 1,
        token: '',
        limit: 'length',
      },
    };
  }
  try {
    const tokens = tokenize(source);
    let pos = 0;
    let depth = 0;
    /** Enters one more level at `token`, refusing the formula past `maxDepth`. */
    const enter = (token: Token): void => {
      depth++;
      if (depth > maxDepth) {
        failAt(token, `formula nests deeper than ${maxDepth} levels (each parenthesis, function call and unary minus adds one)`, 'depth');
      }
    };
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
      if (!isOp('-')) return power();
      const minus = next();
      enter(minus);
      const arg = unary();
      depth--;
      return { kind: 'unary', op: '-', arg, start: minus.start, end: arg.end };
    };
    // `a ^ b ^ -c ^ d` is a loop, not recursion: the operands (each exponent with the unary
    // minuses in front of it) are collected, then folded from the right. A minus in front of
    // an exponent covers the rest of the chain, so its level lasts to the end of the chain.
    const power = (): FormulaNode => {
      const base = primary();
      if (!isOp('^')) return base;
      const operands: Array<{ minuses: Token[]; node: FormulaNode }> = [{ minuses: [], node: base }];
      const entered = depth;
      while (isOp('^')) {
        next();
        const minuses: Token[] = [];
        while (isOp('-')) {
          const minus = next();
          enter(minus);
          minuses.push(minus);
        }
        operands.push({ minuses, node: primary() });
      }
      depth = entered;
      let acc: FormulaNode | null = null;
      for (let i = operands.length - 1; i >= 0; i--) {
        const { minuses, node } = operands[i]!;
        acc = acc === null ? node : { kind: 'binary', op: '^', left: node, right: acc, start: node.start, end: acc.end };
        for (let j = minuses.length - 1; j >= 0; j--) acc = { kind: 'unary', op: '-', arg: acc, start: minuses[j]!.start, end: acc.end };
      }
      return acc!;
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
        enter(token);
        next();
        const args: FormulaNode[] = [];
        if (!isOp(')')) {
          args.push(comparison());
          while (isOp(',')) {
            const comma = next();
            if (args.length === maxArguments) failAt(comma, `${name}() takes at most ${maxArguments} arguments`, 'arguments');
            args.push(comparison());
          }
        }
        const close = expectOp(')', `expected ',' or ')' in ${name}(...)`);
        depth--;
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
        enter(next());
        const inner = comparison();
        expectOp(')', "expected ')'");
        depth--;
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
