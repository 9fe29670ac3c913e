import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newPage, type Stack, screenshot, signInStaff, startStack } from "./harness.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

describe("the catalog journey", () => {
  it("edit a draft → see violations → fix → publish → find it by search → read its guide → print it", async () => {
    const { page, context } = await newPage(stack);
    await signInStaff(page, "harbin.admin");
    await page.waitForURL("**/admin/catalog");
    await page.getByRole("link", { name: "高级中学、中等职业学校教师资格认定" }).first().click();
    await page.getByRole("button", { name: "修改（新建草稿）" }).click();
    await page.getByText("草稿 第2版").waitFor();

    const promised = page.getByLabel("承诺办结时限天数");
    await promised.fill("99");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await page.getByText("承诺办结时限不得超过法定办结时限").waitFor();
    await screenshot(page, "catalog-violations");

    await promised.fill("8");
    await page.getByRole("button", { name: "保存并发布" }).click();
    await page.getByText("在用 第2版").waitFor();
    await page.getByRole("button", { name: "与第 1 版比较" }).click();
    await page.getByRole("dialog").getByText("承诺办结时限").waitFor();
    // Only what was edited differs: saving through the editor loses no element it does not show.
    expect(await page.getByRole("dialog").locator("tbody tr").count()).toBe(1);
    await screenshot(page, "catalog-diff");
    await page.getByRole("dialog").getByRole("button", { name: "知道了" }).click();

    await page.goto("/search?q=高中教师资格证");
    await page.getByRole("link", { name: "高级中学、中等职业学校教师资格认定" }).first().click();
    await page.getByRole("heading", { level: 1, name: "高级中学、中等职业学校教师资格认定" }).waitFor();
    await page.getByText("8个工作日").first().waitFor();
    await screenshot(page, "catalog-guide");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "下载 PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("高级中学、中等职业学校教师资格认定办事指南.pdf");
    const pdf = await readFile((await download.path()) ?? "");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "打印办事指南" }).isVisible()).toBe(false);
    expect(await page.getByText("申请材料").first().isVisible()).toBe(true);
    await screenshot(page, "catalog-guide-print");
    await context.close();
  });

  it("a phone user searches in plain words and reads a guide without sideways scrolling", async () => {
    const { page, context } = await newPage(stack, { width: 375, height: 740 });
    await page.goto("/");
    await page.getByLabel("搜索服务事项").fill("开在读证明");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/search?q=*");
    // The home page lists 在读证明 too: click only once the results have replaced it.
    await page.getByText(/共找到 \d+ 项服务/).waitFor();
    await page.getByRole("link", { name: "在读证明" }).first().click();
    await page.getByRole("heading", { level: 1, name: "在读证明" }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "catalog-guide-phone");
    await context.close();
  });
});
