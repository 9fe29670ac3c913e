import { renderPdf } from "../server/platform/pdf.js";
import { startTestApp, TestClient } from "../server/test/harness.js";
import { actorOf, latency, timed } from "./support.js";

/**
 * Self-service certificates (自助办理) issued per second, each with its PDF: 李华 asks for 在读证明 of 黑龙江大学 as the
 * kiosk does (the cases service, as its route calls it), BENCH_CERTIFICATES times, one at a time and BENCH_CONCURRENCY
 * at once. Measured in the same run: rendering the same certificate's PDF alone (its share of the work), and an
 * ordinary online submission of another item (the case without the certificate).
 * `node --import tsx bench/self-service.ts`; environment: DATABASE_URL (PGlite when unset), BENCH_CERTIFICATES (200),
 * BENCH_CONCURRENCY (4).
 */

const COUNT = Number(process.env.BENCH_CERTIFICATES ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

const t = await startTestApp();
try {
  const li = new TestClient(t);
  await li.signInApplicant("13800000002");
  const actor = await actorOf(t, li);
  const found = (
    await li.request("GET", `/api/catalog/items?q=${encodeURIComponent("在读证明")}&pageSize=50`)
  ).json() as {
    items: { id: string; orgName: string }[];
  };
  const itemId = found.items.find((i) => i.orgName === "黑龙江大学教务处")?.id ?? "";
  const form = { language: "中文", purpose: "求职实习", copies: 1 };
  let key = 0;
  const certificate = () =>
    t.services.cases.apply(actor, {
      itemId,
      idempotencyKey: `bench-${++key}`,
      form,
      situationKeys: [],
      submit: true,
      commitment: false,
    });

  const first = await certificate();
  if (first.status !== "completed") throw new Error(`the certificate was not issued at once: ${first.status}`);
  const view = await t.services.cases.getCase(actor, first.id);
  const licence = view.licences[0];
  if (!licence) throw new Error("no licence issued");

  // Reference: the PDF alone, with the same blocks the certificate has (title, paragraphs, facts, seal, QR code).
  const pdfTimings: number[] = [];
  for (let i = 0; i < Math.min(COUNT, 100); i++) {
    pdfTimings.push(
      (
        await timed(() =>
          renderPdf({
            title: "在读证明",
            blocks: [
              { kind: "title", text: "在读证明" },
              {
                kind: "paragraph",
                text: "兹证明 李华（学号 20230512）系我校计算机与大数据学院计算机科学与技术专业2023级本科，学制4年，现在读。",
              },
              {
                kind: "fields",
                rows: [
                  ["姓名", "李华"],
                  ["学号", "20230512"],
                  ["专业", "计算机科学与技术"],
                ],
              },
              { kind: "seal", issuer: "黑龙江大学教务处", date: "2026年11月27日" },
              {
                kind: "verification",
                url: `http://127.0.0.1/verify/${licence.code}`,
                lines: [`核验码：${licence.code}`],
              },
            ],
          }),
        )
      )[1],
    );
  }

  const sequential: number[] = [];
  const [, sequentialMs] = await timed(async () => {
    for (let i = 0; i < COUNT; i++) sequential.push((await timed(certificate))[1]);
  });
  const concurrent: number[] = [];
  const [, concurrentMs] = await timed(async () => {
    let left = COUNT;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (left-- > 0) concurrent.push((await timed(certificate))[1]);
      }),
    );
  });

  console.log(`自助开具在读证明（含 PDF），${t.database.kind}，${COUNT} 份`);
  console.log(latency("PDF alone, same blocks (reference)", pdfTimings));
  console.log(latency("certificate issued, one at a time", sequential));
  console.log(latency(`certificate issued, ${CONCURRENCY} at once`, concurrent));
  console.log(`  certificates per second, one at a time            ${(COUNT / (sequentialMs / 1000)).toFixed(1)}`);
  console.log(
    `  certificates per second, ${CONCURRENCY} at once              ${(COUNT / (concurrentMs / 1000)).toFixed(1)}`,
  );
  const pdfMean = pdfTimings.reduce((a, b) => a + b, 0) / pdfTimings.length;
  console.log(`  PDFs per second alone (reference)                 ${(1000 / pdfMean).toFixed(1)}`);
} finally {
  await t.close();
}
