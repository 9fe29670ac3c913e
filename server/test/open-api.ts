import { randomBytes } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import type { PartnerScope } from "../../common/vocabulary.js";
import { SIGNATURE_HEADERS, signRequest } from "../modules/partners/index.js";
import { staffClient, type TestApp } from "./harness.js";

export type Partner = { appId: string; secret: string };

/** Registers a partner app as the demo system administrator would. */
export async function registerPartner(app: TestApp, scopes: PartnerScope[], rateLimit = 10_000): Promise<Partner> {
  const admin = await staffClient(app, "sysadmin");
  const created = await admin.request("POST", "/api/admin/partners", { name: "全省事", scopes, rateLimit });
  if (created.statusCode !== 201) throw new Error(`partner registration failed: ${created.body}`);
  return { appId: created.json().app.id, secret: created.json().secret };
}

export type SignOptions = { timestamp?: number; nonce?: string; secret?: string; signedBody?: string };

/** A request signed as docs/OPEN-API.md tells partners to sign it; options falsify one part at a time. */
export function signedRequest(
  app: TestApp,
  partner: Partner,
  method: "GET" | "POST",
  url: string,
  body?: object,
  options: SignOptions = {},
): Promise<LightMyRequestResponse> {
  const payload = body === undefined ? "" : JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? randomBytes(16).toString("hex");
  const signature = signRequest(options.secret ?? partner.secret, {
    method,
    path: url,
    timestamp,
    nonce,
    body: options.signedBody ?? payload,
  });
  return app.app.inject({
    method,
    url,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      [SIGNATURE_HEADERS.appId]: partner.appId,
      [SIGNATURE_HEADERS.timestamp]: timestamp,
      [SIGNATURE_HEADERS.nonce]: nonce,
      [SIGNATURE_HEADERS.signature]: signature,
    },
    ...(body === undefined ? {} : { payload }),
  });
}
