/**
 * thidua/conditions — one condition on its own, without a rule set: a condition in json-rules-engine's
 * format (`all` / `any` / `not`, a leaf with `fact`, `operator`, `value` and an optional `path`)
 * evaluated with Kleene logic, where a missing fact is *unknown*, never false. `compileCondition`
 * returns a fast evaluator over a facts object (or throws a `ThiduaError` on a malformed condition;
 * `safeCompileCondition` returns the issues instead); `traceCondition` is the reference interpreter,
 * which records what every leaf saw. The engine evaluates the conditions of rule files with the same
 * code. This entry is a public face only: no stage of the library imports it.
 */
export { compileCondition, safeCompileCondition, traceCondition, type FactReader, type Truth, type TraceNode, type LeafTrace } from "../evaluation/index.js";
export type { Condition, LeafCondition } from "../rules/index.js";
