import { useQueryClient } from "@tanstack/react-query";
import { App, Form, Input, Modal } from "antd";
import { useState } from "react";
import { ApiError, api, call } from "../api/client";

const PASSWORD_RULE = "至少 8 位，含大写字母、小写字母、数字、符号中的至少三类，且不含用户名";

type Values = { currentPassword: string; newPassword: string; confirm: string };

/** Changing one's own password; `forced` when an administrator set it and it must be replaced first. */
export function ChangePasswordModal({
  open,
  forced,
  onClose,
}: {
  open: boolean;
  forced: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  async function submit(values: Values) {
    setSaving(true);
    try {
      await call(
        api.POST("/api/auth/password", {
          body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
        }),
      );
      void message.success("密码已修改");
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ["session"] });
      onClose();
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : "修改失败，请稍后再试");
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={forced ? "首次登录，请先修改密码" : "修改密码"}
      open={open}
      onOk={() => form.submit()}
      onCancel={forced ? undefined : onClose}
      closable={!forced}
      maskClosable={false}
      keyboard={!forced}
      cancelButtonProps={{ style: forced ? { display: "none" } : undefined }}
      okText="确认修改"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: "请输入当前密码" }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra={PASSWORD_RULE}
          rules={[{ required: true, message: "请输入新密码" }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: "请再次输入新密码" },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue("newPassword")
                  ? Promise.resolve()
                  : Promise.reject(new Error("两次输入的密码不一致")),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
