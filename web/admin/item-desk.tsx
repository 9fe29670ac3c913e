import { useQuery } from "@tanstack/react-query";
import { App, Button, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { api, call } from "../api/client";

/** 责任窗口人员: who answers the item's online questions; chosen from the window staff the administrator manages. */
export function ItemDeskButton({ itemId, itemName }: { itemId: string; itemName: string }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [staffId, setStaffId] = useState<string | null>(null);
  const current = useQuery({
    queryKey: ["item-faq", itemId],
    queryFn: () => call(api.GET("/api/public/items/{id}/faq", { params: { path: { id: itemId } } })),
    enabled: open,
  });
  const clerks = useQuery({
    queryKey: ["window-clerks"],
    queryFn: () => call(api.GET("/api/users", { params: { query: { role: "window_clerk", pageSize: 100 } } })),
    enabled: open,
  });

  async function save() {
    try {
      const saved = await call(
        api.PUT("/api/admin/items/{id}/desk", { params: { path: { id: itemId } }, body: { staffId } }),
      );
      void message.success(saved.staffName ? `责任人：${saved.staffName}` : "已取消责任人");
      setOpen(false);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "保存失败");
    }
    await current.refetch();
  }

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        责任人
      </Button>
      <Modal
        open={open}
        title={`责任窗口人员：${itemName}`}
        okText="保存"
        cancelText="取消"
        onCancel={() => setOpen(false)}
        onOk={() => void save()}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          责任人在线答复本事项的咨询，姓名显示在办事指南页。当前：{current.data?.responsibleStaff ?? "未指定"}
        </Typography.Paragraph>
        <Select
          aria-label="责任窗口人员"
          className="full-width"
          allowClear
          placeholder="选择窗口人员；清空则取消"
          loading={clerks.isPending}
          onChange={(v: string | undefined) => setStaffId(v ?? null)}
          options={(clerks.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name}（${u.orgName}）` }))}
        />
      </Modal>
    </>
  );
}
