import { PGlite } from "@electric-sql/pglite";
import { SEARCH_QUERIES } from "../server/modules/catalog/search-queries.js";
import { DEMO_ITEMS } from "../server/modules/demo/index.js";
import { SearchIndex } from "../server/platform/search.js";

/**
 * Catalog search over 5,000 items: the in-memory jieba index against a plain SQL LIKE search on the
 * same rows in embedded PostgreSQL, with the same queries, in the same run.
 */
const TARGET = 5_000;
const ROUNDS = 20;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;

function summary(name: string, timings: number[], found: number, total: number) {
  const sorted = [...timings].sort((a, b) => a - b);
  return `  ${name.padEnd(36)} p50 ${percentile(sorted, 0.5).toFixed(3).padStart(7)} ms   p99 ${percentile(sorted, 0.99).toFixed(3).padStart(7)} ms   expected item first: ${found}/${total}`;
}

export async function benchSearch(): Promise<void> {
  const places = [
    "哈尔滨市",
    "齐齐哈尔市",
    "牡丹江市",
    "佳木斯市",
    "大庆市",
    "鸡西市",
    "双鸭山市",
    "伊春市",
    "七台河市",
    "鹤岗市",
    "黑河市",
    "绥化市",
    "大兴安岭地区",
  ];
  const docs: { id: string; name: string; keywords: string; topic: string }[] = [];
  for (let i = 0; docs.length < TARGET; i++) {
    const demo = DEMO_ITEMS[i % DEMO_ITEMS.length];
    if (!demo) break;
    const copy = Math.floor(i / DEMO_ITEMS.length);
    const place = copy === 0 ? "" : `（${places[copy % places.length]}第${copy}批）`;
    docs.push({
      id: `d${i}`,
      name: `${demo.content.name}${place}`,
      keywords: (demo.content.keywords ?? []).join(" "),
      topic: demo.content.topic,
    });
  }

  const buildStart = performance.now();
  const index = new SearchIndex();
  for (const d of docs) {
    index.add(
      d.id,
      `${d.name} ${d.keywords}`,
      [
        { text: d.name, weight: 4, short: true },
        { text: d.keywords, weight: 3, short: true },
        { text: d.topic, weight: 1.5, short: true },
      ],
      [d.name, ...d.keywords.split(" ")],
    );
  }
  const buildMs = performance.now() - buildStart;

  const pg = new PGlite();
  await pg.exec("create table items (id text primary key, name text, keywords text)");
  for (let i = 0; i < docs.length; i += 500) {
    const batch = docs.slice(i, i + 500);
    const values = batch.map((_, j) => `($${j * 3 + 1}, $${j * 3 + 2}, $${j * 3 + 3})`).join(",");
    await pg.query(
      `insert into items values ${values}`,
      batch.flatMap((d) => [d.id, d.name, d.keywords]),
    );
  }

  const expectedFirst = (name: string | undefined, expected: string) => Boolean(name?.includes(expected));
  const memory: number[] = [];
  const like: number[] = [];
  let memoryFound = 0;
  let likeFound = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const { query, expected } of SEARCH_QUERIES) {
      let t = performance.now();
      const hits = index.search(query, 20);
      memory.push(performance.now() - t);
      t = performance.now();
      const rows = await pg.query<{ name: string }>(
        "select name from items where name like $1 or keywords like $1 order by length(name) limit 20",
        [`%${query}%`],
      );
      like.push(performance.now() - t);
      if (round === 0) {
        const first = docs.find((d) => d.id === hits[0]?.id)?.name;
        if (expectedFirst(first, expected)) memoryFound++;
        if (expectedFirst(rows.rows[0]?.name, expected)) likeFound++;
      }
    }
  }
  await pg.close();
  console.log(
    `\ncatalog search, ${docs.length} items, ${SEARCH_QUERIES.length} colloquial queries × ${ROUNDS} rounds (index built in ${buildMs.toFixed(0)} ms)`,
  );
  console.log(summary("plain SQL LIKE on PGlite (reference)", like, likeFound, SEARCH_QUERIES.length));
  console.log(summary("in-memory jieba index", memory, memoryFound, SEARCH_QUERIES.length));
}
