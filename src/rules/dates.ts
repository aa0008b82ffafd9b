const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Days of each month of a common year. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** A leap year of the Gregorian calendar: divisible by 4, except centuries not divisible by 400. */
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** True for an ISO `YYYY-MM-DD` string that names a real calendar day (2025-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  if (s.length !== 10 || !ISO.test(s)) return false;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!);
}
