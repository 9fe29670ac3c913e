import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPersonalDataCipher, sm3 } from "./crypto.js";
import {
  creditCodeCheckChar,
  idNumberCheckChar,
  isValidCreditCode,
  isValidIdNumber,
  isValidMobile,
} from "./identity.js";
import { maskIdNumber, maskName, maskPersonalDataInText, maskPhone } from "./masking.js";

describe("GB 11643 ID numbers", () => {
  it("accepts a number with the right check character", () => {
    expect(isValidIdNumber("11010519491231002X")).toBe(true); // the standard's own example
    expect(isValidIdNumber("110105194912310021")).toBe(false);
  });

  it("rejects impossible birth dates and bad shapes", () => {
    const feb30 = "23010219900230123";
    expect(isValidIdNumber(feb30 + idNumberCheckChar(feb30))).toBe(false);
    expect(isValidIdNumber("2301021990010112")).toBe(false);
    expect(isValidIdNumber("abcdefghijklmnopqr")).toBe(false);
  });

  it("catches every single-digit typo", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const body = "23010219900307123";
        const valid = body + idNumberCheckChar(body);
        const digit = (Number(valid[position]) + delta) % 10;
        const typo = valid.slice(0, position) + digit + valid.slice(position + 1);
        return typo === valid || !isValidIdNumber(typo);
      }),
    );
  });
});

describe("GB 32100 unified social credit codes", () => {
  it("accepts a code with the right check character", () => {
    expect(isValidCreditCode("91350100M000100Y43")).toBe(true); // a published example
    expect(isValidCreditCode("91350100M000100Y44")).toBe(false);
    const body = "91230103MA1BX2K7Q";
    expect(isValidCreditCode(body + creditCodeCheckChar(body))).toBe(true);
  });

  it("rejects letters outside the code's character set", () => {
    expect(isValidCreditCode("91230103MA1BX2K7IO")).toBe(false);
  });
});

describe("mobile numbers and masking", () => {
  it("checks mainland mobile numbers", () => {
    expect(isValidMobile("13812345678")).toBe(true);
    expect(isValidMobile("12812345678")).toBe(false);
    expect(isValidMobile("1381234567")).toBe(false);
  });

  it("masks as the platform shows them", () => {
    expect(maskIdNumber("230102199003071234")).toBe("2301**********1234");
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskName("张明")).toBe("张*");
    expect(maskName("欧阳明华")).toBe("欧***");
    expect(maskName("")).toBe("*");
  });

  it("masks numbers inside free text", () => {
    const text = '{"url":"/api/applicants?q=13812345678","id":"11010519491231002X"}';
    expect(maskPersonalDataInText(text)).toBe('{"url":"/api/applicants?q=138****5678","id":"1101**********002X"}');
  });
});

describe("national cryptography", () => {
  it("computes the SM3 test vector of GB/T 32905", () => {
    expect(sm3("abc")).toBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  });

  it("round-trips SM4 with a fresh IV and a stable blind index", () => {
    const cipher = createPersonalDataCipher("ab".repeat(32));
    const a = cipher.encrypt("230102199003071234");
    const b = cipher.encrypt("230102199003071234");
    expect(a).not.toBe(b);
    expect(a).not.toContain("1990");
    expect(cipher.decrypt(a)).toBe("230102199003071234");
    expect(cipher.blindIndex("23010219900307123x")).toBe(cipher.blindIndex("23010219900307123X"));
    expect(createPersonalDataCipher("cd".repeat(32)).blindIndex("13812345678")).not.toBe(
      cipher.blindIndex("13812345678"),
    );
  });
});
