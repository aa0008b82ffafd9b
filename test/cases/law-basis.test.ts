import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { issueText, loadRuleSetFromFiles } from "thidua";
import { citationStanding, lawClaims } from "../../src/rules/index.js";
import { edit, filesOf, jsonOf, loadNational, NATIONAL } from "../support/rules.js";

/**
 * A value is `basis: "law"` only on a provision the manifest records as checked (confirmed, or
 * through a secondary source); `rules.law_unconfirmed` refuses the rest.
 */
const base = filesOf(NATIONAL);
const codes = (files: Record<string, string | Uint8Array>) => {
  const r = loadRuleSetFromFiles(files);
  return r.ok ? [] : r.issues.map((i) => i.code);
};
/** The award whose conditions are the Art. 28 reading (policy-default today), with one leaf claimed as law. */
const claimLaw = (ref: unknown) =>
  edit(base, "awards.json", (j) => {
    const leaf = j.awards.find((a: any) => a.id === "award.tap-the-lao-dong-tien-tien").eligibility.conditions.all[1];
    leaf.basis = "law";
    if (ref === undefined) delete leaf.ref;
    else leaf.ref = ref;
  });

describe("basis law rests on a checked provision (rules.law_unconfirmed)", () => {
  it("loads the bundled rule sets: every law value there cites a checked provision", () => {
    expect(codes(base)).toEqual([]);
  });

  it.each([
    ["an unconfirmed provision (Art. 28, number inferred)", { source: "luat-06-2022", section: "Điều 28" }],
    ["a section the manifest does not list", { source: "luat-06-2022", section: "Điều 28 khoản 1" }],
    ["a citation without a section", { source: "luat-06-2022" }],
    ["a repealed source (Decree 98/2023, repealed by Decree 152/2025 Art. 59)", { source: "nd-98-2023", section: "Điều 54" }],
    ["a source read only through the press (Decision 2447)", { source: "qd-2447-2025", section: "Tiêu chí thi đua đối với các cơ quan, tổ chức, doanh nghiệp (nhóm 4), ý 1" }],
    ["no citation at all", undefined],
  ])("refuses law on %s", (_name, ref) => {
    expect(codes(claimLaw(ref))).toEqual(["rules.law_unconfirmed"]);
  });

  it("words the refusal from the message catalogs, Vietnamese first", () => {
    const r = loadRuleSetFromFiles(claimLaw({ source: "luat-06-2022", section: "Điều 28" }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(issueText(r.issues[0]!, "vi")).toBe(
      'awards["award.tap-the-lao-dong-tien-tien"].eligibility.conditions.all[1]: giá trị ghi căn cứ “do văn bản pháp luật quy định” nhưng điều khoản viện dẫn (luat-06-2022, Điều 28) chưa đối chiếu được với văn bản gốc; hãy dẫn một điều khoản đã đối chiếu, hoặc ghi căn cứ “mặc định chính sách” kèm lý do',
    );
    expect(issueText(r.issues[0]!, "en")).toContain("was not checked against the original");
  });

  it("accepts law on a confirmed or secondary-source provision", () => {
    expect(codes(claimLaw({ source: "luat-06-2022", section: "Điều 27" }))).toEqual([]);
    expect(codes(claimLaw({ source: "luat-06-2022", section: "Điều 74 khoản 1 điểm d" }))).toEqual([]);
  });

  it("checks criterion-level, history and quota claims too", () => {
    const criterion = edit(base, "criteria/enterprise.json", (j) => (j.criteria.find((c: any) => c.id === "enterprise.8").basis = "law"));
    expect(codes(criterion)).toEqual(["rules.law_unconfirmed"]); // Circular 124 Art. 7: unconfirmed
    const history = edit(base, "awards.json", (j) => (j.awards.find((a: any) => a.id === "award.bang-khen-thu-tuong").history[2].basis = "law"));
    expect(codes(history)).toEqual(["rules.law_unconfirmed"]); // Law Art. 73: unconfirmed
    const quota = edit(base, "awards.json", (j) => (j.awards.find((a: any) => a.id === "award.chien-si-thi-dua-co-so").quota.basis = "law"));
    expect(codes(quota)).toEqual(["rules.law_unconfirmed"]); // Decree 91/2017: expired
  });

  it("records, per provision used, its status and the quotes it rests on", () => {
    const m = jsonOf(base, "manifest.json");
    const provisions = m.sources.flatMap((s: any) => (s.provisions ?? []).map((p: any) => ({ source: s.id, ...p })));
    const status = (source: string, section: string) => provisions.find((p: any) => p.source === source && p.section === section)?.status;
    expect(status("luat-06-2022", "Điều 73")).toBe("unconfirmed");
    expect(status("luat-06-2022", "Điều 28")).toBe("unconfirmed");
    expect(status("luat-06-2022", "Điều 26")).toBe("unconfirmed");
    expect(status("luat-06-2022", "Điều 24 khoản 3")).toBe("confirmed");
    expect(status("luat-06-2022", "Điều 74 khoản 1 điểm d")).toBe("secondary");
    expect(m.sources.find((s: any) => s.id === "nd-98-2023").status).toBe("repealed");
    for (const p of provisions) for (const q of p.quotes ?? []) expect(q.length, `${p.source} ${p.section}`).toBeLessThan(400);
  });

  it("gives the standing of a citation for the rule book", () => {
    const rs = loadNational();
    expect(citationStanding(rs.sources, { source: "luat-06-2022", section: "Điều 22" }).kind).toBe("confirmed");
    expect(citationStanding(rs.sources, { source: "luat-06-2022", section: "Điều 73" }).kind).toBe("unconfirmed");
    expect(citationStanding(rs.sources, { source: "nd-91-2017", section: "Điều 9 khoản 3" }).kind).toBe("repealed");
    expect(citationStanding(rs.sources, { source: "tt-124-2021", section: "Điều 6 khoản 1" }).kind).toBe("secondary");
  });

  it("rules/README.md lists each law citation with its status and count, as the rule files have them", () => {
    const rs = loadNational();
    const want = new Map<string, number>();
    for (const c of lawClaims(rs)) {
      const key = `${c.ref!.source} | ${c.ref!.section} | ${citationStanding(rs.sources, c.ref!).kind}`;
      want.set(key, (want.get(key) ?? 0) + 1);
    }
    const md = readFileSync(new URL("../../rules/README.md", import.meta.url), "utf8");
    const table = md.slice(md.indexOf("<!-- law-citations:start -->"), md.indexOf("<!-- law-citations:end -->"));
    const got = new Map(
      [...table.matchAll(/^\| `([^`]+)` \| ([^|]+) \| (\w+) \| (\d+) \|/gm)].map((m) => [`${m[1]} | ${m[2]!.trim()} | ${m[3]}`, Number(m[4])] as const),
    );
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
  });

  it("docs/awards-and-ranking.md lists the national catalog as the rule files have it", () => {
    const rs = loadNational();
    const want = rs.awards.map((a) => [a.id, a.recipient, a.level, String(a.precedence), a.basis, citationStanding(rs.sources, a.citation).kind].join(" "));
    const md = readFileSync(new URL("../../docs/awards-and-ranking.md", import.meta.url), "utf8");
    const got = [...md.matchAll(/^\| `(award\.[a-z0-9.-]+)` — [^|]+\| (\w+) \| ([\w-]+) \| (\d+) \| ([\w-]+) \| [^|]*\((\w+)\) \|$/gm)].map((m) => m.slice(1).join(" "));
    expect(got).toEqual(want);
  });
});
