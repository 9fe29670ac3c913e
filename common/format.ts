import { LIMIT_UNIT_LABELS, type LimitUnit } from "./vocabulary.js";

/** How the web and the documents write a few recurring values, so a guide reads the same on screen and on paper. */

export interface Limit {
  days: number;
  unit: LimitUnit;
}

/** 5个工作日 */
export function limitText(limit: Limit): string {
  return `${limit.days}${LIMIT_UNIT_LABELS[limit.unit]}`;
}

/** A promised limit of 0 days means the item is done on the spot (即办). */
export function promiseText(limit: Limit): string {
  return limit.days === 0 ? "即办" : limitText(limit);
}

/** 工本费 10.00 元；…, or 不收费 */
export function feeText(fees: Array<{ name: string; amountFen: number }>): string {
  return fees.length === 0 ? "不收费" : fees.map((f) => `${f.name} ${(f.amountFen / 100).toFixed(2)} 元`).join("；");
}

/** 零跑动 or 1 次 */
export function visitsText(visits: number): string {
  return visits === 0 ? "零跑动" : `${visits} 次`;
}

/** 2026-11-27 → 2026年11月27日, as official documents write a date. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}
