import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { GAOKAO_HEADER, sampleCandidates } from "../server/modules/demo/sample-candidates.js";

/**
 * The reference for bench/results.ts: a bare node:http server answering score lookups from a Map of the same
 * candidates, with no framework, database, captcha, rate limit or security headers. Prints its URL when ready.
 */

const count = Number(process.argv[2] ?? 1_000_000);
const subjects = GAOKAO_HEADER.slice(3, 12);
const candidates = new Map<string, { idNumber: string; name: string; cells: string[] }>();
for (const c of sampleCandidates(count)) candidates.set(c.examNumber, c);

const server = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => {
    body += chunk;
  });
  request.on("end", () => {
    const query = JSON.parse(body) as { examNumber: string; idNumber: string; name: string };
    const found = candidates.get(query.examNumber);
    const matches = found && found.idNumber === query.idNumber && found.name === query.name;
    response.writeHead(matches ? 200 : 404, { "content-type": "application/json; charset=utf-8" });
    response.end(
      JSON.stringify(
        matches
          ? {
              examNumber: query.examNumber,
              name: query.name,
              scores: subjects.flatMap((subject, i) => {
                const score = found.cells[i + 3];
                return score ? [{ subject, score: Number(score) }] : [];
              }),
              total: Number(found.cells[12]),
            }
          : { code: "RESULT_NO_MATCH" },
      ),
    );
  });
});
server.listen(0, "127.0.0.1", () => {
  console.log(`ready http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
