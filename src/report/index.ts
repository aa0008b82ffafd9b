/** Report: renders rule books (and, later, score reports) from data, through the message catalogs. */
export { renderRulebook } from "./rulebook.js";
