import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** LIKE patterns that match the user's text literally: `%`, `_` and `\` in it lose their wildcard meaning. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export const containsPattern = (text: string) => `%${escapeLike(text)}%`;
export const startsWithPattern = (text: string) => `${escapeLike(text)}%`;

/**
 * Rows whose org path is `path` or lies below it. One prefix covers the org and its subtree, because path segments
 * are org ids of one fixed length (uuids), so no sibling shares the prefix: a single range of the `text_pattern_ops`
 * index, where "= p or like 'p/%'" made the planner read the whole province.
 */
export function inSubtree(column: AnyPgColumn | SQL, path: string): SQL {
  return sql`${column} like ${startsWithPattern(path)}`;
}
