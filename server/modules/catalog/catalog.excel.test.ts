import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffClient, startTestApp, type TestApp, type TestClient } from "../../test/harness.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await staffClient(t, "harbin.admin");
});
afterAll(() => t.close());

async function exportFile(): Promise<Buffer> {
  const response = await admin.request("GET", "/api/admin/catalog/export");
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toBe(XLSX);
  return response.rawPayload;
}

async function edit(file: Buffer, change: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("事项");
  if (!sheet) throw new Error("no sheet");
  change(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const column = (sheet: ExcelJS.Worksheet, header: string) => {
  let found = 0;
  sheet.getRow(1).eachCell((cell, n) => {
    if (cell.text === header) found = n;
  });
  return found;
};

describe("catalog in Excel", () => {
  it("exports the subtree's items and imports the same file back unchanged", async () => {
    const file = await exportFile();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const rows = (workbook.getWorksheet("事项")?.rowCount ?? 1) - 1;
    expect(rows).toBeGreaterThanOrEqual(15); // 哈尔滨 and its counties in the demo catalog

    const auditBefore = (await admin.request("GET", "/api/audit?pageSize=1")).json().total;
    const result = await admin.upload("/api/admin/catalog/import", "事项库.xlsx", XLSX, file);
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json()).toEqual({ created: 0, updated: 0, unchanged: rows });
    expect((await admin.request("GET", "/api/audit?pageSize=1")).json().total).toBe(auditBefore);
    expect(await exportFile()).toBeDefined();
  });

  it("imports nothing when any row is bad, and names each bad row", async () => {
    const original = await exportFile();
    const bad = await edit(original, (sheet) => {
      sheet.getRow(2).getCell(column(sheet, "事项类型")).value = "行政魔法";
      sheet.getRow(3).getCell(column(sheet, "网办深度（1–4）")).value = "九";
      sheet.getRow(4).getCell(column(sheet, "申请材料（JSON）")).value = "{broken";
      sheet.getRow(5).getCell(column(sheet, "事项名称")).value = "改了名字但不该被导入";
    });
    const result = await admin.upload("/api/admin/catalog/import", "坏文件.xlsx", XLSX, bad);
    expect(result.statusCode).toBe(422);
    expect(result.json()).toMatchObject({ code: "IMPORT_REJECTED", message: expect.stringContaining("3 行有问题") });
    const errors: { row: number; message: string }[] = result.json().details.errors;
    expect(errors.map((e) => e.row)).toEqual([2, 3, 4]);
    expect(errors[0]?.message).toContain("事项类型");
    expect(errors[2]?.message).toContain("JSON");
    const search = (
      await t.app.inject({ method: "GET", url: `/api/catalog/items?q=${encodeURIComponent("改了名字但不该被导入")}` })
    ).json();
    expect(search.total).toBe(0);
  });

  it("puts a changed row into a draft and leaves the published version in force", async () => {
    const original = await exportFile();
    let name = "";
    const changed = await edit(original, (sheet) => {
      const cell = sheet.getRow(2).getCell(column(sheet, "办理时间"));
      name = sheet.getRow(2).getCell(column(sheet, "事项名称")).text;
      cell.value = "工作日 9:00—16:00（导入修改）";
    });
    const result = await admin.upload("/api/admin/catalog/import", "改.xlsx", XLSX, changed);
    expect(result.json()).toMatchObject({ created: 0, updated: 1 });
    const list = (await admin.request("GET", "/api/admin/catalog/items")).json() as {
      name: string;
      hasDraft: boolean;
    }[];
    expect(list.find((i) => i.name === name)?.hasDraft).toBe(true);
  });

  it("refuses a file that is not a workbook, and rows outside the admin's subtree", async () => {
    const notExcel = await admin.upload("/api/admin/catalog/import", "a.xlsx", XLSX, Buffer.from("hello"));
    expect(notExcel.json().details.errors[0].message).toContain("不是有效的 Excel");
    const province = await staffClient(t, "sysadmin");
    const all = (await province.request("GET", "/api/admin/catalog/export")).rawPayload;
    const hlju = await staffClient(t, "hlju.admin");
    const outside = await hlju.upload("/api/admin/catalog/import", "all.xlsx", XLSX, all);
    expect(outside.statusCode).toBe(422);
    expect(outside.json().details.errors[0].message).toContain("不在您的管辖范围内");
  });
});
