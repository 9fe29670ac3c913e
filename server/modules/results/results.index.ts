import { timingSafeEqual } from "node:crypto";

/**
 * A batch's lines held in memory for lookups: one Map from exam number to row, and every other field in flat typed
 * arrays, so a million candidates take tens of megabytes rather than a million objects. Built once per batch version
 * (on import, or loaded from the database) and then only read, so every request shares it without locks; a
 * republished batch gets a new index that replaces the old one in a single assignment.
 */

export const VERIFIER_BYTES = 16;

export type LineValues = {
  examNumber: string;
  /** Hex; only its first VERIFIER_BYTES bytes are kept. */
  verifier: string;
  scores: number[];
  total: number | null;
  university: string | null;
  major: string | null;
  admissionBatch: string | null;
};

export type ResultIndex = {
  readonly size: number;
  /** The row of the exam number when the verifier matches, else -1; the time taken does not depend on which. */
  find(examNumber: string, verifier: string): number;
  line(row: number): LineValues;
};

const NONE = 0; // dictionary code of an absent text

export function createIndexBuilder(subjectCount: number) {
  const rows = new Map<string, number>();
  const examNumbers: string[] = [];
  let capacity = 1024;
  let verifiers = Buffer.alloc(capacity * VERIFIER_BYTES);
  let scores = new Int16Array(capacity * subjectCount);
  let totals = new Int32Array(capacity);
  let texts = new Uint32Array(capacity * 3);
  const dictionary: (string | null)[] = [null];
  const codes = new Map<string, number>();

  const codeOf = (value: string | null) => {
    if (value === null) return NONE;
    let code = codes.get(value);
    if (code === undefined) {
      code = dictionary.push(value) - 1;
      codes.set(value, code);
    }
    return code;
  };

  function grow() {
    capacity *= 2;
    const biggerVerifiers = Buffer.alloc(capacity * VERIFIER_BYTES);
    verifiers.copy(biggerVerifiers);
    verifiers = biggerVerifiers;
    scores = copyInto(new Int16Array(capacity * subjectCount), scores);
    totals = copyInto(new Int32Array(capacity), totals);
    texts = copyInto(new Uint32Array(capacity * 3), texts);
  }

  return {
    /** Adds a line and returns its row; an exam number already present is the caller's error to report. */
    add(line: LineValues): number {
      const row = examNumbers.length;
      if (row === capacity) grow();
      rows.set(line.examNumber, row);
      examNumbers.push(line.examNumber);
      verifiers.write(line.verifier.slice(0, VERIFIER_BYTES * 2), row * VERIFIER_BYTES, "hex");
      scores.set(line.scores, row * subjectCount);
      totals[row] = line.total ?? -1;
      texts[row * 3] = codeOf(line.university);
      texts[row * 3 + 1] = codeOf(line.major);
      texts[row * 3 + 2] = codeOf(line.admissionBatch);
      return row;
    },

    rowOf(examNumber: string): number | undefined {
      return rows.get(examNumber);
    },

    build(): ResultIndex {
      const size = examNumbers.length;
      const finalVerifiers = Buffer.from(verifiers.subarray(0, size * VERIFIER_BYTES));
      const finalScores = scores.slice(0, size * subjectCount);
      const finalTotals = totals.slice(0, size);
      const finalTexts = texts.slice(0, size * 3);
      const decoy = Buffer.alloc(VERIFIER_BYTES);
      return {
        size,
        find(examNumber, verifier) {
          const row = rows.get(examNumber);
          const given = Buffer.from(verifier.slice(0, VERIFIER_BYTES * 2), "hex");
          const stored =
            row === undefined ? decoy : finalVerifiers.subarray(row * VERIFIER_BYTES, (row + 1) * VERIFIER_BYTES);
          const matches = given.length === VERIFIER_BYTES && timingSafeEqual(given, stored);
          return row !== undefined && matches ? row : -1;
        },
        line(row) {
          const total = finalTotals[row] ?? -1;
          return {
            examNumber: examNumbers[row] ?? "",
            verifier: finalVerifiers.subarray(row * VERIFIER_BYTES, (row + 1) * VERIFIER_BYTES).toString("hex"),
            scores: Array.from(finalScores.subarray(row * subjectCount, (row + 1) * subjectCount)),
            total: total < 0 ? null : total,
            university: dictionary[finalTexts[row * 3] ?? NONE] ?? null,
            major: dictionary[finalTexts[row * 3 + 1] ?? NONE] ?? null,
            admissionBatch: dictionary[finalTexts[row * 3 + 2] ?? NONE] ?? null,
          };
        },
      };
    },
  };
}

function copyInto<T extends Int16Array | Int32Array | Uint32Array>(target: T, source: T): T {
  target.set(source);
  return target;
}
