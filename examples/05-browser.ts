/**
 * 05 — The browser-safe core: load a rule set from plain strings (a whole web page: examples/browser/).
 *
 * The core (`thidua`) never touches a file system: `loadRuleSetFromFiles` takes a map of file path →
 * text (or bytes), exactly what a browser gets from `fetch`. Only the HOST part below uses Node.
 */
import { createEngine, loadRuleSetFromFiles, type RuleSetFiles } from "thidua";

// ---- CORE: runs anywhere (browser, worker, Deno); only strings in, plain data out ----------------
function scoreWith(sets: Readonly<Record<string, RuleSetFiles>>, id: string): void {
  const r = loadRuleSetFromFiles(sets[id]!, { resolveParent: (parent) => sets[parent] });
  if (!r.ok) {
    console.log(`${id}: refused — ${r.issues.map((i) => `${i.code} ${i.path.join("/")}`).join("; ")}`);
    return;
  }
  const rs = r.value;
  console.log(`${rs.id}@${rs.version} verified=${rs.verified} files=${rs.files.length} sha256=${rs.sha256.slice(0, 16)}…`);
  const result = createEngine(rs).score(
    { id: "hoi-nong-dan", name: "Hội Nông dân tỉnh", group: "front", year: 2025, facts: { "coordination.regulationSigned": true, "coordination.meetingsHeld": 4 } },
    { asOf: "2025-12-31" },
  );
  console.log(`  score ${result.score}/${result.nominalMax}, ${result.missingFacts.length} facts missing`);
}

// ---- HOST: Node reads the files; a web page would fetch() the same paths --------------------------
import { readFileSync } from "node:fs";

function readSet(id: string): Record<string, string> {
  const dir = new URL(`../rules/${id}/`, import.meta.url);
  const text = (path: string) => readFileSync(new URL(path, dir), "utf8");
  const manifest = text("manifest.json");
  const files: Record<string, string> = { "manifest.json": manifest };
  for (const f of JSON.parse(manifest).files as { path: string }[]) files[f.path] = text(f.path);
  return files;
}
const sets = { "vn-2447-2025": readSet("vn-2447-2025"), "khanh-hoa-2025": readSet("khanh-hoa-2025") };

scoreWith(sets, "vn-2447-2025");
scoreWith(sets, "khanh-hoa-2025");
// One changed character in a rule file: the sha256 no longer matches the manifest.
const awards = sets["vn-2447-2025"]["awards.json"]!;
scoreWith({ ...sets, tampered: { ...sets["vn-2447-2025"], "awards.json": awards.replace('"minClass": "kha"', '"minClass": "yeu"') } }, "tampered");
