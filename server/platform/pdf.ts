import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import QRCode from "qrcode";
import subsetFont from "subset-font";

/**
 * Chinese A4 documents (办事指南, notices, certificates) laid out from a few kinds of block.
 *
 * The font is Noto Sans SC from npm, cut down with HarfBuzz to the characters each document uses before pdf-lib embeds it:
 * pdf-lib's own subsetter drops CJK glyphs, and the whole font is 10 MB.
 */
export type PdfBlock =
  | { kind: "title"; text: string }
  /** A centred grey line under the title: issuer, number, date. */
  | { kind: "subtitle"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  /** Label and value on one line each; long values run on, across pages if need be. */
  | { kind: "fields"; rows: Array<[label: string, value: string]> }
  /** Column widths are relative weights. */
  | { kind: "table"; columns: Array<{ title: string; weight: number }>; rows: string[][] }
  /** The issuer and date at the right, under a red round seal bearing the issuer's name (电子印章). */
  | { kind: "seal"; issuer: string; date: string }
  /** A QR code of `url` with lines of text beside it: how anyone checks the document. */
  | { kind: "verification"; url: string; lines: string[] };

export interface PdfDocumentSpec {
  /** The document's title in its properties (and the viewer's window). */
  title: string;
  blocks: PdfBlock[];
  /** Printed at the foot of every page beside the page number. */
  footer?: string;
}

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 56, right: 56, top: 60, bottom: 64 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LINE_SPACING = 1.55;
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.4, 0.4, 0.4);
const RULE = rgb(0.8, 0.8, 0.8);
const SHADE = rgb(0.94, 0.95, 0.97);
const SEAL = rgb(0.82, 0.1, 0.1);
const SIZE = { title: 20, subtitle: 10, heading: 13, body: 10.5, table: 9, footer: 8.5 };
const FIELD_LABEL_WIDTH = 104;
const CELL_PADDING = 4;

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
};
const fontBytes = new Map<keyof typeof FONT_FILES, Promise<Buffer>>();

function loadFont(weight: keyof typeof FONT_FILES): Promise<Buffer> {
  let bytes = fontBytes.get(weight);
  if (!bytes) {
    bytes = readFile(require.resolve(FONT_FILES[weight]));
    fontBytes.set(weight, bytes);
  }
  return bytes;
}

/** Characters that must not begin a line (避头点): they hang at the end of the previous one. */
const NO_LINE_START = new Set("，。、；：？！）》」』】”’…—%,.;:?!)]}");

const withoutHanging = (line: string) => {
  let end = line.length;
  while (end > 1 && NO_LINE_START.has(line[end - 1] ?? "")) end--;
  return line.slice(0, end);
};

/** Splits text into lines no wider than `width`: CJK breaks between any two characters, Latin words and numbers stay whole. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, "\n").replace(/\t/g, "  ").split("\n")) {
    let line = "";
    for (const token of paragraph.match(/[A-Za-z0-9@#&+\-_./:=?%]+|\s+|./gsu) ?? []) {
      const candidate = line + token;
      if (font.widthOfTextAtSize(candidate, size) <= width || line === "" || NO_LINE_START.has(token[0] ?? "")) {
        line = candidate;
      } else {
        lines.push(line.trimEnd());
        line = token.trimStart();
      }
      // A token wider than the whole line (a long URL or number) is cut where it overflows; punctuation hung at
      // the end of a line is not an overflow.
      while (font.widthOfTextAtSize(withoutHanging(line), size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** The characters each weight must carry; everything else is cut from the embedded fonts. */
function charactersOf(spec: PdfDocumentSpec): { regular: string; bold: string } {
  let regular = `0123456789第页共/ ${spec.footer ?? ""}`;
  let bold = "";
  for (const block of spec.blocks) {
    if (block.kind === "title" || block.kind === "heading") bold += block.text;
    else if (block.kind === "subtitle" || block.kind === "paragraph") regular += block.text;
    else if (block.kind === "fields") {
      for (const [label, value] of block.rows) {
        bold += label;
        regular += value;
      }
    } else if (block.kind === "table") {
      bold += block.columns.map((c) => c.title).join("");
      regular += block.rows.flat().join("");
    } else if (block.kind === "seal") {
      regular += block.issuer + block.date;
      bold += `${block.issuer}★`;
    } else {
      regular += block.lines.join("");
    }
  }
  const unique = (s: string) => [...new Set(s)].join("");
  return { regular: unique(regular), bold: unique(bold) || "。" };
}

