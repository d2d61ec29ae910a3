import type { FormulaNode } from './ast.ts';
import { roundHalfAwayFromZero } from '../round.ts';

/** A compiled formula: reads input values by index from `values`, returns a finite number. */
export type CompiledFormula = (values: ArrayLike<number>) => number;

/**
 * Thrown inside a compiled formula for division by zero or a non-finite intermediate;
 * the evaluator catches it and turns it into an `EngineError` naming scenario, use case,
 * calculation and month. It never escapes the engine.
 */
export class FormulaRuntimeError extends Error {}

function finite(x: number, what: string): number {
  // biome-ignore lint/suspicious/noSelfCompare: x !== x is the cheapest NaN test on this hot path
  if (x !== x || x === Infinity || x === -Infinity) throw new FormulaRuntimeError(`${what} is not a finite number`);
  return x;
}

/**
 * Compiles a syntax tree once into nested closures (no `eval`, no `new Function`).
 * `indexOf` maps an input key to its slot in the values array; every key must be known
 * (the document validator has checked that).
 */
export function compileFormula(node: FormulaNode, indexOf: (key: string) => number): CompiledFormula {
  switch (node.kind) {
    case 'number': {
      const value = node.value;
      return () => value;
    }
    case 'ref': {
      const index = indexOf(node.name);
      if (index < 0) throw new Error(`unknown input '${node.name}' reached the compiler`);
      const name = node.name;
      return (v) => {
        const x = v[index]!;
        // biome-ignore lint/suspicious/noSelfCompare: x !== x is the cheapest NaN test on this hot path
        if (x !== x || x === Infinity || x === -Infinity) throw new FormulaRuntimeError(`input '${name}' is not a finite number`);
        return x;
      };
    }
    case 'unary': {
      const arg = compileFormula(node.arg, indexOf);
      return (v) => -arg(v);
    }
    // biome-ignore lint/suspicious/noFallthroughSwitchClause: every operator returns; TypeScript checks the inner switch is exhaustive
    case 'binary': {
      const l = compileFormula(node.left, indexOf);
      const r = compileFormula(node.right, indexOf);
      switch (node.op) {
        case '+':
          return (v) => finite(l(v) + r(v), 'a sum');
        case '-':
          return (v) => finite(l(v) - r(v), 'a difference');
        case '*':
          return (v) => finite(l(v) * r(v), 'a product');
        case '/':
          return (v) => {
            const a = l(v);
            const b = r(v);
            if (b === 0) throw new FormulaRuntimeError('division by zero');
            return finite(a / b, 'a quotient');
          };
        case '^':
          return (v) => finite(Math.pow(l(v), r(v)), 'a power');
        case '<':
          return (v) => (l(v) < r(v) ? 1 : 0);
        case '<=':
          return (v) => (l(v) <= r(v) ? 1 : 0);
        case '>':
          return (v) => (l(v) > r(v) ? 1 : 0);
        case '>=':
          return (v) => (l(v) >= r(v) ? 1 : 0);
        case '==':
          return (v) => (l(v) === r(v) ? 1 : 0);
        case '!=':
          return (v) => (l(v) !== r(v) ? 1 : 0);
      }
    }
    case 'call': {
      const args = node.args.map((a) => compileFormula(a, indexOf));
      const [a0, a1, a2] = args as [CompiledFormula, CompiledFormula?, CompiledFormula?];
      switch (node.name) {
        case 'min':
          return args.length === 2 ? (v) => Math.min(a0(v), a1!(v)) : (v) => Math.min(...args.map((a) => a(v)));
        case 'max':
          return args.length === 2 ? (v) => Math.max(a0(v), a1!(v)) : (v) => Math.max(...args.map((a) => a(v)));
        case 'abs':
          return (v) => Math.abs(a0(v));
        case 'floor':
          return (v) => Math.floor(a0(v));
        case 'ceil':
          return (v) => Math.ceil(a0(v));
        case 'round':
          if (!a1) return (v) => roundHalfAwayFromZero(a0(v), 0);
          return (v) => {
            const digits = a1(v);
            if (!Number.isInteger(digits)) throw new FormulaRuntimeError(`round() digits must be a whole number, got ${digits}`);
            return roundHalfAwayFromZero(a0(v), digits);
          };
        case 'if':
          return (v) => (a0(v) !== 0 ? a1!(v) : a2!(v));
      }
    }
  }
}
