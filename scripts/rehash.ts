/**
 * Recomputes the sha256 of every file listed in a rule set's manifest and writes it back.
 * Usage: npm run rehash -- rules/vn-2447-2025 [rules/khanh-hoa-2025 …]
 * Run it after editing a rule file on purpose; a tampered file is exactly what the hashes catch.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

const dirs = process.argv.slice(2);
if (!dirs.length) {
  console.error("usage: npm run rehash -- <rule-set dir> [...]");
  process.exit(2);
}
for (const dir of dirs) {
  const path = join(dir, "manifest.json");
  const manifest = JSON.parse(readFileSync(path, "utf8"));
  for (const f of manifest.files) {
    f.sha256 = bytesToHex(sha256(readFileSync(join(dir, f.path))));
  }
  writeFileSync(path, JSON.stringify(manifest, null, 2) + "\n");
  console.log(`${dir}: ${manifest.files.length} file hashes updated`);
}
