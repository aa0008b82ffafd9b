const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** True for an ISO `YYYY-MM-DD` string that names a real calendar day (2025-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  if (s.length !== 10 || !ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
