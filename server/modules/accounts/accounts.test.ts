import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resultRows } from "../../platform/db.js";
import { creditCodeCheckChar, idNumberCheckChar } from "../../platform/identity.js";
import { staffClient, startTestApp, type TestApp, TestClient } from "../../test/harness.js";
import { ID_CODE_SENT } from "./accounts.service.js";
import { sessions, users } from "./accounts.tables.js";
import { SESSION_COOKIE } from "./index.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const validId = (body: string) => body + idNumberCheckChar(body);

/** A captcha answered right, as the sign-in page sends it once the server asks for one. */
const solvedCaptcha = (answer = "KM7P") => ({
  captchaToken: t.services.captchas.tokenFor(answer),
  captchaAnswer: answer.toLowerCase(),
});

function staffSignIn(client: TestClient, username: string, password: string, extra: object = {}) {
  return client.request("POST", "/api/auth/staff/sign-in", { username, password, ...extra });
}

describe("staff sign-in", () => {
  it("signs in with username and password and lands on the right face", async () => {
    const client = new TestClient(t);
    const response = await client.signInStaff("sysadmin");
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ name: "王建国", face: "admin", orgName: "黑龙江省教育厅" });
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    const clerk = await new TestClient(t).signInStaff("harbin.clerk");
    expect(clerk.json().user.face).toBe("workbench");
  });

  it("locks an address out of the account for 15 minutes after 5 wrong passwords from it", async () => {
    const client = new TestClient(t);
    for (let i = 1; i <= 3; i++) {
      const wrong = await client.signInStaff("nangang.reviewer", "Wrong@pass1");
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().message).toContain(`再错 ${5 - i} 次，本网络地址将被锁定 15 分钟`);
      // The third wrong password tells the page that a captcha comes next.
      expect(wrong.json().details).toEqual(i === 3 ? { captchaRequired: true } : undefined);
    }
    const fourth = await staffSignIn(client, "nangang.reviewer", "Wrong@pass1", solvedCaptcha());
    expect(fourth.json().message).toContain("再错 1 次");
    const fifth = await staffSignIn(client, "nangang.reviewer", "Wrong@pass1", solvedCaptcha());
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toMatchObject({ code: "ACCOUNT_LOCKED" });
    expect(fifth.json().message).toContain("15 分钟");
    const right = await staffSignIn(client, "nangang.reviewer", "Banshi@2026", solvedCaptcha());
    expect(right.json().code).toBe("ACCOUNT_LOCKED");

    const admin = await staffClient(t, "harbin.admin");
    const found = await admin.request("GET", "/api/users?q=nangang.reviewer");
    const user = found.json().items[0];
    expect(user.lockedUntil).not.toBeNull();
    expect((await admin.request("POST", `/api/users/${user.id}/unlock`)).statusCode).toBe(200);
    // Unlocking also forgets the failures: no captcha is asked any more.
    expect((await client.signInStaff("nangang.reviewer")).statusCode).toBe(200);
  });

  it("does not let a stranger elsewhere lock harbin.clerk out: the stranger's address is locked, not the owner", async () => {
    const stranger = new TestClient(t, { remoteAddress: "203.0.113.66" });
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) {
      // A determined stranger who even solves every captcha.
      const attempt = await staffSignIn(stranger, "harbin.clerk", `Guess#${i}pass`, i >= 3 ? solvedCaptcha() : {});
      codes.push(attempt.json().code);
    }
    expect(codes).toEqual([
      ...Array(4).fill("INVALID_CREDENTIALS"),
      ...Array(6).fill("ACCOUNT_LOCKED"), // locked at the fifth, and every later try refused unread
    ]);

    const owner = new TestClient(t, { remoteAddress: "192.0.2.10" });
    const asked = await owner.signInStaff("harbin.clerk");
    expect(asked.statusCode).toBe(400);
    expect(asked.json()).toMatchObject({ code: "CAPTCHA_REQUIRED", details: { captchaRequired: true } });
    const signedIn = await staffSignIn(owner, "harbin.clerk", "Banshi@2026", solvedCaptcha());
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    // Once the owner is in, the account asks no captcha again, and the stranger's address stays locked.
    expect((await new TestClient(t, { remoteAddress: "192.0.2.11" }).signInStaff("harbin.clerk")).statusCode).toBe(200);
    const strangerRight = await staffSignIn(stranger, "harbin.clerk", "Banshi@2026", solvedCaptcha());
    expect(strangerRight.json().code).toBe("ACCOUNT_LOCKED");
    const [lock] = resultRows<{ summary: string }>(
      await t.database.db.execute(
        sql`select summary from audit_log where action = 'user.lock' order by seq desc limit 1`,
      ),
    );
    expect(lock?.summary).toContain("203.0.113.66");
  });

  it("asks for a captcha after 3 wrong passwords from anywhere, and refuses a missing, wrong or spent one", async () => {
    for (const address of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) {
      const wrong = await new TestClient(t, { remoteAddress: address }).signInStaff("harbin.approver", "Wrong@pass1");
      expect(wrong.json().message).toContain("再错 4 次"); // each address has failed once
    }
    const client = new TestClient(t, { remoteAddress: "198.51.100.4" });
    const missing = await client.signInStaff("harbin.approver");
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: "CAPTCHA_REQUIRED", message: expect.stringContaining("验证码") });
    // A wrong answer is refused before the password is looked at, even the right password.
    const wrongAnswer = await staffSignIn(client, "harbin.approver", "Banshi@2026", {
      ...solvedCaptcha(),
      captchaAnswer: "zzzz",
    });
    expect(wrongAnswer.statusCode).toBe(400);
    expect(wrongAnswer.json()).toMatchObject({ code: "CAPTCHA_INVALID", details: { captchaRequired: true } });
    // A captcha is spent by its first use, even one that failed on the password.
    const captcha = solvedCaptcha();
    expect((await staffSignIn(client, "harbin.approver", "Wrong@pass1", captcha)).statusCode).toBe(401);
    expect((await staffSignIn(client, "harbin.approver", "Banshi@2026", captcha)).json().code).toBe("CAPTCHA_INVALID");
    const issued = await client.request("GET", "/api/auth/captcha");
    expect(issued.statusCode).toBe(200);
    expect(issued.json().svg).toContain("<svg");
    expect(issued.headers["cache-control"]).toBe("no-store");
    const right = await staffSignIn(client, "harbin.approver", "Banshi@2026", solvedCaptcha());
    expect(right.statusCode, right.body).toBe(200);
  });

  it("answers an unknown user exactly like a wrong password", async () => {
    const response = await new TestClient(t).signInStaff("nobody", "Wrong@pass1");
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: "INVALID_CREDENTIALS", message: "用户名或密码错误" });
  });

  it("ends a session idle for longer than the limit", async () => {
    const client = await staffClient(t, "harbin.reviewer");
    expect((await client.request("GET", "/api/auth/session")).json().user).not.toBeNull();
    const [row] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, "harbin.reviewer"));
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.userId, row?.id ?? ""));
    const response = await client.request("POST", "/api/auth/password", {
      currentPassword: "Banshi@2026",
      newPassword: "Another@2026",
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: "SESSION_EXPIRED", message: "登录已超时，请重新登录" });
  });

  it("refuses a state-changing request without the CSRF token", async () => {
    const client = await staffClient(t, "sysadmin");
    const session = client.cookie(SESSION_COOKIE);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      headers: { cookie: `${SESSION_COOKIE}=${session}; banshi_csrf=abc`, "x-csrf-token": "other" },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("CSRF_TOKEN_INVALID");
  });

  it("enforces the password policy when changing a password", async () => {
    const client = await staffClient(t, "hlju.clerk");
    const weak = await client.request("POST", "/api/auth/password", {
      currentPassword: "Banshi@2026",
      newPassword: "password",
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toContain("至少三类");
    const ok = await client.request("POST", "/api/auth/password", {
      currentPassword: "Banshi@2026",
      newPassword: "Strong#Pass9",
    });
    expect(ok.statusCode).toBe(200);
    expect((await new TestClient(t).signInStaff("hlju.clerk", "Strong#Pass9")).statusCode).toBe(200);
  });
});

