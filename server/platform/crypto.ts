import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** SM3 (GB/T 32905) digest in hex. */
export function sm3(data: string | Buffer): string {
  return createHash("sm3").update(data).digest("hex");
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Crockford's base 32: no I, L, O or U to misread when a code is typed back. */
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A code people type back (a complaint's tracking code, a licence's verification code): 5 random bits a character. */
export function randomCode(length = 16): string {
  return [...randomBytes(length)].map((byte) => CODE_ALPHABET[byte % 32]).join("");
}

/**
 * Personal data at rest: SM4-CBC with a random IV per value, and a keyed SM3 HMAC as the blind index,
 * so a row can be found by its ID or phone number without the number ever being stored in clear.
 */
export type PersonalDataCipher = {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  blindIndex(plain: string): string;
};

/** A key for one purpose, derived from SECRET_KEY (HKDF-SM3): no two uses share a key, and none is stored. */
export function deriveKey(secretHex: string, purpose: string, bytes: number): Buffer {
  return Buffer.from(hkdfSync("sm3", Buffer.from(secretHex, "hex"), Buffer.alloc(0), `banshi/${purpose}`, bytes));
}

/** HMAC-SM3 in hex. */
export function hmacSm3(key: Buffer, data: string): string {
  return createHmac("sm3", key).update(data).digest("hex");
}

export function createPersonalDataCipher(secretHex: string): PersonalDataCipher {
  const encryptionKey = deriveKey(secretHex, "sm4", 16);
  const indexKey = deriveKey(secretHex, "blind-index", 32);
  return {
    encrypt(plain) {
      const iv = randomBytes(16);
      const cipher = createCipheriv("sm4-cbc", encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${iv.toString("base64")}:${body.toString("base64")}`;
    },
    decrypt(stored) {
      const [iv, body] = stored.split(":");
      if (!iv || !body) throw new Error("malformed encrypted value");
      const decipher = createDecipheriv("sm4-cbc", encryptionKey, Buffer.from(iv, "base64"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
    },
    blindIndex(plain) {
      return hmacSm3(indexKey, plain.toUpperCase());
    },
  };
}

/** The key from SECRET_KEY, or one generated once into the data directory (embedded mode needs no setup). */
export function loadOrCreateSecret(dataDir: string, configured: string | undefined): string {
  if (configured) return configured;
  const file = path.join(dataDir, "secret.key");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("hex");
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}
