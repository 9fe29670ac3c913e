import { z } from "zod";

/** Shapes shared by every module's contract. */

export const errorResponse = z
  .object({
    code: z.string().meta({ description: "稳定的错误码，供程序判断" }),
    message: z.string().meta({ description: "给用户看的中文说明" }),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: "Error" });

export const idParams = z.object({ id: z.uuid({ message: "编号格式不正确" }) });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** A trimmed, non-empty, bounded text field. */
export function text(label: string, max: number) {
  return z
    .string({ message: `${label}必须是文本` })
    .trim()
    .min(1, { message: `${label}不能为空` })
    .max(max, { message: `${label}不能超过 ${max} 个字符` });
}

export const okResponse = z.object({ ok: z.literal(true) });

/** Content-Disposition for a file whose name is Chinese (RFC 5987): saved under that name, or shown in the browser. */
export function attachment(fileName: string, disposition: "attachment" | "inline" = "attachment"): string {
  return `${disposition}; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