async function embedFont(doc: PDFDocument, weight: keyof typeof FONT_FILES, characters: string): Promise<PDFFont> {
  const subset = await subsetFont(await loadFont(weight), characters, { targetFormat: "truetype" });
  // No `locl`: fontkit would otherwise swap digits after Latin letters for locale variants without a Unicode
  // mapping, which viewers draw as gaps (seen in case numbers such as ORG…-0004).
  return doc.embedFont(subset, { subset: false, features: { locl: false } });
}

/** Lays the blocks out top to bottom, opening pages as they fill; page numbers are added once the count is known. */
class Layout {
  page!: PDFPage;
  y = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN.top;
  }

  /** Makes room for `height` points below the cursor, opening a new page when this one has too little. */
  ensure(height: number): boolean {
    if (this.y - height >= MARGIN.bottom) return false;
    this.newPage();
    return true;
  }

  text(value: string, x: number, size: number, font: PDFFont, color = INK): void {
    this.page.drawText(value, { x, y: this.y - size, size, font, color });
  }

  rule(y: number, thickness = 0.5): void {
    this.page.drawLine({
      start: { x: MARGIN.left, y },
      end: { x: PAGE.width - MARGIN.right, y },
      thickness,
      color: RULE,
    });
  }

  centred(value: string, size: number, font: PDFFont, color = INK): void {
    for (const line of wrapText(value, font, size, CONTENT_WIDTH)) {
      const lineHeight = size * LINE_SPACING;
      this.ensure(lineHeight);
      this.text(line, (PAGE.width - font.widthOfTextAtSize(line, size)) / 2, size, font, color);
      this.y -= lineHeight;
    }
  }

  paragraph(value: string, x: number, width: number, size: number, font: PDFFont): void {
    for (const line of wrapText(value, font, size, width)) {
      const lineHeight = size * LINE_SPACING;
      this.ensure(lineHeight);
      this.text(line, x, size, font);
      this.y -= lineHeight;
    }
  }

  heading(value: string): void {
    // Keep a heading with at least two lines of what follows it.
    this.ensure(SIZE.heading * LINE_SPACING + SIZE.body * LINE_SPACING * 2 + 10);
    this.y -= 8;
    this.page.drawRectangle({
      x: MARGIN.left,
      y: this.y - SIZE.heading - 1,
      width: 3,
      height: SIZE.heading + 2,
      color: rgb(0.09, 0.36, 0.7),
    });
    this.text(value, MARGIN.left + 9, SIZE.heading, this.bold);
    this.y -= SIZE.heading * LINE_SPACING + 2;
  }

  fields(rows: Array<[string, string]>): void {
    const valueX = MARGIN.left + FIELD_LABEL_WIDTH;
    const valueWidth = CONTENT_WIDTH - FIELD_LABEL_WIDTH;
    const lineHeight = SIZE.body * LINE_SPACING;
    for (const [label, value] of rows) {
      const lines = wrapText(value || "—", this.regular, SIZE.body, valueWidth);
      this.ensure(lineHeight);
      this.y -= 3;
      this.text(label, MARGIN.left, SIZE.body, this.bold, GREY);
      lines.forEach((line, index) => {
        if (index > 0 && this.ensure(lineHeight)) this.text(`${label}（续）`, MARGIN.left, SIZE.body, this.bold, GREY);
        this.text(line, valueX, SIZE.body, this.regular);
        this.y -= lineHeight;
      });
      this.y -= 2;
      this.rule(this.y);
    }
  }

  table(columns: Array<{ title: string; weight: number }>, rows: string[][]): void {
    const total = columns.reduce((sum, c) => sum + c.weight, 0);
    const widths = columns.map((c) => (c.weight / total) * CONTENT_WIDTH);
    const lefts = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const lineHeight = SIZE.table * LINE_SPACING;
    const header = columns.map((c, i) => wrapText(c.title, this.bold, SIZE.table, (widths[i] ?? 0) - CELL_PADDING * 2));
    const drawHeader = () => {
      const height = Math.max(...header.map((l) => l.length)) * lineHeight + CELL_PADDING * 2;
      this.page.drawRectangle({ x: MARGIN.left, y: this.y - height, width: CONTENT_WIDTH, height, color: SHADE });
      this.drawRow(header, lefts, this.bold, lineHeight, () => {});
    };
    this.ensure(lineHeight * 3 + CELL_PADDING * 4);
    drawHeader();
    for (const row of rows) {
      const cells = row.map((cell, i) =>
        wrapText(cell || "—", this.regular, SIZE.table, (widths[i] ?? 0) - CELL_PADDING * 2),
      );
      this.drawRow(cells, lefts, this.regular, lineHeight, drawHeader);
    }
  }

  seal(issuer: string, date: string): void {
    const radius = 46;
    this.ensure(radius * 2 + 20);
    const right = PAGE.width - MARGIN.right;
    const centre = { x: right - 70, y: this.y - radius - 4 };
    this.page.drawCircle({ ...centre, size: radius, borderColor: SEAL, borderWidth: 2.5 });
    this.page.drawText("★", { x: centre.x - 8, y: centre.y - 2, size: 16, font: this.bold, color: SEAL });
    // The issuer's name in a line across the seal, shrunk to fit inside the ring.
    const size = Math.min(9, ((radius * 2 - 16) / Math.max(issuer.length, 1)) * 1.0);
    const width = this.bold.widthOfTextAtSize(issuer, size);
    this.page.drawText(issuer, { x: centre.x - width / 2, y: centre.y + 18, size, font: this.bold, color: SEAL });
    const lines = [issuer, date];
    lines.forEach((line, index) => {
      const w = this.regular.widthOfTextAtSize(line, SIZE.body);
      this.page.drawText(line, {
        x: right - w,
        y: centre.y - 8 - index * SIZE.body * LINE_SPACING,
        size: SIZE.body,
        font: this.regular,
        color: INK,
      });
    });
    this.y = centre.y - radius - 8;
  }

  verification(url: string, lines: string[]): void {
    const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
    const count = qr.modules.size;
    const side = 86;
    const cell = side / count;
    this.ensure(side + 12);
    this.y -= 6;
    const top = this.y;
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) {
        if (!qr.modules.get(row, col)) continue;
        this.page.drawRectangle({
          x: MARGIN.left + col * cell,
          y: top - (row + 1) * cell,
          width: cell + 0.05,
          height: cell + 0.05,
          color: INK,
        });
      }
    }
    const textX = MARGIN.left + side + 14;
    for (const line of lines) this.paragraph(line, textX, CONTENT_WIDTH - side - 14, SIZE.body, this.regular);
    this.y = Math.min(this.y, top - side) - 6;
  }

  /** Draws a row line by line so a tall row continues on the next page under a repeated header. */
  private drawRow(cells: string[][], lefts: number[], font: PDFFont, lineHeight: number, onNewPage: () => void): void {
    const height = Math.max(...cells.map((c) => c.length));
    if (this.ensure(lineHeight + CELL_PADDING * 2)) onNewPage();
    this.y -= CELL_PADDING;
    for (let line = 0; line < height; line++) {
      if (line > 0 && this.ensure(lineHeight + CELL_PADDING)) onNewPage();
      cells.forEach((cell, i) => {
        const value = cell[line];
        if (value) this.text(value, (lefts[i] ?? 0) + CELL_PADDING, SIZE.table, font);
      });
      this.y -= lineHeight;
    }
    this.y -= CELL_PADDING;
    this.rule(this.y);
  }
}

