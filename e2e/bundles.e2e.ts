import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actOnCase,
  apiAs,
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

const BUNDLE = "开办营利性民办学校一件事";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

type Part = { key: string; caseNumber: string | null; itemName: string };

/** One org's staff take their part through acceptance, review, decision, issue and delivery in their workbench. */
async function handlePart(page: Page, part: Part, staff: { clerk: string; reviewer: string; approver: string }) {
  const number = part.caseNumber ?? "";
  await signInStaff(page, staff.clerk);
  await page.waitForURL("**/workbench");
  await openQueuedCase(page, "precheck", number, part.itemName);
  await page.getByText("本件是“办好一件事”联办的一部分").waitFor();
  await actOnCase(page, "受理");
  if (staff.reviewer !== staff.clerk) {
    await signInStaff(page, staff.reviewer);
    await page.waitForURL("**/workbench");
    await openQueuedCase(page, "review", number, part.itemName);
  }
  await actOnCase(page, "审查通过", { 审查意见: "材料齐全，符合规定" });
  if (staff.approver !== staff.reviewer) {
    await signInStaff(page, staff.approver);
    await page.waitForURL("**/workbench");
    await openQueuedCase(page, "decision", number, part.itemName);
  }
  await actOnCase(page, "作出决定", { 理由: "符合法定条件，准予" }, ["准予"]);
  if (staff.reviewer !== staff.approver) {
    await signInStaff(page, staff.reviewer);
    await page.waitForURL("**/workbench");
    await openQueuedCase(page, "delivery", number, part.itemName);
  }
  await actOnCase(page, "出证", { 结果文书编号: `${part.key === "approval" ? "教民" : "91230103"}-2026-0088` });
  if (staff.clerk !== staff.reviewer) {
    await signInStaff(page, staff.clerk);
    await page.waitForURL("**/workbench");
    await openQueuedCase(page, "delivery", number, part.itemName);
  }
  await actOnCase(page, "送达", {}, ["网上下载"]);
  await page.getByText("办理结果已送达").waitFor();
}

describe("a bundle (办好一件事)", () => {
  it("is applied for once, handled by two orgs in their own workbenches, and completes with both results", async () => {
    const applicant = await newPage(stack);
    const a = applicant.page;
    await signInApplicant(a, "13800000003");
    await a.waitForURL("**/me");
    await a.goto("/bundles");
    await a.getByRole("link", { name: BUNDLE }).first().click();
    await a.getByRole("heading", { name: BUNDLE }).waitFor();
    await screenshot(a, "bundles-guide");
    await a.getByRole("button", { name: "一次申请" }).click();
    await a.getByRole("heading", { name: `一次申请：${BUNDLE}` }).waitFor();
    const answers: Array<[string, string]> = [
      ["举办者（出资人）名称", "哈尔滨启明教育培训学校有限公司"],
      ["举办者统一社会信用代码或身份证号", "91230103MA1BX2K7Q0"],
      ["拟任法定代表人姓名", "王启明"],
      ["联系人手机号码", "13800000003"],
      ["学校名称", "哈尔滨启明高级中学有限公司"],
      ["办学地址（住所）", "哈尔滨市南岗区学府路100号"],
      ["开办资金（注册资本，万元）", "3000"],
    ];
    for (const [label, value] of answers) await a.getByLabel(label).fill(value);
    await a.getByLabel("办学层次").click();
    await a.getByTitle("普通高中", { exact: true }).click();
    await screenshot(a, "bundles-apply");
    await a.getByRole("button", { name: "下一步：上传材料" }).click();
    await a.waitForURL("**/me/bundles/*");

    // One set of materials: the articles and premises serve both the approval and the registration.
    for (const material of [
      "申办报告",
      "举办者资格证明",
      "资产来源、资金数额及验资证明",
      "学校章程（公司章程）",
      "校舍不动产权证书或者租赁合同",
    ]) {
      const chooser = a.waitForEvent("filechooser");
      await a.getByRole("button", { name: `上传${material}` }).click();
      await (await chooser).setFiles({ name: `${material}.pdf`, mimeType: "application/pdf", buffer: PDF });
      await a.getByText(`已上传 ${material}.pdf`).first().waitFor();
    }
    await a.getByRole("button", { name: "提交申请" }).click();
    await a.getByText("办理中").first().waitFor();
    await a.getByText("等待前序事项办结（办学许可（教育部门））").waitFor();
    await screenshot(a, "bundles-processing");
    const bundleCaseId = a.url().split("/").at(-1) ?? "";
    const partsOf = async () =>
      ((await apiAs(a, "GET", `/api/my/bundle-cases/${bundleCaseId}`)) as { parts: Part[] }).parts;

    const staff = await newPage(stack);
    const [approval] = await partsOf();
    await handlePart(staff.page, approval as Part, {
      clerk: "harbin.clerk",
      reviewer: "harbin.reviewer",
      approver: "harbin.approver",
    });
    // Granted and delivered, the approval lets the registration start by itself, in the market regulator's queue.
    const registration = (await partsOf()).find((p) => p.key === "registration") as Part;
    expect(registration.caseNumber).toBeTruthy();
    await handlePart(staff.page, registration, {
      clerk: "harbin.market",
      reviewer: "harbin.market",
      approver: "harbin.market",
    });
    await screenshot(staff.page, "bundles-market-workbench");
    await staff.context.close();

    await a.reload();
    await a.getByText("已办结").first().waitFor();
    const results = a.locator(".ant-card", { hasText: "办理结果" });
    await results.getByText("民办学校办学许可证").first().waitFor();
    await results.getByText("营业执照").first().waitFor();
    await screenshot(a, "bundles-completed");
    await a.getByRole("button", { name: "评价这件事" }).click();
    const dialog = a.getByRole("dialog");
    await dialog.waitFor();
    await a.waitForTimeout(400); // antd's open animation re-renders the form; a choice made during it can be lost
    for (const group of await dialog.getByRole("radiogroup").all()) {
      await group.getByText("非常满意", { exact: true }).click();
    }
    const rated = a.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/rating"));
    await dialog.getByRole("button", { name: "提交评价" }).click();
    const response = await rated;
    expect(response.status(), await response.text()).toBe(200);
    await a.getByText(/您已于.*评价，感谢您的反馈/).waitFor();
    await screenshot(a, "bundles-rated");
    await applicant.context.close();
  });
});
