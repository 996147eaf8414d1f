export const HOUR_MS = 60 * 60 * 1000;

export const addHours = (iso: string, hours: number): string =>
  new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();

export const isBefore = (a: string, b: string): boolean => Date.parse(a) < Date.parse(b);

/** Whole years between a date of birth (YYYY-MM-DD) and a moment, as a birthday counts them. */
export function ageInYearsAt(dateOfBirth: string, at: string): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const when = new Date(at);
  let age = when.getUTCFullYear() - y;
  const beforeBirthday =
    when.getUTCMonth() + 1 < m || (when.getUTCMonth() + 1 === m && when.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}
