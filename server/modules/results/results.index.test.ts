import { describe, expect, it } from "vitest";
import { createIndexBuilder } from "./results.index.js";

const verifierOf = (i: number) => i.toString(16).padStart(32, "0");

describe("the lookup index", () => {
  it("finds every line by exam number and verifier, and nothing else", () => {
    const builder = createIndexBuilder(2);
    // Every length the contract allows, letters and digits, so that slots collide and probes wrap.
    const numbers = Array.from({ length: 5000 }, (_, i) => `AB12cd${i.toString(36)}${"Z".repeat(i % 12)}`);
    numbers.forEach((examNumber, i) => {
      builder.add({
        examNumber,
        verifier: verifierOf(i),
        scores: [i % 150, -1],
        total: i % 150,
        university: i % 2 ? "黑龙江大学" : null,
        major: i % 2 ? "法学" : null,
        admissionBatch: i % 2 ? "本科批" : null,
      });
    });
    const index = builder.build();
    expect(index.size).toBe(numbers.length);
    numbers.forEach((examNumber, i) => {
      const row = index.find(examNumber, verifierOf(i));
      expect(row).toBeGreaterThanOrEqual(0);
      expect(index.line(row)).toEqual({
        examNumber,
        verifier: verifierOf(i),
        scores: [i % 150, -1],
        total: i % 150,
        university: i % 2 ? "黑龙江大学" : null,
        major: i % 2 ? "法学" : null,
        admissionBatch: i % 2 ? "本科批" : null,
      });
      expect(index.find(examNumber, verifierOf(i + 1))).toBe(-1);
    });
    expect(index.find("AB12cdzzzzzz", verifierOf(0))).toBe(-1);
    expect(index.find(`${numbers[3]}0`, verifierOf(3))).toBe(-1);
    expect(index.find(numbers[3]?.slice(0, -1) ?? "", verifierOf(3))).toBe(-1);
  });

  it("answers an empty batch", () => {
    expect(createIndexBuilder(0).build().find("26230000000001", verifierOf(1))).toBe(-1);
  });
});
