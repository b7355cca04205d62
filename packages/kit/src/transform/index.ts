export { compileExpression, compileUncached, clearExpressionCache, CompiledExpression } from './compile';
export { Transformer, TransformSettings } from './transformer';
