/**
 * Serves the browser example: bundles `main.ts` (esbuild, for browsers) and serves it with
 * `index.html`, the repository's `rules/` and `fixtures/`. `npx tsx examples/browser/serve.ts`, then
 * open the printed address. The test in test/dist/browser.test.ts uses the same server.
 */
import { build } from "esbuild";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = join(here, "..", "..");
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json" };

/** The page script for browsers, minified or not; `thidua` resolves to `thidua` (the built package in this repository, or the installed one). */
export async function bundleExample(minify: boolean, alias: Record<string, string> = {}): Promise<Uint8Array> {
  const r = await build({ entryPoints: [join(here, "main.ts")], bundle: true, minify, platform: "browser", format: "esm", write: false, alias, logLevel: "error" });
  return r.outputFiles[0]!.contents;
}

/** Starts the example's server on `port` (0: any free one); resolves with the server and its address. */
export async function serveExample(port = 8080, script?: Uint8Array): Promise<{ server: Server; url: string }> {
  const main = script ?? (await bundleExample(false));
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    const send = (body: Uint8Array | string, type: string) => res.writeHead(200, { "content-type": type }).end(body);
    if (path === "/" || path === "/index.html") return void readFile(join(here, "index.html")).then((b) => send(b, TYPES[".html"]!));
    if (path === "/main.js") return void send(main, TYPES[".js"]!);
    if (!/^\/(rules|fixtures)\//.test(path) || path.includes("..")) return void res.writeHead(404).end();
    readFile(join(root, path)).then((b) => send(b, TYPES[extname(path)] ?? "application/octet-stream"), () => res.writeHead(404).end());
  });
  await new Promise<void>((ok) => server.listen(port, "127.0.0.1", ok));
  const address = server.address();
  return { server, url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}/` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  serveExample().then(({ url }) => console.log(`thidua browser example: ${url}`));
}
