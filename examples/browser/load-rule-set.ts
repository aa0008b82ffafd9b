/**
 * `loadRuleSetFromUrl(baseUrl)`: a rule set published as static files (its folder, e.g.
 * `https://example.org/rules/vn-2447-2025/`), fetched as bytes and loaded by the browser-safe core.
 * A set that `extends` another is found beside it (`../<parent id>/`), fetched first.
 */
import { loadRuleSetFromFiles, ThiduaError, type LoadOptions, type Result, type RuleSet, type RuleSetFiles } from "thidua";

/** The bytes of a URL (never parsed: the manifest's sha256 is over the exact bytes). */
async function bytesOf(url: URL): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new ThiduaError(`cannot fetch ${url.href}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** The files of one rule-set folder: `manifest.json` and every file it lists. */
async function fetchFiles(base: URL): Promise<{ files: RuleSetFiles; parent: string | undefined }> {
  const manifestBytes = await bytesOf(new URL("manifest.json", base));
  const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as { files?: { path: string }[]; extends?: { id: string } };
  const files: Record<string, Uint8Array> = { "manifest.json": manifestBytes };
  const listed = (manifest.files ?? []).map((f) => f.path).filter((p) => !p.split("/").includes(".."));
  const bodies = await Promise.all(listed.map((p) => bytesOf(new URL(p, base))));
  listed.forEach((p, i) => (files[p] = bodies[i]!));
  return { files, parent: manifest.extends?.id };
}

/** Fetches the rule set at `baseUrl` (and the sets it extends) and loads it: hashes checked, lints run. */
export async function loadRuleSetFromUrl(baseUrl: string | URL, opts: Omit<LoadOptions, "resolveParent"> = {}): Promise<Result<RuleSet>> {
  const base = new URL(String(baseUrl).endsWith("/") ? String(baseUrl) : `${String(baseUrl)}/`, globalThis.location?.href);
  const own = await fetchFiles(base);
  const sets: Record<string, RuleSetFiles> = {};
  for (let id = own.parent; id !== undefined && !(id in sets); ) {
    const parent = await fetchFiles(new URL(`../${id}/`, base));
    sets[id] = parent.files;
    id = parent.parent;
  }
  return loadRuleSetFromFiles(own.files, { ...opts, resolveParent: (id) => sets[id] });
}
