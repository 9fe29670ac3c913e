import { EXAM_SUBJECTS } from "../../../common/vocabulary.js";
import { idNumberCheckChar } from "../../platform/identity.js";

/**
 * Made-up 高考 candidates for the demo, the tests and the benchmark: a valid ID number each, 3+1+2 subject choices
 * and totals that add up. The same seed always gives the same candidates.
 */

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";
const GIVEN = "子涵欣怡梓轩浩宇一诺雨桐思远佳琪宇航明哲嘉怡俊杰晨曦雅婷文博若汐天佑语嫣志强海燕";
const REGIONS = ["230102", "230103", "230104", "230108", "230202", "230302", "230602", "231002", "232700"];
const SUBJECTS = EXAM_SUBJECTS.gaokao;
export const GAOKAO_HEADER = ["准考证号", "身份证号", "姓名", ...SUBJECTS.map((s) => s.name), "总分"];

export type SampleCandidate = { examNumber: string; idNumber: string; name: string; cells: string[] };

/** Mulberry32: a small deterministic generator, so fixtures are reproducible without storing them. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function* sampleCandidates(count: number, seed = 2026): Generator<SampleCandidate> {
  const next = random(seed);
  const pick = (text: string) => text[Math.floor(next() * text.length)] ?? "";
  for (let n = 1; n <= count; n++) {
    const examNumber = `2623${String(n).padStart(10, "0")}`;
    // Region, birthday and sequence number spread so that 3 million candidates still have different ID numbers.
    const region = REGIONS[n % REGIONS.length] ?? "230102";
    const day = Math.floor(n / REGIONS.length) % 336;
    const birth = `2008${String(1 + Math.floor(day / 28)).padStart(2, "0")}${String(1 + (day % 28)).padStart(2, "0")}`;
    const sequence = Math.floor(n / (REGIONS.length * 336)) % 1000;
    const first17 = `${region}${birth}${String(sequence).padStart(3, "0")}`;
    const idNumber = first17 + idNumberCheckChar(first17);
    const name = pick(SURNAMES) + pick(GIVEN) + (next() < 0.6 ? pick(GIVEN) : "");
    const firstChoice = next() < 0.55 ? "物理" : "历史";
    const others = ["化学", "生物", "思想政治", "地理"].sort(() => next() - 0.5).slice(0, 2);
    const scores = SUBJECTS.map((subject) => {
      if (!subject.required && subject.name !== firstChoice && !others.includes(subject.name)) return null;
      return Math.round(subject.fullMarks * (0.45 + 0.5 * next()));
    });
    const total = scores.reduce<number>((sum, score) => sum + (score ?? 0), 0);
    const cells = [
      examNumber,
      idNumber,
      name,
      ...scores.map((score) => (score === null ? "" : String(score))),
      String(total),
    ];
    yield { examNumber, idNumber, name, cells };
  }
}

/** A CSV line, quoting only what needs it. */
export function csvLine(cells: string[]): string {
  return cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(",");
}
