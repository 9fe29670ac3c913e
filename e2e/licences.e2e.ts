import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, newPage, type Stack, screenshot, signInApplicant, signInStaff, startStack } from "./harness.js";

let stack: Stack;
beforeAll(async () => {
  // An outside system that is down (nothing listens on port 59999), tried once: its deliveries fail at once.
  stack = await startStack({
    DELIVERY_ENDPOINTS: JSON.stringify([
      {
        name: "province",
        url: "http://127.0.0.1:59999/",
        secret: "e".repeat(32),
        events: ["case.status-changed"],
        retryLimit: 0,
      },
    ]),
  });
});
afterAll(async () => {
  await zhangContext?.close();
  await stack.stop();
});

/** 李华's ID number, as she types it at the kiosk, and 张明's, as he fills in a form. */
const LI_HUA_ID = "230103200509154621";
const ZHANG_MING_ID = "230102199003071237";

/** The code in the dev inbox; a code asked for by ID number is sent just after the answer, so wait for it. */
async function codeSentTo(page: Page, masked: string): Promise<string> {
  let code = "";
  await expect
    .poll(async () => {
      const inbox = (await (await page.request.get("/api/dev/inbox")).json()) as { phone: string; text: string }[];
      code = inbox.find((m) => m.phone === masked && m.text.includes("登录验证码"))?.text.match(/(\d{6})/)?.[1] ?? "";
      return code;
    })
    .not.toBe("");
  return code;
}

/** At the kiosk: sign in with the ID number and the code sent to the registered phone, then print a 在读证明. */
async function certificateAtKiosk(page: Page): Promise<{ code: string; number: string }> {
  await page.goto("/kiosk");
  await page.getByRole("button", { name: "自助打印证明" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "身份证号" }).fill(LI_HUA_ID);
  await dialog.getByRole("button", { name: "获取验证码" }).click();
  // The kiosk never says whether an ID number is registered, nor shows the phone it is registered with.
  await dialog.getByText("若该身份证号已在本平台实名登记，验证码已发送至登记的手机").waitFor();
  expect(await dialog.getByText("138****0002").count()).toBe(0);
  await screenshot(page, "licences-kiosk-sign-in");
  await dialog.getByLabel("短信验证码").fill(await codeSentTo(page, "138****0002"));
  await dialog.getByRole("button", { name: "登录", exact: true }).click();
  await page.getByText("李华，您好！请选择服务").waitFor();
  await page.getByRole("button", { name: "自助打印证明" }).click();
  await page.getByText("计算机与大数据学院 计算机科学与技术").waitFor();
  await screenshot(page, "licences-kiosk-certificates");
  await page.getByRole("button", { name: /^在读证明/ }).click();
  await page.getByText("中文", { exact: true }).click();
  await page.getByText("求职实习", { exact: true }).click();
  await screenshot(page, "licences-kiosk-form");
  await page.getByRole("button", { name: "立即开具" }).click();
  const issued = page.getByText(/证照编号 (\S+)，核验码 ([\dA-Z-]{19})/);
  await issued.waitFor();
  const [, number = "", code = ""] =
    /证照编号 (\S+)，核验码 ([\dA-Z-]{19})/.exec((await issued.textContent()) ?? "") ?? [];
  await page.getByTitle("在读证明打印预览").waitFor();
  await page.waitForTimeout(1000);
  await screenshot(page, "licences-kiosk-print");
  return { code, number };
}

/**
 * 张明, signed in once for the whole file: a code may be asked for once a minute per phone, and two tests here need him.
 */
let zhangContext: BrowserContext | null = null;
async function zhangPage(): Promise<Page> {
  if (!zhangContext) {
    const { context, page } = await newPage(stack);
    await signInApplicant(page, "13800000001");
    await page.waitForURL("**/me");
    zhangContext = context;
    return page;
  }
  return zhangContext.newPage();
}

/** Online: 张明 asks for a 在读证明 on the portal; it is issued on submission and shown on his case page. */
async function certificateOnline(): Promise<{ code: string; number: string }> {
  const a = await zhangPage();
  await a.goto(`/search?q=${encodeURIComponent("在读证明")}`);
  await a.getByRole("link", { name: "在读证明", exact: true }).first().click();
  await a.getByRole("link", { name: "在线申请" }).click();
  const choices: Array<[string, string]> = [
    ["证明语种", "中文"],
    ["证明用途", "办理签证"],
  ];
  for (const [label, option] of choices) {
    await a.getByLabel(label).click();
    await a.getByTitle(option, { exact: true }).click();
  }
  await a.getByLabel("份数").fill("2");
  await a.getByRole("button", { name: "提交申请" }).click();
  await a.waitForURL("**/me/cases/*");
  await a.getByRole("link", { name: "查看证照" }).first().waitFor();
  await screenshot(a, "licences-online-case");
  const wallet = (await (await a.request.get("/api/my/licences")).json()) as { code: string; number: string }[];
  await a.close();
  return wallet[0] ?? { code: "", number: "" };
}

