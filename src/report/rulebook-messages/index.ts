import type { Lang } from "../../rules/index.js";
import { enRulebook } from "./en.js";
import type { RulebookCatalog } from "./types.js";
import { viRulebook } from "./vi.js";

export type { RulebookCatalog } from "./types.js";

/** The rule book's wording in a language. */
export const rulebookCatalog = (lang: Lang): RulebookCatalog => (lang === "en" ? enRulebook : viRulebook);
