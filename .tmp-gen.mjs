function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function value(f, r) {
  switch (f.type) {
    case "boolean":
      return r() < 0.7;
    case "integer":
      return Math.floor(r() * Math.min((f.max ?? 1200) - (f.min ?? 0) + 1, 1200)) + (f.min ?? 0);
    case "number":
      return Math.round(r() * 1e4) / 100;
    case "ratio":
      return Math.round(r() * 100) / 100;
    case "date":
      return `2025-${String(1 + Math.floor(r() * 12)).padStart(2, "0")}-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}`;
    case "enum":
      return f.values[Math.floor(r() * f.values.length)];
    default:
      return null;
  }
}
function factValue(f, r) {
  if (f.type === "set") return f.values.filter(() => r() < 0.5);
  if (f.type === "object") return Object.fromEntries(Object.entries(f.fields ?? {}).map(([k, spec]) => [k, value(spec, r)]));
  return value(f, r);
}
function generateProfiles(rs, group, n, seed = 2447, density = 0.95) {
  const r = rng(seed);
  const facts = rs.facts.filter((f) => f.groups.includes(group));
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const fv = {};
    for (const f of facts) if (r() < density) fv[f.id] = factValue(f, r);
    out[i] = { id: `${group.slice(0, 3)}-${i}`, name: `\u0110\u01A1n v\u1ECB ${i}`, group, cohort: `cum-${Math.floor(i / 50)}`, year: 2025, facts: fv };
  }
  return out;
}
export {
  generateProfiles,
  rng
};
