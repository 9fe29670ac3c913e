import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerCaptcha, newPage, type Stack, screenshot, signInApplicant, signInStaff, startStack } from "./harness.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

describe("each role lands on its face", () => {
  const cases = [
    { username: "sysadmin", path: "/admin/catalog", heading: "事项管理" },
    { username: "harbin.admin", path: "/admin/catalog", heading: "事项管理" },
    { username: "harbin.clerk", path: "/workbench", heading: "我的待办" },
    { username: "harbin.reviewer", path: "/workbench", heading: "我的待办" },
    { username: "harbin.approver", path: "/workbench", heading: "我的待办" },
    { username: "province.legal", path: "/workbench", heading: "我的待办" },
    { username: "harbin.inspector", path: "/workbench", heading: "我的待办" },
    { username: "province.supervisor", path: "/workbench", heading: "我的待办" },
  ];
  for (const c of cases) {
    it(`${c.username} → ${c.path}`, async () => {
      const { page, context } = await newPage(stack);
      await signInStaff(page, c.username);
      await page.waitForURL(`**${c.path}`);
      await page.getByRole("heading", { level: 2, name: c.heading }).waitFor();
      await screenshot(page, `face-${c.username}`);
      await context.close();
    });
  }

  it("an applicant signs in by SMS code and sees their masked identity", async () => {
    const { page, context } = await newPage(stack);
    await signInApplicant(page, "13800000001");
    await page.waitForURL("**/me");
    await page.getByText("138****0001").waitFor();
    expect(await page.getByText("13800000001").count()).toBe(0);
    await screenshot(page, "face-applicant");
    await context.close();
  });

  it("the sign-in page lists the demo accounts", async () => {
    const { page, context } = await newPage(stack);
    await page.goto("/sign-in");
    await page.getByText("演示账号").waitFor();
    await page.getByRole("button", { name: "使用 harbin.clerk 登录" }).waitFor();
    await screenshot(page, "sign-in");
    await context.close();
  });
});

describe("security in the browser", () => {
  it("asks for a captcha after three wrong passwords and locks this address out after five", async () => {
    const { page, context } = await newPage(stack);
    await page.goto("/sign-in");
    await page.getByRole("tab", { name: "工作人员" }).click();
    await page.getByLabel("用户名").fill("nangang.clerk");
    await page.getByLabel("密码").fill("Wrong#Pass1");
    // The form's own submit button: after a try its accessible name may still carry antd's fading "loading" icon.
    const submit = page.getByRole("tabpanel", { name: "工作人员" }).locator("button[type=submit]");
    const signIn = async () => {
      const answered = page.waitForResponse((r) => r.url().endsWith("/api/auth/staff/sign-in"));
      await submit.click();
      return (await answered).status();
    };
    for (const left of [4, 3, 2]) {
      expect(await signIn()).toBe(401);
      await page.getByText(`再错 ${left} 次`).waitFor();
    }
    // The third wrong password brings up the captcha; each try then needs a new one.
    let token = await answerCaptcha(page);
    await screenshot(page, "sign-in-captcha");
    expect(await signIn()).toBe(401);
    await page.getByText("再错 1 次").waitFor();
    token = await answerCaptcha(page, token);
    expect(await signIn()).toBe(423);
    await page.getByText("账号已锁定").waitFor();
    // Even the right password is refused from this address now.
    await page.getByLabel("密码").fill("Banshi@2026");
    await answerCaptcha(page, token);
    expect(await signIn()).toBe(423);
    await page.getByText("账号已锁定").waitFor();
    expect(page.url()).toContain("/sign-in");
    await screenshot(page, "lockout");
    await context.close();
  });

  it("keeps an applicant out of the admin face", async () => {
    const { page, context } = await newPage(stack);
    await signInApplicant(page, "13800000002");
    await page.waitForURL("**/me");
    await page.goto("/admin/users");
    await page.getByText("无权访问").waitFor();
    await context.close();
  });
});

