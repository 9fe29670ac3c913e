import pino, { type Logger } from "pino";
import { maskPersonalDataInText } from "./masking.js";

/**
 * JSON logs with personal data masked. Known fields are redacted by name; anything that still looks like an
 * ID or mobile number (in a URL, a message, an error) is masked on its way out as the last line of defence.
 */
export function createLogger(
  level: string,
  write: (line: string) => void = (line) => process.stdout.write(line),
): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          "req.headers.cookie",
          'req.headers["x-csrf-token"]',
          "*.password",
          "*.newPassword",
          "*.currentPassword",
        ],
        censor: "[已隐藏]",
      },
    },
    { write: (line: string) => write(maskPersonalDataInText(line)) },
  );
}
