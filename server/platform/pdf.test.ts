import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfPages } from "../test/pdf-text.js";
import { renderPdf, wrapText } from "./pdf.js";

async function latinFont() {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  return doc.embedFont(StandardFonts.Helvetica);
}

describe("wrapText", () => {
  it("keeps every line within the width, words whole, and no closing punctuation at a line start", async () => {
    const font = await latinFont();
    const text = "Apply online at the portal, or bring these papers to any window: ID card, diploma, photos.";
    const lines = wrapText(text, font, 10, 120);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines)
      expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(120 + font.widthOfTextAtSize(",", 10));
    expect(lines.join(" ")).toBe(text);
    expect(lines.some((line) => /^[,.:]/.test(line))).toBe(false);
  });

  it("hangs a comma after a number at the line's end at every width, never starting the next line with it", async () => {
    const font = await latinFont();
    const text = "Enrolled in 2023, length 4, graduating 2027, verified 100%.";
    for (let width = 30; width <= 200; width += 3) {
      const lines = wrapText(text, font, 10, width);
      expect(
        lines.some((line) => /^[,.%]/.test(line)),
        `width ${width}: ${JSON.stringify(lines)}`,
      ).toBe(false);
      expect(lines.join("").replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
    }
  });

  it("cuts a token longer than a line and keeps explicit line breaks", async () => {
    const font = await latinFont();
    const lines = wrapText(`https://example.org/${"a".repeat(200)}\nnext`, font, 10, 100);
    expect(lines.at(-1)).toBe("next");
    expect(lines.slice(0, -1).join("")).toBe(`https://example.org/${"a".repeat(200)}`);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(100);
  });
});

describe("renderPdf", () => {
  it("writes Chinese text a viewer can read back, across numbered pages, with the table header repeated", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [
      String(i + 1),
      `第${i + 1}项申请材料：居民身份证复印件`,
      "必要",
    ]);
    const pdf = await renderPdf({
      title: "测试文书",
      footer: "黑龙江省教育厅",
      blocks: [
        { kind: "title", text: "教师资格认定办事指南" },
        { kind: "subtitle", text: "黑龙江省教育厅 2026-11-27" },
        { kind: "heading", text: "基本信息" },
        { kind: "fields", rows: [["受理条件", "具有中华人民共和国国籍。".repeat(40)]] },
        { kind: "paragraph", text: "本人承诺所填信息真实、准确、完整。" },
        // Digits right after Latin letters once came out as gaps (a locale variant glyph without Unicode).
        { kind: "paragraph", text: "ORGC095CD7D48-0004-20261127-0001），经审查" },
        {
          kind: "table",
          columns: [
            { title: "序号", weight: 1 },
            { title: "材料名称", weight: 6 },
            { title: "要求", weight: 1 },
          ],
          rows,
        },
      ],
    });
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const all = pages.join("");
    expect(all).toContain("教师资格认定办事指南");
    expect(all).toContain("本人承诺所填信息真实、准确、完整。");
    expect(all).toContain("第60项申请材料：居民身份证复印件");
    expect(all).toContain("ORGC095CD7D48-0004-20261127-0001），经审查");
    pages.forEach((page, i) => {
      expect(page).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`);
      expect(page).toContain("黑龙江省教育厅");
    });
    const lastPage = pages.at(-1) ?? "";
    expect(lastPage).toContain("材料名称");
    // Only the characters used are embedded: far below the 10 MB of each full font.
    expect(pdf.length).toBeLessThan(200_000);
  });
});
