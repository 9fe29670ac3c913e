import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvLine, GAOKAO_HEADER, sampleCandidates } from "../server/modules/demo/sample-candidates.js";
import { answerCaptcha, newPage, type Stack, screenshot, signInStaff, startStack } from "./harness.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

const TITLE = "2026年普通高考成绩（复核后）";
const candidates = [...sampleCandidates(200, 99)];
const [first] = candidates;

async function resultsFile(name: string, lines: string[][]): Promise<string> {
  const file = path.join(tmpdir(), name);
  await writeFile(file, [GAOKAO_HEADER, ...lines].map(csvLine).join("\n"));
  return file;
}

describe("exam results", () => {
  it("an administrator imports a batch all or nothing and publishes it; a candidate looks it up on a phone", async () => {
    if (!first) throw new Error("no candidates");
    const admin = await newPage(stack);
    const page = admin.page;
    await signInStaff(page, "sysadmin");
    await page.waitForURL("**/admin/**");
    await page.goto("/admin/results");
    await page.getByRole("button", { name: "新建批次" }).click();
    await page.getByLabel("批次名称").fill(TITLE);
    await page
      .getByRole("dialog")
      .getByRole("button", { name: "新 建" })
      .or(page.getByRole("dialog").getByRole("button", { name: "新建" }))
      .click();
    const row = page.getByRole("row", { name: new RegExp(TITLE.replace(/[()（）]/g, ".")) });
    await row.waitFor();

    const broken = candidates.map((c) => c.cells);
    broken[9] = [...(broken[9] ?? [])];
    broken[9][4] = "151";
    await row.locator("input[type=file]").setInputFiles(await resultsFile("成绩-有误.csv", broken));
    await row.getByText("导入失败").waitFor();
    await row.getByRole("button", { name: "展开行" }).click();
    await page.getByText("共 1 行有误，未导入任何数据。请修正后重新导入。").waitFor();
    await page.getByText("数学成绩“151”应为 0–150 之间的数（至多一位小数）").waitFor();
    await screenshot(page, "results-import-failed");

    await row.locator("input[type=file]").setInputFiles(
      await resultsFile(
        "成绩.csv",
        candidates.map((c) => c.cells),
      ),
    );
    await row.getByText(/已导入/).waitFor();
    expect(await row.getByRole("cell", { name: "200", exact: true }).count()).toBe(1);
    await row.getByRole("button", { name: "设定发布时间" }).click();
    await page.getByRole("button", { name: "立即发布" }).click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /确\s*定/ })
      .click();
    await row.getByText(/已开放/).waitFor();
    await screenshot(page, "results-admin");
    await admin.context.close();

    const phone = await newPage(stack, { width: 375, height: 740 });
    const p = phone.page;
    await p.goto("/results");
    await p.getByRole("link", { name: TITLE }).click();
    await p.getByLabel("准考证号").fill(first.examNumber);
    await p.getByLabel("身份证号").fill(first.idNumber);
    await p.getByLabel("姓名").fill("张冠李戴");
    const token = await answerCaptcha(p);
    await p.getByRole("button", { name: /查\s*询/ }).click();
    await p.getByRole("alert").getByText("未查询到匹配的结果，请核对准考证号、身份证号和姓名后重试").waitFor();
    await screenshot(p, "results-lookup-miss");

    await p.getByLabel("姓名").fill(first.name);
    await answerCaptcha(p, token);
    await p.getByRole("button", { name: /查\s*询/ }).click();
    await p.getByText("总分").waitFor();
    expect(await p.locator(".exam-total strong").textContent()).toBe(first.cells[12]);
    // A phone shows the whole answer without sideways scrolling.
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(p, "results-lookup-found");
    await phone.context.close();
  });
});
