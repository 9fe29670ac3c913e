import { hmacSm3 } from "./crypto.js";
import type { Events, EventType } from "./events.js";

/**
 * Delivers domain events to outside systems by signed HTTP: one queue per endpoint and event, so that a system that
 * is down delays only its own deliveries, retried with a growing delay for over a day and then kept as failed for
 * an administrator (任务与投递). The receiver checks the signature and may see a delivery twice (after a timeout):
 * `x-banshi-delivery` is the same on every attempt, for it to answer a repeat without acting again.
 */

/** An outside system and the events it is sent (configured in DELIVERY_ENDPOINTS). */
export type DeliveryEndpoint = {
  name: string;
  url: string;
  secret: string;
  events: string[];
  /** Attempts after the first, each after twice the delay of the one before: 12 from 30 s is over a day. */
  retryLimit?: number | undefined;
  retryDelaySeconds?: number | undefined;
};

export const DELIVERY_HEADERS = {
  event: "x-banshi-event",
  delivery: "x-banshi-delivery",
  timestamp: "x-banshi-timestamp",
  signature: "x-banshi-signature",
} as const;

const TIMEOUT_MS = 10_000;

/** The signature a receiver recomputes: HMAC-SM3 with the endpoint's secret over `timestamp.body`. */
export const deliverySignature = (secret: string, timestamp: string, body: string) =>
  hmacSm3(Buffer.from(secret, "utf8"), `${timestamp}.${body}`);

export function deliverToEndpoints(
  events: Events,
  endpoints: readonly DeliveryEndpoint[],
  deliverable: readonly EventType<object>[],
): void {
  const byType = new Map(deliverable.map((event) => [event.type, event]));
  for (const endpoint of endpoints) {
    for (const type of endpoint.events) {
      const event = byType.get(type);
      if (!event) {
        throw new Error(
          `DELIVERY_ENDPOINTS: ${endpoint.name} 订阅了未知事件 ${type}（可选：${[...byType.keys()].join("、")}）`,
        );
      }
      const retry = { retryLimit: endpoint.retryLimit ?? 12, retryDelaySeconds: endpoint.retryDelaySeconds ?? 30 };
      events.subscribe(event, `deliver-${endpoint.name}`, (data, job) => post(endpoint, type, job.id, data), retry);
    }
  }
}

async function post(endpoint: DeliveryEndpoint, type: string, deliveryId: string, data: object): Promise<void> {
  const body = JSON.stringify({ event: type, delivery: deliveryId, data });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(endpoint.url, {
    method: "POST",
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
    headers: {
      "content-type": "application/json",
      [DELIVERY_HEADERS.event]: type,
      [DELIVERY_HEADERS.delivery]: deliveryId,
      [DELIVERY_HEADERS.timestamp]: timestamp,
      [DELIVERY_HEADERS.signature]: deliverySignature(endpoint.secret, timestamp, body),
    },
  }).catch((error: unknown) => {
    // The reason an administrator reads on 任务与投递, in Chinese.
    throw new Error(`无法送达 ${endpoint.name}：${unreachableReason(error)}`);
  });
  if (!response.ok) throw new Error(`${endpoint.name} 答复 HTTP ${response.status}，未接收`);
}

function unreachableReason(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return `${TIMEOUT_MS / 1000} 秒内无答复`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === "ECONNREFUSED") return "连接被拒绝（对方服务未运行）";
  if (cause?.code === "ENOTFOUND" || cause?.code === "EAI_AGAIN") return "找不到对方地址";
  return `网络错误（${cause?.code ?? cause?.message ?? "未知"}）`;
}
