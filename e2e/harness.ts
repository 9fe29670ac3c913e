import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

export const SCREENSHOT_DIR = path.resolve(".artifacts/screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export type Stack = { baseUrl: string; browser: Browser; stop(): Promise<void> };

/** The built server on a free port with a fresh embedded database in demo mode, and a headless Chromium. */
/** The built server on a fresh data folder in demo mode (with `env` added), and Chromium. */
export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "banshi-e2e-"));
  const { DATABASE_URL: _server, ...inherited } = process.env;
  const server: ChildProcess = spawn("node", ["dist/server/main.js"], {
    env: {
      ...inherited,
      DATA_DIR: dataDir,
      PORT: "0",
      DEMO: "true",
      SIGN_IN_RATE_LIMIT: "1000",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/已启动：(http:\/\/127\.0\.0\.1:\d+)/);
      if (match?.[1]) resolve(match[1]);
    };
    server.stdout?.on("data", onData);
    server.stderr?.on("data", onData);
    server.on("exit", () => reject(new Error(`server exited:\n${output}`)));
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    baseUrl,
    browser,
    async stop() {
      await browser.close();
      const exited = new Promise((resolve) => server.on("exit", resolve));
      server.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function newPage(
  stack: Stack,
  viewport = { width: 1366, height: 850 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stack.browser.newContext({ viewport, locale: "zh-CN", baseURL: stack.baseUrl });
  const page = await context.newPage();
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400); // let antd's open animations finish so the picture shows the settled page
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export async function signInStaff(page: Page, username: string, password = "Banshi@2026"): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("tab", { name: "工作人员" }).click();
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

/** Signs an applicant in the way a developer would: the code comes from the dev inbox. */
export async function signInApplicant(page: Page, phone: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("手机号").fill(phone);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await page.getByText("验证码已发送").waitFor();
  const inbox = (await (await page.request.get("/api/dev/inbox")).json()) as { phone: string; text: string }[];
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  const code = inbox.find((m) => m.phone === masked)?.text.match(/(\d{6})/)?.[1] ?? "";
  await page.getByLabel("短信验证码").fill(code);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

/** Types the captcha shown on the page; demo mode lets a test read its answer, as it reads SMS codes. */
export async function answerCaptcha(page: Page, previous: string | null = null): Promise<string> {
  const image = page.locator("img.captcha-image");
  await page.waitForFunction((old) => {
    const token = document.querySelector("img.captcha-image")?.getAttribute("data-token");
    return token && token !== old;
  }, previous);
  const token = (await image.getAttribute("data-token")) ?? "";
  const { answer } = await (await page.request.get(`/api/dev/captcha?token=${encodeURIComponent(token)}`)).json();
  await page.getByLabel("验证码", { exact: true }).fill(answer);
  return token;
}

/** A JSON request with the page's session and CSRF cookie, for the steps a test sets up rather than shows. */
export async function apiAs(page: Page, method: "GET" | "POST", url: string, body?: unknown): Promise<unknown> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === "banshi_csrf")?.value ?? "";
  const response = await page.request.fetch(url, { method, data: body, headers: { "x-csrf-token": csrf } });
  if (!response.ok()) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
  return response.json();
}

/** Takes a case action in the workbench: its button, then the fields and choices of its dialog if it has one. */
export async function actOnCase(
  page: Page,
  label: string,
  fields: Record<string, string> = {},
  choices: string[] = [],
) {
  const answered = page.waitForResponse(
    (r) => r.request().method() === "POST" && /\/api\/cases\/[^/]+\//.test(new URL(r.url()).pathname),
  );
  await page.getByRole("button", { name: label, exact: true }).click();
  if (Object.keys(fields).length > 0 || choices.length > 0) {
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await page.waitForTimeout(400); // antd's open animation re-renders the form; typing during it can be lost
    for (const choice of choices) await dialog.getByRole("radio", { name: choice, exact: true }).check();
    for (const [field, value] of Object.entries(fields)) await dialog.getByLabel(field).fill(value);
    await dialog.getByRole("button", { name: /确\s*定/ }).click();
  }
  const response = await answered;
  expect(response.status(), await response.text()).toBe(200);
}

/** Opens a case from a workbench queue by its number and waits for its page (headed by the item's name). */
export async function openQueuedCase(page: Page, queue: string, number: string, itemName: string) {
  await page.goto(`/workbench/queue/${queue}`);
  await page.getByRole("link", { name: number }).click();
  await page.getByRole("heading", { level: 2, name: itemName }).waitFor();
}
