/** Node-only helpers (file system). Everything else lives in the browser-safe core, `thidua`. */
export { loadRuleset, readRulesetFiles, resolveRulesetDir, bundledRulesDir, BUNDLED_RULESETS } from "./load-dir.js";
