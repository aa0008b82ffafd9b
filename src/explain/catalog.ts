import type { Lang } from "../rules/index.js";
import { en } from "./messages/en.js";
import type { Catalog } from "./messages/types.js";
import { vi } from "./messages/vi.js";

export const catalogFor = (lang: Lang): Catalog => (lang === "en" ? en : vi);
