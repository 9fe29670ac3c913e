import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answerCaptcha,
  apiAs,
  newPage,
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

/** Fills and confirms the open dialog of a workbench action. */
async function confirmDialog(page: Page, fill: (dialog: ReturnType<Page["getByRole"]>) => Promise<void>) {
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await page.waitForTimeout(400); // antd's open animation re-renders the form; typing during it can be lost
  await fill(dialog);
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/api/"));
  await dialog.getByRole("button", { name: /确\s*定/ }).click();
  expect((await answered).status()).toBe(200);
  await dialog.waitFor({ state: "hidden" });
}

/** 张明 gets a 在读证明 of 黑龙江大学, issued at once from the university's records: a case ready to rate. */
async function completedCase(): Promise<string> {
  const applicant = await newPage(stack);
  await signInApplicant(applicant.page, "13800000001");
  await applicant.page.waitForURL("**/me");
  const found = (await apiAs(applicant.page, "GET", `/api/catalog/items?q=${encodeURIComponent("在读证明")}`)) as {
    items: { id: string; orgName: string }[];
  };
  const item = found.items.find((i) => i.orgName === "黑龙江大学教务处");
  const filed = (await apiAs(applicant.page, "POST", "/api/cases", {
    itemId: item?.id,
    idempotencyKey: `e2e-${Date.now()}`,
    form: { language: "中文", purpose: "求职实习", copies: 1 },
  })) as { number: string };
  await applicant.context.close();
  return filed.number;
}

describe("a bad rating", () => {
  it("is given through the SMS link, rectified and called back, closed by a supervisor, and published", async () => {
    const caseNumber = await completedCase();

    // The invitation arrives by SMS; the applicant opens it on a phone, without signing in.
    const phone = await newPage(stack, { width: 375, height: 760 });
    const p = phone.page;
    let link = "";
    await expect
      .poll(async () => {
        const inbox = (await (await p.request.get("/api/dev/inbox")).json()) as { text: string }[];
        link = inbox.find((m) => m.text.includes(caseNumber) && m.text.includes("/rate/"))?.text ?? "";
        return link;
      })
      .toContain("/rate/");
    await p.goto(`/rate/${/\/rate\/([\w-]+)/.exec(link)?.[1]}`);
    await p.getByText("黑龙江大学教务处").waitFor();
    for (const group of await p.getByRole("radiogroup").all()) {
      await group.getByText("非常不满意", { exact: true }).click();
    }
    await p.getByLabel("意见建议（选填）").fill("证明上的专业名称错了，打了三次才对。");
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(p, "feedback-rate-by-sms");
    await p.getByRole("button", { name: "提交评价" }).click();
    await p.getByText("感谢您的评价").waitFor();
    await phone.context.close();

    // The university's administrator verifies, answers the rater, and calls back.
    const handler = await newPage(stack);
    const h = handler.page;
    await signInStaff(h, "hlju.admin");
    await h.waitForURL("**/admin/**");
    await h.goto("/workbench/rectifications");
    await h.getByRole("link", { name: "在读证明" }).first().click();
    await h.getByRole("heading", { name: "差评整改：在读证明" }).waitFor();
    await h.getByRole("button", { name: "查看完整号码（回访用）" }).click();
    await h.getByText("13800000001").waitFor();
    await h.getByRole("button", { name: "核实整改并答复" }).click();
    await confirmDialog(h, async (d) => {
      await d.getByLabel("核实情况").fill("经核实，学籍系统中该生专业名称未随转专业更新。");
      await d.getByText("问题属实，已整改", { exact: true }).click();
      await d.getByLabel(/整改措施或解释说明/).fill("已更正学籍系统专业名称，并核查同批转专业学生 37 人。");
      await d.getByLabel(/答复评价人/).fill("您反映的问题属实，专业名称已更正，可重新打印在读证明。");
    });
    await h.getByRole("button", { name: "记录回访" }).click();
    await confirmDialog(h, async (d) => {
      await d.getByText("已联系上", { exact: true }).click();
      await d.getByText("满意", { exact: true }).click();
      await d.getByLabel("回访记录").fill("电话回访，评价人已重新打印，表示满意。");
    });
    await h.getByText("待审核").first().waitFor();
    await screenshot(h, "feedback-rectification");
    await handler.context.close();

    // A supervisor of the province closes it.
    const supervisor = await newPage(stack);
    const s = supervisor.page;
    await signInStaff(s, "province.supervisor");
    await s.waitForURL("**/workbench");
    await s.goto("/workbench/rectifications");
    await s.getByText("待审核", { exact: true }).click();
    await s.getByRole("link", { name: "在读证明" }).first().click();
    const closed = s.waitForResponse((r) => r.url().endsWith("/close"));
    await s.getByRole("button", { name: "审核通过，办结" }).click();
    expect((await closed).status()).toBe(200);
    await supervisor.context.close();

    // Anyone sees the rectification, and nobody's name with it.
    const visitor = await newPage(stack);
    const v = visitor.page;
    await v.goto("/ratings");
    await v.getByRole("tab", { name: "差评整改公示" }).click();
    await v.getByText("已更正学籍系统专业名称").waitFor();
    expect(await v.locator("main").textContent()).not.toMatch(/张明|13800000001/);
    await screenshot(v, "feedback-public-rectifications");
    await v.getByRole("tab", { name: "评价统计" }).click();
    await v.getByRole("cell", { name: "黑龙江大学教务处" }).waitFor();
    await screenshot(v, "feedback-public-figures");
    await visitor.context.close();
  });
});

