import { timingSafeEqual } from "node:crypto";

/**
 * A batch's lines held in memory for lookups, in flat typed arrays only: exam numbers side by side in one buffer, an
 * open-addressing hash table of row numbers over them, and every other field in arrays of numbers. A million
 * candidates are then a few dozen arrays rather than millions of objects, which the garbage collector would otherwise
 * walk again and again under load. Built once per batch version (on import, or loaded from the database) and then
 * only read, so every request shares it without locks; a republished batch gets a new index that replaces the old
 * one in a single assignment.
 */

export const VERIFIER_BYTES = 16;
/** Exam numbers are 6–20 letters or digits (see the contract), so each fits a fixed slot of ASCII bytes. */
const KEY_BYTES = 20;
const NONE = 0; // dictionary code of an absent text

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

/** FNV-1a over the characters: exam numbers are ASCII, so no encoding step is needed. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export function createIndexBuilder(subjectCount: number) {
  let size = 0;
  let capacity = 1024;
  let keys = Buffer.alloc(capacity * KEY_BYTES);
  let keyLengths = new Uint8Array(capacity);
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
    keys = Buffer.concat([keys], capacity * KEY_BYTES);
    verifiers = Buffer.concat([verifiers], capacity * VERIFIER_BYTES);
    keyLengths = copyInto(new Uint8Array(capacity), keyLengths);
    scores = copyInto(new Int16Array(capacity * subjectCount), scores);
    totals = copyInto(new Int32Array(capacity), totals);
    texts = copyInto(new Uint32Array(capacity * 3), texts);
  }

  return {
    /** Adds a line; the caller has made sure its exam number is not already in. */
    add(line: LineValues): void {
      if (size === capacity) grow();
      const row = size++;
      keyLengths[row] = keys.write(line.examNumber, row * KEY_BYTES, KEY_BYTES, "latin1");
      verifiers.write(line.verifier.slice(0, VERIFIER_BYTES * 2), row * VERIFIER_BYTES, "hex");
      scores.set(line.scores, row * subjectCount);
      totals[row] = line.total ?? -1;
      texts[row * 3] = codeOf(line.university);
      texts[row * 3 + 1] = codeOf(line.major);
      texts[row * 3 + 2] = codeOf(line.admissionBatch);
    },

    build(): ResultIndex {
      return indexOf({
        size,
        subjectCount,
        keys: Buffer.from(keys.subarray(0, size * KEY_BYTES)),
        keyLengths: keyLengths.slice(0, size),
        verifiers: Buffer.from(verifiers.subarray(0, size * VERIFIER_BYTES)),
        scores: scores.slice(0, size * subjectCount),
        totals: totals.slice(0, size),
        texts: texts.slice(0, size * 3),
        dictionary,
      });
    },
  };
}

type IndexArrays = {
  size: number;
  subjectCount: number;
  keys: Buffer;
  keyLengths: Uint8Array;
  verifiers: Buffer;
  scores: Int16Array;
  totals: Int32Array;
  texts: Uint32Array;
  dictionary: (string | null)[];
};

/** Outside the builder, so that the index keeps only these arrays and not the builder's larger growing ones. */
function indexOf(arrays: IndexArrays): ResultIndex {
  const { size, subjectCount, keys, keyLengths, verifiers, scores, totals, texts, dictionary } = arrays;
  const examNumberAt = (row: number) =>
    keys.toString("latin1", row * KEY_BYTES, row * KEY_BYTES + (keyLengths[row] ?? 0));

  // Row + 1 in each slot (0: empty), at most half full so that probes stay short.
  const slots = new Int32Array(2 ** Math.ceil(Math.log2(Math.max(2, size * 2))));
  const mask = slots.length - 1;
  for (let row = 0; row < size; row++) {
    let slot = hashOf(examNumberAt(row)) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = row + 1;
  }
  const rowOf = (examNumber: string) => {
    for (let slot = hashOf(examNumber) & mask; ; slot = (slot + 1) & mask) {
      const row = (slots[slot] ?? 0) - 1;
      if (row < 0) return undefined;
      if (keyLengths[row] === examNumber.length && sameKey(keys, row * KEY_BYTES, examNumber)) return row;
    }
  };

  const decoy = Buffer.alloc(VERIFIER_BYTES);
  return {
    size,
    find(examNumber, verifier) {
      const row = rowOf(examNumber);
      const given = Buffer.from(verifier.slice(0, VERIFIER_BYTES * 2), "hex");
      const stored = row === undefined ? decoy : verifiers.subarray(row * VERIFIER_BYTES, (row + 1) * VERIFIER_BYTES);
      const matches = given.length === VERIFIER_BYTES && timingSafeEqual(given, stored);
      return row !== undefined && matches ? row : -1;
    },
    line(row) {
      const total = totals[row] ?? -1;
      return {
        examNumber: examNumberAt(row),
        verifier: verifiers.subarray(row * VERIFIER_BYTES, (row + 1) * VERIFIER_BYTES).toString("hex"),
        scores: Array.from(scores.subarray(row * subjectCount, (row + 1) * subjectCount)),
        total: total < 0 ? null : total,
        university: dictionary[texts[row * 3] ?? NONE] ?? null,
        major: dictionary[texts[row * 3 + 1] ?? NONE] ?? null,
        admissionBatch: dictionary[texts[row * 3 + 2] ?? NONE] ?? null,
      };
    },
  };
}

function sameKey(keys: Buffer, offset: number, examNumber: string): boolean {
  for (let i = 0; i < examNumber.length; i++) if (keys[offset + i] !== examNumber.charCodeAt(i)) return false;
  return true;
}

function copyInto<T extends Uint8Array | Int16Array | Int32Array | Uint32Array>(target: T, source: T): T {
  target.set(source);
  return target;
}