describe("accessibility", () => {
  it("elderly mode enlarges the text and is remembered", async () => {
    const { page, context } = await newPage(stack);
    await page.goto("/");
    const size = () =>
      page
        .locator(".topic-hint")
        .first()
        .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    const title = () =>
      page
        .locator(".topic-name")
        .first()
        .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    const before = await title();
    await page.getByRole("switch", { name: "长辈模式：放大字号" }).click();
    await expect.poll(title).toBeGreaterThan(before);
    await page.reload();
    await expect.poll(title).toBeGreaterThan(before);
    expect(await size()).toBeGreaterThanOrEqual(16);
    await screenshot(page, "elderly-mode");
    await context.close();
  });

  it("works on a 375 px phone without sideways scrolling", async () => {
    const { page, context } = await newPage(stack, { width: 375, height: 740 });
    for (const path of ["/", "/sign-in"]) {
      await page.goto(path);
      await page.locator("#main").waitFor();
      await page.waitForLoadState("networkidle"); // the demo accounts arrive after the first paint
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await screenshot(page, "phone-sign-in");
    await context.close();
  });

  it("can be used by keyboard: skip link, then sign in with Tab and Enter", async () => {
    const { page, context } = await newPage(stack);
    await page.goto("/sign-in");
    await page.getByRole("tab", { name: "工作人员" }).waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("跳到主要内容");
    await page.getByRole("tab", { name: "工作人员" }).focus();
    await page.keyboard.press("Enter");
    await page.getByLabel("用户名").focus();
    await page.keyboard.type("harbin.clerk");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Banshi@2026");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/workbench");
    await context.close();
  });
});

describe("admin and kiosk", () => {
  it("an admin creates a staff member who must then change the password", async () => {
    const { page, context } = await newPage(stack);
    await signInStaff(page, "harbin.admin");
    await page.waitForURL("**/admin/catalog");
    await page.getByRole("menuitem", { name: "用户管理" }).click();
    await page.getByRole("button", { name: "新建工作人员" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("用户名").fill("harbin.e2e");
    await dialog.getByLabel("姓名").fill("测试员");
    await dialog.getByLabel("所在单位").click();
    await page.locator(".ant-select-tree-node-content-wrapper", { hasText: "哈尔滨市教育局" }).click();
    await dialog.getByLabel("角色").click();
    await page.locator(".ant-select-item-option", { hasText: "窗口人员" }).click();
    await dialog.getByLabel("初始密码").fill("First#Pass9");
    await dialog.getByRole("button", { name: "创建" }).click();
    await page.getByRole("cell", { name: "harbin.e2e" }).waitFor();
    await screenshot(page, "admin-users");

    const other = await newPage(stack);
    await signInStaff(other.page, "harbin.e2e", "First#Pass9");
    await other.page.getByText("首次登录，请先修改密码").waitFor();
    await screenshot(other.page, "must-change-password");
    await other.context.close();
    await context.close();
  });

  it("the kiosk signs a person out after the idle time", async () => {
    const { page, context } = await newPage(stack, { width: 1280, height: 800 });
    await page.clock.install();
    await page.goto("/kiosk");
    await page.getByRole("button", { name: "登录" }).click();
    // A legal person has no ID card number: the phone tab beside the ID number one.
    await page.getByRole("tab", { name: "手机号登录" }).click();
    const phoneTab = page.getByRole("tabpanel", { name: "手机号登录" });
    await phoneTab.getByRole("textbox", { name: "手机号" }).fill("13800000003");
    await phoneTab.getByRole("button", { name: "获取验证码" }).click();
    await page.getByText("验证码已发送").waitFor();
    const inbox = (await (await page.request.get("/api/dev/inbox")).json()) as { phone: string; text: string }[];
    const code = inbox.find((m) => m.phone === "138****0003")?.text.match(/(\d{6})/)?.[1] ?? "";
    await phoneTab.getByLabel("短信验证码").fill(code);
    await phoneTab.getByRole("button", { name: "登录", exact: true }).click();
    await page.getByText("哈尔滨启明教育培训学校有限公司，您好").waitFor();
    await screenshot(page, "kiosk-signed-in");
    await page.clock.fastForward(80_000);
    await page.getByText("秒后将自动退出登录").waitFor();
    await page.clock.fastForward(15_000);
    await page.getByText("请选择服务，办理前需登录").waitFor();
    const session = await (await page.request.get("/api/auth/session")).json();
    expect(session.user).toBeNull();
    await context.close();
  });
});
