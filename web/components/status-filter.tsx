import { Segmented } from "antd";

/** The status tabs above a workbench list, with 全部 last. */
export function StatusFilter<S extends string>({
  statuses,
  labels,
  value,
  onChange,
}: {
  statuses: readonly S[];
  labels: Record<S, string>;
  value: S | "all";
  onChange: (value: S | "all") => void;
}) {
  return (
    <Segmented
      className="block"
      value={value}
      onChange={(v) => onChange(v as S | "all")}
      options={[...statuses.map((s) => ({ value: s, label: labels[s] })), { value: "all", label: "全部" }]}
    />
  );
}
