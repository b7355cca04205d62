/**
 * Function calls and lambdas. A built-in checks its arguments against its signature first; a
 * lambda evaluates its body in a new frame under the frame and context it was defined in; a native
 * JS function (a component's binding, such as SocialHub's `$wallTimeToIso`) is called with the
 * context as `this`. A tail call (`thunk` in jsonata's tree) is simply a call here.
 */
import { AstNode, Compile, Evaluate } from './ast';
import { EvaluationFailure, withToken } from './evaluationFailure';
import { newEvaluation } from './fieldWalk';
import { Frame } from './frame';
import { isBuiltin } from './functions';
import { NeedsInterpreter } from './needsInterpreter';
import { UnsupportedExpression } from './unsupportedExpression';

/** A JSONata lambda as a value (marked as jsonata marks its own, so it is a function to `$type` and never data). */
export interface Lambda {
  readonly _jsonata_lambda: true;
  readonly params: readonly string[];
  readonly body: Evaluate;
  readonly input: unknown;
  readonly frame: Frame;
}

function isLambda(value: unknown): value is Lambda {
  return typeof value === 'object' && value !== null && (value as Lambda)._jsonata_lambda === true && typeof (value as Lambda).body === 'function';
}

function isPromise(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

export function callFunction(proc: unknown, args: unknown[], input: unknown): unknown {
  if (isBuiltin(proc)) return proc.implementation(...(proc.signature.validate(args, input) as never[]));
  if (isLambda(proc)) {
    const frame = new Frame(proc.frame);
    proc.params.forEach((name, index) => frame.bind(name, args[index]));
    return proc.body(proc.input, frame);
  }
  if (typeof proc === 'function') {
    const result: unknown = (proc as (...values: unknown[]) => unknown).apply(input, args);
    newEvaluation(); // it could have changed the input: read fields afresh
    if (isPromise(result)) throw new NeedsInterpreter('a native function returned a promise');
    return result;
  }
  if (typeof proc === 'object' && proc !== null && (proc as { _jsonata_function?: unknown })._jsonata_function === true) {
    throw new NeedsInterpreter('a jsonata function object passed in as a binding');
  }
  throw new EvaluationFailure('T1006');
}

export function compileCall(node: AstNode, compile: Compile): Evaluate {
  const procedure = node.procedure;
  if (!procedure) throw new UnsupportedExpression('a function call without a procedure');
  // jsonata's "did you mean $name?" (T1005) for a path in call position is not reproduced.
  if (procedure.type === 'path') throw new UnsupportedExpression('a path in function position');
  const proc = compile(procedure);
  const args = (node.arguments ?? []).map((arg) => compile(arg));
  const name = String(procedure.value);
  return (input, frame) => {
    const fn = proc(input, frame);
    const values = args.map((arg) => arg(input, frame));
    try {
      return callFunction(fn, values, input);
    } catch (error) {
      throw withToken(error, name);
    }
  };
}

export function compileLambda(node: AstNode, compile: Compile): Evaluate {
  const body = node.body;
  if (!body) throw new UnsupportedExpression('a lambda without a body');
  if (node.thunk === true) return compile(body); // the tail call itself, evaluated in place
  if (node.signature !== undefined) throw new UnsupportedExpression('a lambda with a signature');
  const params = (node.arguments ?? []).map((param) => String(param.value));
  const evaluateBody = compile(body);
  return (input, frame): Lambda => ({ _jsonata_lambda: true, params, body: evaluateBody, input, frame });
}