describe("a self-service certificate", () => {
  it("is printed at the kiosk, verified by someone else on the public page, and its file checked", async () => {
    const kiosk = await newPage(stack, { width: 1280, height: 1024 });
    const { code, number } = await certificateAtKiosk(kiosk.page);
    expect(code).toMatch(/^[\dA-Z]{4}(-[\dA-Z]{4}){3}$/);
    // The file as the student hands it over: her copy from 我的证照.
    const wallet = (await (await kiosk.page.request.get("/api/my/licences")).json()) as {
      id: string;
      number: string;
    }[];
    const licenceId = wallet.find((l) => l.number === number)?.id;
    const pdf = await (await kiosk.page.request.get(`/api/my/licences/${licenceId}/file`)).body();
    await kiosk.page.getByRole("button", { name: "完成" }).click();
    await kiosk.page.getByRole("button", { name: /退出/ }).click();
    await kiosk.page.getByText("请选择服务，办理前需登录").waitFor();
    await kiosk.context.close();

    // An employer checks it on a phone, scanning the QR code (which opens /verify/<code>).
    const phone = await newPage(stack, { width: 375, height: 800 });
    const v = phone.page;
    await v.goto(`/verify/${code.toLowerCase()}`);
    const result = v.getByRole("region", { name: "核验结果" });
    await result.getByText("有效", { exact: true }).waitFor();
    await v.getByText("李*").waitFor();
    await v.getByText("黑龙江大学教务处").first().waitFor();
    expect(await v.getByText("李华").count()).toBe(0);
    expect(await v.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await v
      .locator("input[type=file]")
      .setInputFiles({ name: "在读证明.pdf", mimeType: "application/pdf", buffer: pdf });
    await v.getByText("文件与签发时一致，未被篡改").waitFor();
    await screenshot(v, "licences-verify-phone");
    const edited = Buffer.concat([pdf, Buffer.from("\n% 改动")]);
    await v
      .locator("input[type=file]")
      .setInputFiles({ name: "改过的.pdf", mimeType: "application/pdf", buffer: edited });
    await v.getByText("文件与签发时不一致，可能已被修改").waitFor();
    await phone.context.close();
  });
});

describe("a revoked licence", () => {
  it("fails verification at once", async () => {
    const { code, number } = await certificateOnline();

    const staff = await newPage(stack);
    const s = staff.page;
    await signInStaff(s, "hlju.reviewer");
    await s.waitForURL("**/workbench");
    await s.goto("/workbench/licences");
    await s.getByLabel("证照编号或核验码").fill(number);
    await s.getByRole("button", { name: "查找" }).click();
    await s.getByRole("button", { name: `撤销 ${number}` }).click();
    const dialog = s.getByRole("dialog");
    await dialog.getByLabel("撤销理由").fill("学籍信息更正，原证明作废");
    await screenshot(s, "licences-revoke");
    await dialog.getByRole("button", { name: "确认撤销" }).click();
    await dialog.waitFor({ state: "hidden" });
    await staff.context.close();

    const anyone = await newPage(stack);
    const v = anyone.page;
    await v.goto("/verify");
    await v.getByLabel("核验码").fill(code);
    await v.getByRole("button", { name: "核验" }).click();
    await v.getByRole("region", { name: "核验结果" }).getByText("已撤销", { exact: true }).waitFor();
    await v.getByText("学籍信息更正，原证明作废").first().waitFor();
    await screenshot(v, "licences-verify-revoked");
    await anyone.context.close();
  });
});

describe("an e-licence instead of an upload", () => {
  it("is chosen with consent when applying, and the clerk sees it verified", async () => {
    const a = await zhangPage();
    // 张明, a part-time master's student of 黑龙江大学, takes a 在读证明 first (issued at once, as tested above).
    const found = (await apiAs(a, "GET", `/api/catalog/items?q=${encodeURIComponent("在读证明")}`)) as {
      items: { id: string; orgName: string }[];
    };
    const certificate = found.items.find((i) => i.orgName === "黑龙江大学教务处");
    await apiAs(a, "POST", "/api/cases", {
      itemId: certificate?.id,
      idempotencyKey: `e2e-${Date.now()}`,
      form: { language: "中文", purpose: "申领补贴", copies: 1 },
    });

    await a.goto(`/search?q=${encodeURIComponent("生源地信用助学贷款")}`);
    await a.getByRole("link", { name: "生源地信用助学贷款", exact: true }).first().click();
    await a.getByRole("link", { name: "在线申请" }).click();
    await a.getByLabel("首次申请").check();
    await a.getByLabel("申请人姓名").fill("张明");
    await a.getByLabel("公民身份号码").fill(ZHANG_MING_ID);
    await a.getByLabel("手机号码").fill("13800000001");
    await a.getByLabel("录取（就读）高校").fill("黑龙江大学");
    await a.getByTitle("黑龙江大学", { exact: true }).click();
    await a.getByLabel("学历层次").click();
    await a.getByTitle("硕士研究生", { exact: true }).click();
    await a.getByLabel("申请金额（元）").fill("12000");
    await a.getByLabel("共同借款人姓名").fill("李建国");
    await a.getByLabel("使用我的电子证照代替“录取通知书、学生证或者在读证明”").click();
    await a
      .getByTitle(/^在读证明/)
      .first()
      .click();
    await a.getByText(/本人同意向.*出示该电子证照/).click();
    await a.getByText("已选用电子证照，免上传").waitFor();
    await screenshot(a, "licences-apply-with-licence");
    await a.getByRole("button", { name: "下一步：上传材料" }).click();
    await a.waitForURL("**/me/cases/*");
    await a.getByText("电子证照免提交").first().waitFor();
    const form = a.locator(".ant-list-item", { hasText: "生源地信用助学贷款申请表" });
    await form.locator("input[type=file]").setInputFiles({
      name: "贷款申请表.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    });
    await a.getByRole("link", { name: "贷款申请表.pdf" }).waitFor();
    await a.getByRole("button", { name: "提交申请" }).click();
    await a.getByText("待预审").first().waitFor();
    const caseUrl = a.url();

    await a.goto("/me/licences");
    await a.getByRole("tab", { name: "用证记录" }).click();
    await a.getByRole("cell", { name: "生源地信用助学贷款" }).waitFor();
    await screenshot(a, "licences-wallet-uses");
    await a.close();

    const clerk = await newPage(stack);
    const s = clerk.page;
    await signInStaff(s, "nangang.clerk");
    await s.waitForURL("**/workbench");
    await s.goto(caseUrl.replace("/me/cases/", "/workbench/cases/"));
    await s.getByText(/已使用电子证照：在读证明/).waitFor();
    await s.getByText("核验有效").first().waitFor();
    await screenshot(s, "licences-clerk-sees-licence");
    await clerk.context.close();
  });
});

describe("任务与投递", () => {
  it("shows the administrator a delivery that failed, and sends it again", async () => {
    // 张明 takes a 在读证明: issued at once, its case changes, and the delivery to the system that is down fails.
    const zhang = await zhangPage();
    const found = (await apiAs(zhang, "GET", `/api/catalog/items?q=${encodeURIComponent("在读证明")}`)) as {
      items: { id: string; orgName: string }[];
    };
    await apiAs(zhang, "POST", "/api/cases", {
      itemId: found.items.find((i) => i.orgName === "黑龙江大学教务处")?.id,
      idempotencyKey: `e2e-jobs-${Date.now()}`,
      form: { language: "中文", purpose: "申领补贴", copies: 1 },
    });
    await zhang.close();

    const { page, context } = await newPage(stack);
    await signInStaff(page, "sysadmin");
    await page.waitForURL("**/admin/catalog");
    await page.getByRole("menuitem", { name: "任务与投递" }).click();
    await page.getByRole("heading", { level: 2, name: "任务与投递" }).waitFor();
    // Delivery jobs fail within a poll of the queue; the page shows them once reloaded.
    await expect
      .poll(
        async () => {
          await page.reload();
          const failed = page.getByRole("cell", { name: /case\.status-changed\.deliver-province/ });
          // The list has loaded once it shows the failed delivery or says there is none.
          await failed.or(page.getByText("没有失败的任务")).first().waitFor();
          return failed.count();
        },
        { timeout: 40_000, interval: 1000 },
      )
      .toBeGreaterThan(0);
    await screenshot(page, "admin-jobs");
    await page.getByRole("button", { name: "重新投递" }).first().click();
    await page.getByText("已重新投递").waitFor();

    const phone = await newPage(stack, { width: 375, height: 812 });
    await signInStaff(phone.page, "sysadmin");
    await phone.page.goto("/admin/jobs");
    await phone.page.getByRole("heading", { level: 2, name: "任务与投递" }).waitFor();
    await screenshot(phone.page, "admin-jobs-375");
    await phone.context.close();
    await context.close();
  }, 90_000);
});
