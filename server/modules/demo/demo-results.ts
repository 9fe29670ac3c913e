import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { systemActor } from "../../platform/audit.js";
import { asSystem } from "../../platform/auth.js";
import type { NewBatch, ResultsService } from "../results/index.js";
import { DEMO_APPLICANTS } from "./demo.seed.js";
import { csvLine, GAOKAO_HEADER, type SampleCandidate, sampleCandidates } from "./sample-candidates.js";

const ADMISSIONS = [
  ["黑龙江大学", "汉语言文学", "本科批"],
  ["哈尔滨工业大学", "计算机科学与技术", "本科批"],
  ["东北农业大学", "农学", "本科批"],
  ["哈尔滨职业技术大学", "工业机器人技术", "专科批"],
];

/** The demo applicant 李华 sat the exam too, so 我的成绩 shows her results once she signs in. */
function demoApplicant(examNumber: string): SampleCandidate {
  const applicant = DEMO_APPLICANTS[1]?.signUp;
  const idNumber = applicant && "idNumber" in applicant ? (applicant.idNumber ?? "") : "";
  const name = applicant?.name ?? "";
  // 语文 数学 外语 物理 (历史) 化学 (生物 思想政治) 地理 总分
  const scores = ["128", "135", "141", "88", "", "79", "", "", "84", "655"];
  return { examNumber, idNumber, name, cells: [examNumber, idNumber, name, ...scores] };
}

const DEMO_CANDIDATE_COUNT = 3000;
const DEMO_SCORES_TITLE = "2026年普通高考成绩";

/** A published 高考 score batch and its admissions, as the examination authority would hand them over. */
export async function seedDemoResults(results: ResultsService, workDir: string): Promise<void> {
  const candidates = [...sampleCandidates(DEMO_CANDIDATE_COUNT)];
  const own = demoApplicant(`2623${String(DEMO_CANDIDATE_COUNT + 1).padStart(10, "0")}`);
  const scoreLines = [...candidates, own].map((c) => c.cells);
  const admissionLines = [...candidates.slice(0, 400), own].map((c, i) => {
    const [university, major, batch] = ADMISSIONS[i % ADMISSIONS.length] ?? [];
    return [c.examNumber, c.idNumber, c.name, university ?? "", major ?? "", batch ?? ""];
  });
  const published = new Date(Date.now() - 60 * 60_000);
  await importDemoBatch(results, workDir, {
    batch: { exam: "gaokao", kind: "scores", year: 2026, title: DEMO_SCORES_TITLE },
    lines: [GAOKAO_HEADER, ...scoreLines],
    publishAt: published,
  });
  await importDemoBatch(results, workDir, {
    batch: { exam: "gaokao", kind: "admissions", year: 2026, title: "2026年普通高校招生录取结果（本专科）" },
    lines: [["准考证号", "身份证号", "姓名", "录取院校", "录取专业", "录取批次"], ...admissionLines],
    publishAt: published,
  });
}

async function importDemoBatch(
  results: ResultsService,
  workDir: string,
  demo: { batch: NewBatch; lines: string[][]; publishAt: Date },
) {
  const batch = await results.create(asSystem(systemActor), demo.batch);
  const filePath = path.join(workDir, `${batch.id}.csv`);
  await mkdir(workDir, { recursive: true });
  await writeFile(filePath, demo.lines.map(csvLine).join("\n"));
  const { run } = await results.beginImport(asSystem(systemActor), batch.id, filePath, `${demo.batch.title}.csv`);
  const imported = await run();
  await rm(filePath, { force: true });
  if (imported.importState !== "succeeded") throw new Error(`demo results failed: ${imported.importMessage}`);
  await results.setPublishAt(asSystem(systemActor), batch.id, demo.publishAt);
}

/** Shown on the demo batch's lookup page, so anyone can try a lookup. */
export function demoCandidates() {
  return [...sampleCandidates(2)].map(({ examNumber, idNumber, name }) => ({
    batchTitle: DEMO_SCORES_TITLE,
    examNumber,
    idNumber,
    name,
  }));
}
