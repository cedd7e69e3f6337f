const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Format a partial date (`2022`, `2022-03` or `2022-03-21`) with exactly the
 * precision it has: a month-only date never gains an invented day.
 *
 * @example formatPartialDate('2022-03') // => 'March 2022'
 */
export function formatPartialDate(value: string): string {
  const [year, month, day] = value.split('-');
  if (!month) return year!;
  const name = MONTHS[Number(month) - 1]!;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}
