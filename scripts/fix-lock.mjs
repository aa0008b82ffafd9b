// Adds lock entries for platform-specific optional dependencies (e.g. @rollup/rollup-darwin-arm64)
// that `npm install` left out because the registry this project is built against serves only the
// Linux builds. `npm ci` refuses a lock file without them; they are optional and never installed on
// Linux, so an entry naming version, os and cpu is all `npm ci` needs. Run after `npm install`:
//   node scripts/fix-lock.mjs
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const pk = lock.packages;
const OS = ["android", "darwin", "freebsd", "linux", "openbsd", "openharmony", "sunos", "win32", "aix", "netbsd", "cygwin"];
const CPU = ["arm64", "arm", "x64", "ia32", "loong64", "ppc64", "riscv64", "s390x", "mips64el", "wasm32"];
let added = 0;
for (const [key, meta] of Object.entries(pk)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const candidates = [`${key ? `${key}/` : ""}node_modules/${name}`, `node_modules/${name}`];
    if (candidates.some((c) => pk[c])) continue;
    const parts = name.split("/").pop().split("-");
    const os = parts.find((p) => OS.includes(p));
    const cpu = parts.find((p) => CPU.includes(p));
    if (!os || !/^\d+\.\d+\.\d+/.test(version)) continue;
    pk[`node_modules/${name}`] = { version, ...(cpu && { cpu: [cpu] }), dev: meta.dev ?? false, optional: true, os: [os] };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pk).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(path, JSON.stringify(lock, null, 2) + "\n");
console.log(`package-lock.json: ${added} optional platform entries added`);
