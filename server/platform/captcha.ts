import svgCaptcha from "svg-captcha";
import type { PersonalDataCipher } from "./crypto.js";
import { randomToken } from "./crypto.js";
import { AppError } from "./errors.js";
import type { OnceStore } from "./once.js";

const TTL_MS = 5 * 60_000;

export type Captcha = { token: string; svg: string };

/**
 * Image captchas without server-side state: the token carries its expiry and a nonce, sealed with a keyed
 * digest of the answer, so any server process can check an answer. Each token is spent by the first attempt, right or
 * wrong (the nonce is claimed before the answer is compared), so one image buys one guess.
 */
export function createCaptchas(options: {
  cipher: PersonalDataCipher;
  once: OnceStore;
  /** Demo mode only: lets the dev page (and browser tests) read the answer, as the dev inbox shows SMS codes. */
  onIssue?: (nonce: string, answer: string) => void;
}) {
  const seal = (expiresAt: number, nonce: string, answer: string) =>
    options.cipher.blindIndex(`captcha|${expiresAt}|${nonce}|${answer.trim()}`);

  function tokenFor(answer: string): string {
    const expiresAt = Date.now() + TTL_MS;
    const nonce = randomToken(12);
    options.onIssue?.(nonce, answer);
    return `${expiresAt}.${nonce}.${seal(expiresAt, nonce, answer)}`;
  }

  /** Case does not matter; an expired, forged or already used token fails. The token is spent whatever the answer. */
  async function verify(token: string, answer: string): Promise<boolean> {
    const [expires, nonce, mac] = token.split(".");
    const expiresAt = Number(expires);
    if (!nonce || !mac || !Number.isSafeInteger(expiresAt) || expiresAt < Date.now()) return false;
    if (!(await options.once.claim(`captcha-${nonce}`, TTL_MS))) return false;
    return seal(expiresAt, nonce, answer) === mac;
  }

  return {
    tokenFor,

    issue(): Captcha {
      const { text, data } = svgCaptcha.create({
        size: 4,
        noise: 2,
        color: true,
        width: 120,
        height: 44,
        background: "#f3f6fa",
        ignoreChars: "0oO1ilIjJ",
      });
      return { token: tokenFor(text), svg: data };
    },

    verify,

    /** For a route: a wrong, expired or reused answer is a 400 the page shows beside a new captcha. */
    async assert(token: string, answer: string): Promise<void> {
      if (!(await verify(token, answer))) throw new AppError("CAPTCHA_INVALID");
    },
  };
}

export type Captchas = ReturnType<typeof createCaptchas>;

/** Demo mode only: the answers of the latest captchas, so the dev page and browser tests can read them. */
export class DevCaptchaLog {
  private readonly answers = new Map<string, string>();

  readonly record = (nonce: string, answer: string): void => {
    this.answers.set(nonce, answer);
    const oldest = this.answers.keys().next().value;
    if (this.answers.size > 500 && oldest !== undefined) this.answers.delete(oldest);
  };

  answerOf(token: string): string | null {
    return this.answers.get(token.split(".")[1] ?? "") ?? null;
  }
}
