import createClient, { type Middleware } from "openapi-fetch";
import type { ErrorCode } from "../../common/errors.js";
import type { paths } from "./schema";

/** The error every API failure carries: a stable code and a Chinese message to show as it is. */
/** A code of the server's registry, or the browser's own: no answer at all, or one that is not ours. */
export type ApiErrorCode = ErrorCode | "NETWORK" | "HTTP_ERROR";

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

function readCookie(name: string): string | undefined {
  return document.cookie
    .split("; ")
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

// Echoes the CSRF cookie on every request that changes something, as the server demands.
const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== "GET") request.headers.set("x-csrf-token", readCookie("banshi_csrf") ?? "");
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: "/" });
api.use(csrf);

/** Unwraps an openapi-fetch result: the data, or an ApiError with the server's Chinese message. */
export async function call<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: Awaited<typeof pending>;
  try {
    result = await pending;
  } catch {
    throw new ApiError("NETWORK", "网络连接失败，请检查网络后重试", 0);
  }
  if (result.response.ok) return result.data as T;
  const body = result.error as { code?: ErrorCode; message?: string; details?: Record<string, unknown> } | undefined;
  throw new ApiError(
    body?.code ?? "HTTP_ERROR",
    body?.message ?? `服务暂时不可用（${result.response.status}），请稍后再试`,
    result.response.status,
    body?.details,
  );
}

/** The header a state-changing request made with plain fetch (file uploads) must carry. */
function csrfHeaders(): Record<string, string> {
  return { "x-csrf-token": readCookie("banshi_csrf") ?? "" };
}

/** Makes sure the CSRF cookie exists before the first state-changing request of a fresh visit. */
export async function ensureCsrfCookie(): Promise<void> {
  if (!readCookie("banshi_csrf")) await fetch("/api/health");
}

/** Uploads one file as multipart/form-data (field `file`); the answer, or an ApiError with the server's message. */
export async function postFile<T>(url: string, file: Blob): Promise<T> {
  await ensureCsrfCookie();
  const body = new FormData();
  body.append("file", file);
  return call<T>(
    fetch(url, { method: "POST", body, headers: csrfHeaders() }).then(async (response) => {
      const parsed: unknown = await response.json().catch(() => undefined);
      return response.ok ? { data: parsed as T, response } : { error: parsed, response };
    }),
  );
}