function drawPageNumbers(doc: PDFDocument, font: PDFFont, footer: string | undefined): void {
  const pages = doc.getPages();
  pages.forEach((page, index) => {
    const number = `第 ${index + 1} 页 共 ${pages.length} 页`;
    const y = MARGIN.bottom / 2;
    page.drawText(number, {
      x: PAGE.width - MARGIN.right - font.widthOfTextAtSize(number, SIZE.footer),
      y,
      size: SIZE.footer,
      font,
      color: GREY,
    });
    if (footer) page.drawText(footer, { x: MARGIN.left, y, size: SIZE.footer, font, color: GREY });
  });
}

export async function renderPdf(spec: PdfDocumentSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(spec.title, { showInWindowTitleBar: true });
  doc.setLanguage("zh-CN");
  doc.setProducer("办事 Banshi");
  doc.setCreator("办事 Banshi");
  const characters = charactersOf(spec);
  const [regular, bold] = await Promise.all([
    embedFont(doc, "regular", characters.regular),
    embedFont(doc, "bold", characters.bold),
  ]);
  const layout = new Layout(doc, regular, bold);
  for (const block of spec.blocks) {
    switch (block.kind) {
      case "title":
        layout.centred(block.text, SIZE.title, bold);
        layout.y -= 4;
        break;
      case "subtitle":
        layout.centred(block.text, SIZE.subtitle, regular, GREY);
        layout.y -= 6;
        break;
      case "heading":
        layout.heading(block.text);
        break;
      case "paragraph":
        layout.paragraph(block.text, MARGIN.left, CONTENT_WIDTH, SIZE.body, regular);
        layout.y -= 4;
        break;
      case "fields":
        layout.fields(block.rows);
        layout.y -= 6;
        break;
      case "table":
        layout.table(block.columns, block.rows);
        layout.y -= 6;
        break;
      case "seal":
        layout.seal(block.issuer, block.date);
        break;
      case "verification":
        layout.verification(block.url, block.lines);
        break;
    }
  }
  drawPageNumbers(doc, regular, spec.footer);
  return doc.save();
}
