import { Tag } from "antd";
import { LICENCE_STATUS_LABELS, type LicenceStatus } from "../../common/vocabulary";

export type { LicenceStatus };

const STATUS_COLORS: Record<LicenceStatus, string> = { valid: "green", revoked: "red", expired: "orange" };

export function licenceStatusLabel(status: LicenceStatus): string {
  return LICENCE_STATUS_LABELS[status];
}

/** 有效 / 已撤销 / 已过期; `verified` words a valid one as the result of a check (核验有效), as on a case's materials. */
export function LicenceStatusTag({ status, verified = false }: { status: LicenceStatus; verified?: boolean }) {
  return (
    <Tag color={STATUS_COLORS[status]}>
      {verified && status === "valid" ? "核验有效" : LICENCE_STATUS_LABELS[status]}
    </Tag>
  );
}

/** An e-licence's expiry date; none means it does not expire. */
export function expiryText(expiresOn: string | null): string {
  return expiresOn ?? "长期有效";
}
