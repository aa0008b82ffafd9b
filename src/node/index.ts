/** Node-only helpers (file system). Everything else lives in the browser-safe core, `thidua`. */
export { loadRuleSet, readRuleSetFiles, resolveRuleSetDir, bundledRulesDir, BUNDLED_RULE_SETS } from "./load-dir.js";
