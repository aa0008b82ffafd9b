/** Explain: message catalogs (vi reference, en translation) and conditions in words. */
export { vi } from "./messages/vi.js";
export { en } from "./messages/en.js";
export type { Catalog } from "./messages/types.js";
export { catalogFor } from "./catalog.js";
export { describeCondition, formatValue, type ConditionLine } from "./conditions.js";
