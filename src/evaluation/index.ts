/**
 * Evaluation: the meaning of a condition. `interpret.ts` is the reference interpreter (the
 * specification, with its trace); `compile.ts` the compiled evaluator the engine runs, checked
 * against it by a property test. Both share the operator table and path reading.
 */
export { traceCondition, evaluateCondition, traceLeaves, isFactValue, and, and2, or, not, type FactReader, type TraceNode, type LeafTrace, type GroupTrace, type NotTrace } from "./interpret.js";
export { compileCondition, safeCompileCondition, compileNode, type Node, type ReaderFactory } from "./compile.js";
export { OPERATOR_TABLE, compare, readPath, comparator, pathGetter, type OperatorDef } from "./operators.js";
export { F, T, U, MISSING, toTruth, type Tri, type Truth } from "./tri.js";
