/** Evaluation: compiled three-valued conditions (fast path) and the tracing reference interpreter. */
export { compileCondition, safeCompileCondition, compileNode, type Node, type ReaderFactory } from "./compile.js";
export { traceCondition, traceLeaves, type TraceNode, type LeafTrace, type GroupTrace, type NotTrace } from "./trace.js";
export { OPERATOR_TABLE, comparator, type OperatorDef } from "./operators.js";
export { pathGetter, getterOfPath, onceIfFrozen } from "./getter.js";
export { F, T, U, MISSING, toTruth, fromTruth, type Tri, type Truth } from "./tri.js";
