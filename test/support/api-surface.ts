/**
 * The public surface: every value each entry point exports, by name (issue 17.6). Types are free and
 * not listed; values are what a program can call or read at run time. Changing a list is changing the
 * public API: say so in CHANGELOG.md and regenerate docs/api.md (`npm run docs:api`).
 * test/api-surface.test.ts holds the sources to it; test/dist/package.test.ts and test/dist/pack.test.ts
 * hold the built ESM and CommonJS files (and the installed tarball) to it.
 */
export const PUBLIC_VALUES = {
  /** What a program needs: load, score, recommend, explain, render, record, replay, errors. */
  thidua: [
    // load
    "loadRuleSetFromFiles", "GROUPS", "canonicalJson",
    // score, recommend, what-if
    "createEngine", "PROFILE_LIMITS", "TIE_BREAKS",
    // explain and render
    "explain", "renderExplanation", "renderText", "renderMarkdown", "renderCsv", "renderHtml", "renderRecordJson", "renderRulebook", "issueText",
    // record and replay
    "buildDecisionRecord", "applyCommitteeOverrides", "validateCommitteeOverrides", "outcomeDigest", "parseDecisionRecord", "checkRecordSeal",
    // errors
    "ThiduaError", "formatIssue", "formatPath", "ISSUE_CODES",
  ],
  /** Rule sets on disk. */
  "thidua/node": ["loadRuleSet", "readRuleSetFiles", "resolveRuleSetDir", "bundledRulesDir", "BUNDLED_RULE_SETS"],
  /** Inputs larger than memory, and reports written cohort by cohort. */
  "thidua/stream": ["partitionKey", "recommendPartitioned", "decidePartition", "decideRunQuotas", "revisitPartition", "assemble", "reportLayout", "recordHead"],
  /** One condition on its own, without a rule set. */
  "thidua/conditions": ["compileCondition", "safeCompileCondition", "traceCondition"],
} as const satisfies Record<string, readonly string[]>;

export type EntryPoint = keyof typeof PUBLIC_VALUES;

/** The names of a module's values, sorted (what `import * as m` sees, or what `require` returns). */
export const valueNames = (m: object): string[] => Object.keys(m).filter((k) => k !== "__esModule").sort();

/** The expected names of an entry point, sorted. */
export const expectedValues = (entry: EntryPoint): string[] => [...PUBLIC_VALUES[entry]].sort();
