import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";

describe("logs", () => {
  it("mask personal data and hide secrets", () => {
    const lines: string[] = [];
    const log = createLogger("info", (line) => lines.push(line));
    log.info(
      { req: { url: "/api/applicants?q=230102199003071234", headers: { cookie: "banshi_session=secret" } } },
      "13812345678 登录",
    );
    log.info({ body: { password: "Banshi@2026" } }, "x");
    const out = lines.join("");
    expect(out).toContain("2301**********1234");
    expect(out).toContain("138****5678");
    expect(out).not.toContain("230102199003071234");
    expect(out).not.toContain("13812345678");
    expect(out).not.toContain("banshi_session=secret");
    expect(out).not.toContain("Banshi@2026");
  });
});
