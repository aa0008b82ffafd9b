import { describe, expect, it } from "vitest";
import { sharedBy, sharedBy2 } from "./shared.js";

describe("shared values of the compiled checks", () => {
  it("are made once per key, frozen, and kept up to the limit; past it, made afresh each time", () => {
    const shared = sharedBy<string, { n: number }>(2);
    let made = 0;
    const get = (k: string) => shared(k, () => ({ n: ++made }));
    const [a, b, c] = [get("a"), get("b"), get("c")];
    expect([get("a") === a, get("b") === b, get("c") === c, Object.isFrozen(a), Object.isFrozen(c), made]).toEqual([true, true, false, true, true, 4]);
  });

  it("with two keys, the limit counts the values kept under every first key together", () => {
    const shared = sharedBy2<string, number, { n: number }>(3);
    let made = 0;
    const get = (a: string, b: number) => shared(a, b, () => ({ n: ++made }));
    const kept = [get("x", 1), get("x", 2), get("y", 1)];
    const past = get("y", 2);
    expect([...kept.map((v, i) => v === get(["x", "x", "y"][i]!, [1, 2, 1][i]!)), get("y", 2) === past, made]).toEqual([true, true, true, false, 5]);
  });
});