describe("applicant sign-in by SMS", () => {
  it("signs in a demo applicant with the code from the dev inbox", async () => {
    const client = new TestClient(t);
    const response = await client.signInApplicant("13800000001");
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({
      kind: "person",
      name: "张明",
      face: "portal",
      phone: "138****0001",
      idNumber: expect.stringMatching(/^2301\*{10}\d{3}[\dX]$/),
    });
    expect(t.logLines.join("\n")).toContain("138****0001");
    expect(t.logLines.join("\n")).not.toContain("13800000001");
  });

  it("registers a new person with a real-name check of the ID number", async () => {
    const client = new TestClient(t);
    const unregistered = await client.signInApplicant("13900000011");
    expect(unregistered.json().code).toBe("APPLICANT_NOT_REGISTERED");

    const badId = await client.request("POST", "/api/auth/applicant/sign-in", {
      phone: "13900000011",
      code: "000000",
      signUp: { kind: "person", name: "王芳", idNumber: "230102199003071230" },
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().message).toContain("身份证号码无效");

    const message = t.devSms?.latestTo("13900000011");
    const code = message?.text.match(/(\d{6})/)?.[1];
    const signUp = { kind: "person", name: "王芳", idNumber: validId("23010419951120234") };
    const ok = await client.request("POST", "/api/auth/applicant/sign-in", { phone: "13900000011", code, signUp });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.name).toBe("王芳");

    const replay = await new TestClient(t).request("POST", "/api/auth/applicant/sign-in", {
      phone: "13900000011",
      code,
    });
    expect(replay.json().code).toBe("SMS_CODE_EXPIRED");
  });

  it("registers a legal person by unified social credit code", async () => {
    const body = "91230106MA7C3D5E2";
    const check = creditCodeCheckChar(body);
    const wrongCheck = check === "1" ? "2" : "1";
    const bad = await new TestClient(t).signInApplicant("13900000012", {
      kind: "legal_person",
      name: "哈尔滨新知培训学校",
      creditCode: body + wrongCheck,
    });
    expect(bad.json().message).toContain("统一社会信用代码无效");
    const client = new TestClient(t);
    const code = t.devSms?.latestTo("13900000012")?.text.match(/(\d{6})/)?.[1];
    const ok = await client.request("POST", "/api/auth/applicant/sign-in", {
      phone: "13900000012",
      code,
      signUp: { kind: "legal_person", name: "哈尔滨新知培训学校", creditCode: body + check },
    });
    expect(ok.json().user).toMatchObject({ kind: "legal_person", creditCode: body + check });
  });

  it("stores phone and ID numbers only encrypted", async () => {
    const result = await t.database.db.execute(sql`select * from users where kind = 'person'`);
    const dump = JSON.stringify(resultRows(result));
    expect(dump).not.toContain("13800000001");
    expect(dump).not.toContain("230102199003071");
  });

  it("rate-limits codes to one a minute per phone", async () => {
    const client = new TestClient(t);
    expect((await client.request("POST", "/api/auth/sms-code", { phone: "13900000013" })).statusCode).toBe(200);
    const again = await client.request("POST", "/api/auth/sms-code", { phone: "13900000013" });
    expect(again.statusCode).toBe(429);
    expect(again.json().message).toMatch(/请 \d+ 秒后再试/);
  });

  it("sends one code when the button is pressed twice at once", async () => {
    const client = new TestClient(t);
    const [a, b] = await Promise.all([
      client.request("POST", "/api/auth/sms-code", { phone: "13900000014" }),
      client.request("POST", "/api/auth/sms-code", { phone: "13900000014" }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 429]);
  });

  it("spends a code after five wrong tries", async () => {
    const client = new TestClient(t);
    await client.request("POST", "/api/auth/sms-code", { phone: "13800000002" });
    const code = t.devSms?.latestTo("13800000002")?.text.match(/(\d{6})/)?.[1] ?? "";
    const wrong = code === "111111" ? "222222" : "111111";
    for (let i = 0; i < 5; i++) {
      const r = await client.request("POST", "/api/auth/applicant/sign-in", { phone: "13800000002", code: wrong });
      expect(r.json().code).toBe("SMS_CODE_WRONG");
    }
    const right = await client.request("POST", "/api/auth/applicant/sign-in", { phone: "13800000002", code });
    expect(right.json().code).toBe("SMS_CODE_EXPIRED");
  });
});

describe("kiosk sign-in by ID number and SMS code", () => {
  /** The code sent to a phone; codes asked for by ID number are sent just after the answer. */
  const codeSentTo = (phone: string) =>
    vi.waitFor(() => {
      const code = t.devSms?.latestTo(phone)?.text.match(/(\d{6})/)?.[1];
      if (!code) throw new Error(`no code sent to ${phone} yet`);
      return code;
    });

  it("sends the code to the registered phone and signs the person in once", async () => {
    const kiosk = new TestClient(t);
    const idNumber = `23010519851120452${idNumberCheckChar("23010519851120452")}`;
    // Registered at a window: this phone has had no code yet.
    await t.services.accounts.register("13700000123", { kind: "person", name: "赵敏", idNumber });
    const sent = await kiosk.request("POST", "/api/auth/id-sms-code", { idNumber: idNumber.toLowerCase() });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toEqual({ resendAfterSeconds: 60, message: ID_CODE_SENT });
    const code = await codeSentTo("13700000123");
    const wrong = await kiosk.request("POST", "/api/auth/applicant/id-sign-in", {
      idNumber,
      code: code === "000000" ? "111111" : "000000",
    });
    expect(wrong.json().code).toBe("SMS_CODE_INVALID");
    const signedIn = await kiosk.request("POST", "/api/auth/applicant/id-sign-in", { idNumber, code });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json().user).toMatchObject({ name: "赵敏", kind: "person" });
    const replayed = await new TestClient(t).request("POST", "/api/auth/applicant/id-sign-in", { idNumber, code });
    expect(replayed.json().code).toBe("SMS_CODE_INVALID");
  });

  it("answers registered and unregistered ID numbers byte for byte alike, limits included", async () => {
    const registered = validId("23010619860214331");
    await t.services.accounts.register("13700000124", { kind: "person", name: "钱进", idNumber: registered });
    const unregistered = validId("11010119800101001");
    const ask = (idNumber: string) => new TestClient(t).request("POST", "/api/auth/id-sms-code", { idNumber });
    const expectAlike = (a: { statusCode: number; body: string }, b: { statusCode: number; body: string }) => {
      expect(a.statusCode).toBe(b.statusCode);
      expect(a.body).toBe(b.body);
    };

    const [known, unknown] = [await ask(registered), await ask(unregistered)];
    expect(known.statusCode).toBe(200);
    expectAlike(known, unknown);
    expect(known.headers["content-type"]).toBe(unknown.headers["content-type"]);
    expect(await codeSentTo("13700000124")).toMatch(/^\d{6}$/);
    // Asked again within the minute: both refused, alike.
    const [knownAgain, unknownAgain] = [await ask(registered), await ask(unregistered)];
    expect(knownAgain.statusCode).toBe(429);
    expectAlike(knownAgain, unknownAgain);
    // Signing in with a guessed code says nothing either.
    const guess = (idNumber: string) =>
      new TestClient(t).request("POST", "/api/auth/applicant/id-sign-in", { idNumber, code: "123450" });
    expectAlike(await guess(registered), await guess(unregistered));

    const invalid = await ask("230102199003071230");
    expect(invalid.statusCode).toBe(400);
  });

  it("answers alike when the registered phone has just had a code by its number", async () => {
    const registered = validId("23010719870315442");
    await t.services.accounts.register("13700000125", { kind: "person", name: "孙立", idNumber: registered });
    expect((await new TestClient(t).request("POST", "/api/auth/sms-code", { phone: "13700000125" })).statusCode).toBe(
      200,
    );
    const first = await codeSentTo("13700000125");
    const ask = (idNumber: string) => new TestClient(t).request("POST", "/api/auth/id-sms-code", { idNumber });
    const [known, unknown] = [await ask(registered), await ask(validId("11010119800101002"))];
    expect(known.statusCode).toBe(200);
    expect(known.body).toBe(unknown.body);
    await t.services.accounts.drain();
    // No second code within the minute; the first still signs the person in.
    expect(await codeSentTo("13700000125")).toBe(first);
    const signedIn = await new TestClient(t).request("POST", "/api/auth/applicant/id-sign-in", {
      idNumber: registered,
      code: first,
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
  });
});

describe("personal data in staff views", () => {
  it("finds an applicant by ID number through the blind index and masks it", async () => {
    const clerk = await staffClient(t, "harbin.clerk");
    const idNumber = validId("23010219900307123");
    const found = await clerk.request("GET", `/api/applicants?q=${idNumber}`);
    expect(found.statusCode).toBe(200);
    expect(found.json().items).toHaveLength(1);
    expect(found.json().items[0]).toMatchObject({
      name: "张明",
      phone: "138****0001",
      idNumber: `2301**********${idNumber.slice(-4)}`,
    });
  });

  it("shows the full numbers to a holder of the permission", async () => {
    const admin = await staffClient(t, "sysadmin");
    const found = await admin.request("GET", "/api/applicants?q=13800000001");
    expect(found.json().items[0].phone).toBe("13800000001");
  });

  it("keeps applicants away from staff routes", async () => {
    const applicant = new TestClient(t);
    await applicant.signInApplicant("13800000003");
    expect((await applicant.request("GET", "/api/applicants")).statusCode).toBe(403);
    expect((await new TestClient(t).request("GET", "/api/users")).statusCode).toBe(401);
  });
});
