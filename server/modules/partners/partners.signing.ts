import { createHmac } from "node:crypto";
import { sm3 } from "../../platform/crypto.js";

/**
 * The open API's request signature, as documented for partners (docs/OPEN-API.md): HMAC-SM3 with the app's secret
 * over five lines — method, path with query, timestamp (Unix seconds), nonce, and the SM3 of the body in hex.
 */
export const SIGNATURE_HEADERS = {
  appId: "x-banshi-app-id",
  timestamp: "x-banshi-timestamp",
  nonce: "x-banshi-nonce",
  signature: "x-banshi-signature",
} as const;

export type SignedParts = { method: string; path: string; timestamp: string; nonce: string; body: string | Buffer };

export function stringToSign(parts: SignedParts): string {
  return [parts.method.toUpperCase(), parts.path, parts.timestamp, parts.nonce, sm3(parts.body)].join("\n");
}

export function signRequest(secret: string, parts: SignedParts): string {
  return createHmac("sm3", secret).update(stringToSign(parts)).digest("hex");
}
