import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actOnCase,
  newPage,
  openQueuedCase,
  type Stack,
  screenshot,
  signInApplicant,
  signInStaff,
  startStack,
} from "./harness.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

const ITEM = "本科生转专业（学籍异动）";

/**
 * Takes one staff action from the case page, filling the dialog's fields when it has some, and waits for the server to
 * accept it (the success message is too brief to wait for on a busy machine).
 */
async function openCase(page: Page, queue: string, number: string) {
  await openQueuedCase(page, queue, number, ITEM);
}

describe("an application online", () => {
  it("walks from the portal through pre-check, supplement, review, decision and delivery to completion", async () => {
    const applicant = await newPage(stack);
    const a = applicant.page;
    await signInApplicant(a, "13800000001");
    await a.waitForURL("**/me");
    await a.goto(`/search?q=${encodeURIComponent("转专业")}`);
    await a.getByRole("link", { name: ITEM, exact: true }).first().click();
    await a.getByRole("link", { name: "在线申请" }).click();
    await a.getByRole("heading", { name: `在线申请：${ITEM}` }).waitFor();
    await a.getByLabel("学生姓名").fill("张明");
    await a.getByLabel("学号").fill("20230101");
    await a.getByLabel("手机号码").fill("13800000001");
    await a.getByLabel("现专业").fill("数学与应用数学");
    await a.getByLabel("拟转入专业").fill("计算机科学与技术");
    await a.getByLabel("申请理由").click();
    await a.keyboard.press("Enter");
    await screenshot(a, "cases-apply");
    await a.getByRole("button", { name: "下一步：上传材料" }).dblclick();
    await a.waitForURL("**/me/cases/*");
    const form = a.locator(".ant-list-item", { hasText: "本科生转专业申请表" });
    await form.locator("input[type=file]").setInputFiles({
      name: "转专业申请表.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    });
    await a.getByRole("link", { name: "转专业申请表.pdf" }).waitFor();
    await screenshot(a, "cases-materials");
    await a.getByRole("button", { name: "提交申请" }).click();
    await a.getByText("待预审").first().waitFor();
    const number = ((await a.locator(".ant-descriptions-item-content").first().textContent()) ?? "").trim();
    expect(number).toMatch(/-\d{8}-\d{4}$/);
    await a.goto("/me/cases");
    await a.getByRole("link", { name: ITEM, exact: true }).first().waitFor();
    // A double click made one case.
    expect(await a.getByRole("link", { name: ITEM, exact: true }).count()).toBe(1);

    const staff = await newPage(stack);
    const s = staff.page;
    await signInStaff(s, "hlju.clerk");
    await s.waitForURL("**/workbench");
    await openCase(s, "precheck", number);
    await actOnCase(s, "一次性告知补正", { "需要补正的内容（每行一项）": "请补充学院同意转出的意见" });

    await a.getByRole("link", { name: ITEM, exact: true }).click();
    await a.getByText("请补充学院同意转出的意见").first().waitFor();
    await screenshot(a, "cases-supplement");
    await a.getByRole("button", { name: "已补正，重新提交" }).click();
    await a.getByText("已重新提交").waitFor();

    await s.reload();
    await actOnCase(s, "受理");
    await screenshot(s, "cases-accepted");

    await signInStaff(s, "hlju.reviewer");
    await s.waitForURL("**/workbench");
    await openCase(s, "review", number);
    await actOnCase(s, "审查通过", { 审查意见: "符合转专业条件" });
    await actOnCase(s, "作出决定", { 理由: "同意转入计算机科学与技术专业" }, ["准予"]);
    await actOnCase(s, "出证", { 结果文书编号: "HLJU-ZZY-2026-001" });

    await signInStaff(s, "hlju.clerk");
    await s.waitForURL("**/workbench");
    await openCase(s, "delivery", number);
    await actOnCase(s, "送达", {}, ["网上下载"]);
    await s.getByText("办理结果已送达").waitFor();
    await screenshot(s, "cases-workbench-completed");

    await a.reload();
    await a.getByText("已办结").first().waitFor();
    await screenshot(a, "cases-completed");
    await applicant.context.close();
    await staff.context.close();
  });
});

describe("a window intake (一窗受理)", () => {
  it("takes an application at another org's window; the applicant sees it online and the item's org accepts it", async () => {
    const staff = await newPage(stack);
    const s = staff.page;
    await signInStaff(s, "harbin.clerk");
    await s.waitForURL("**/workbench");
    await s.getByRole("menuitem", { name: "一窗受理" }).click();
    await s.getByLabel("身份证号或手机号").fill("13800000002");
    await s.getByRole("button", { name: "查找" }).click();
    await s.getByRole("button", { name: /李华/ }).click();
    await s.getByLabel("办理事项").fill("休学");
    await s.getByText("休学、复学（黑龙江大学教务处）").click();
    await s.getByLabel("学生姓名").fill("李华");
    await s.getByLabel("学号").fill("20240315");
    await s.getByLabel("手机号码").fill("13800000002");
    for (const choice of ["申请类型", "原因"]) {
      await s.getByLabel(choice).click();
      await s.keyboard.press("Enter");
    }
    await s.getByLabel("起始日期").fill("2026-12-01");
    await s.keyboard.press("Enter");
    await screenshot(s, "cases-intake");
    await s.getByRole("button", { name: "录入并提交" }).click();
    await s.waitForURL("**/workbench/cases/*");
    await s.getByText("窗口受理").waitFor();
    const number = ((await s.locator(".ant-descriptions-item-content").first().textContent()) ?? "").trim();
    // The Harbin window took it in, but only the university's own staff accept it.
    expect(await s.getByRole("button", { name: "受理", exact: true }).count()).toBe(0);

    const applicant = await newPage(stack);
    await signInApplicant(applicant.page, "13800000002");
    await applicant.page.waitForURL("**/me");
    await applicant.page.goto("/me/cases");
    await applicant.page.getByText(number, { exact: true }).waitFor();

    await signInStaff(s, "hlju.clerk");
    await s.waitForURL("**/workbench");
    await s.goto("/workbench/queue/precheck");
    await s.getByRole("link", { name: number }).click();
    await actOnCase(s, "受理");
    const notice = s.getByRole("link", { name: "受理通知书" });
    const response = await s.request.get((await notice.getAttribute("href")) ?? "");
    expect(response.headers()["content-type"]).toBe("application/pdf");
    await screenshot(s, "cases-intake-accepted");
    await applicant.context.close();
    await staff.context.close();
  });
});