describe("an anonymous complaint", () => {
  it("is followed by its tracking code to the org's answer", async () => {
    const visitor = await newPage(stack);
    const v = visitor.page;
    await v.goto("/complaints");
    await v.getByText("您未登录，将以匿名方式提交").waitFor();
    const org = v.getByRole("combobox", { name: "被投诉单位" });
    await org.click();
    await org.fill("南岗区");
    await v.getByTitle("南岗区教育局").click();
    await v.getByLabel("标题").fill("转学手续被要求提供无关证明");
    await v.getByLabel("具体内容").fill("11 月 20 日在南岗区教育局窗口办理转学，被要求提供户口本原件以外的房产证明。");
    await answerCaptcha(v);
    await screenshot(v, "feedback-complaint-form");
    await v.getByRole("button", { name: "提交" }).click();
    const code = ((await v.locator(".tracking-code").textContent()) ?? "").trim();
    expect(code).toMatch(/^[0-9A-Z]{16}$/);
    await screenshot(v, "feedback-complaint-code");

    const handler = await newPage(stack);
    const h = handler.page;
    await signInStaff(h, "harbin.admin");
    await h.waitForURL("**/admin/**");
    await h.goto("/workbench/complaints");
    await h.getByRole("link", { name: /^TS/ }).first().click();
    await h.getByText("匿名", { exact: true }).waitFor();
    await h.getByRole("button", { name: "开始核查" }).click();
    await confirmDialog(h, async (d) => {
      await d.getByLabel("核查方案").fill("调取窗口录像，约谈当班人员。");
    });
    await h.getByRole("button", { name: "答复" }).click();
    await confirmDialog(h, async (d) => {
      await d.getByLabel("核查情况").fill("经调取录像，当班人员确有要求提供房产证明的情况。");
      await d.getByText("属实", { exact: true }).click();
      await d.getByLabel("处理措施").fill("取消该项要求，对当班人员批评教育。");
      await d.getByLabel("答复提交人").fill("您反映的情况属实，已取消该要求，可直接办理转学。");
    });
    await screenshot(h, "feedback-complaint-workbench");
    await handler.context.close();

    await v.goto("/complaints");
    await v.getByRole("tab", { name: "查询办理进度" }).click();
    await v.getByLabel("查询码").fill(code.toLowerCase());
    await v.getByRole("button", { name: "查询" }).click();
    await v.getByText("您反映的情况属实，已取消该要求").waitFor();
    await screenshot(v, "feedback-complaint-answer");
    await visitor.context.close();
  });
});
