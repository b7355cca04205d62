import type { Frame } from './frame';

/** The parts of jsonata's parsed expression (`jsonata(text).ast()`) the compiler reads. */
export interface AstNode {
  type: string;
  value?: unknown;
  position?: number;
  steps?: AstNode[];
  stages?: AstNode[];
  predicate?: AstNode[];
  expr?: AstNode;
  expressions?: AstNode[];
  expression?: AstNode;
  lhs?: AstNode | [AstNode, AstNode][];
  rhs?: AstNode;
  condition?: AstNode;
  then?: AstNode;
  else?: AstNode;
  procedure?: AstNode;
  arguments?: AstNode[];
  body?: AstNode;
  signature?: unknown;
  thunk?: boolean;
  tuple?: boolean;
  index?: string;
  consarray?: boolean;
}

/** A compiled expression: the context value and the current frame in, the result out. */
export type Evaluate = (input: unknown, frame: Frame) => unknown;

/** Compiles a sub-expression (the compiler's entry, handed to the parts that need it). */
export type Compile = (node: AstNode) => Evaluate;

/** The keys each node type may carry and still be compiled; anything else (a flag the compiler does not honour) is refused. */
export const KNOWN_KEYS: Record<string, readonly string[]> = {
  path: ['steps'],
  name: ['stages', 'tuple', 'index'],
  string: [],
  number: [],
  value: [],
  regex: [],
  variable: [],
  binary: ['lhs', 'rhs'],
  unary: ['expression', 'expressions', 'lhs'],
  condition: ['condition', 'then', 'else'],
  block: ['expressions'],
  bind: ['lhs', 'rhs'],
  function: ['procedure', 'arguments', 'name'],
  lambda: ['arguments', 'body', 'signature', 'thunk'],
  filter: ['expr'],
};
